import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { FeedError, type FeedEntry, type ParsedFeed } from './types.js';

const parser = new Parser({ customFields: { item: [['content:encoded', 'contentEncoded']] } });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim();
  return text || null;
}

function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function entryId(guid: string | undefined, link: string | null, title: string, date: string | null): string {
  if (guid?.trim()) return guid.trim();
  if (link) return link;
  return `sha1:${createHash('sha1').update(`${title}\n${date ?? ''}`).digest('hex')}`;
}

function parseJsonFeed(text: string): ParsedFeed {
  let doc: { version?: unknown; title?: unknown; items?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    throw new FeedError('parse', `not valid JSON: ${(err as Error).message}`);
  }
  if (typeof doc.version !== 'string' || !doc.version.includes('jsonfeed.org') || !Array.isArray(doc.items)) {
    throw new FeedError('not-a-feed', 'received JSON that is not a JSON Feed (no jsonfeed.org version or no items)');
  }
  const entries = (doc.items as Array<Record<string, unknown>>).map((it) => {
    const str = (k: string) => (typeof it[k] === 'string' ? (it[k] as string) : null);
    const title = stripHtml(str('title')) ?? '';
    const url = str('url') ?? str('external_url');
    const publishedAt = isoDate(str('date_published') ?? str('date_modified'));
    return {
      id: entryId(it.id == null ? undefined : String(it.id), url, title, publishedAt),
      title,
      summary: stripHtml(str('summary')),
      content: stripHtml(str('content_html')) ?? str('content_text'),
      url,
      publishedAt,
    } satisfies FeedEntry;
  });
  return { format: 'json', title: typeof doc.title === 'string' ? doc.title : null, entries };
}

/** Parses RSS, Atom or JSON Feed text into normalised entries. */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body) throw new FeedError('not-a-feed', 'received an empty body');
  if (body.startsWith('{')) return parseJsonFeed(body);
  if (/^<!doctype html|^<html/i.test(body)) throw new FeedError('not-a-feed', 'received an HTML page, not a feed');
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(body);
  } catch (err) {
    throw new FeedError('parse', `cannot parse the feed: ${(err as Error).message}`);
  }
  const format = /<feed[\s>]/.test(body.slice(0, 2000)) ? 'atom' : 'rss';
  const entries = (feed.items ?? []).map((it) => {
    const item = it as typeof it & { contentEncoded?: string; summary?: string; id?: string };
    const title = stripHtml(item.title) ?? '';
    const url = item.link?.trim() || null;
    const publishedAt = isoDate(item.isoDate ?? item.pubDate);
    const content = stripHtml(item.contentEncoded ?? item.content);
    const summary = stripHtml(item.contentSnippet ?? item.summary);
    return {
      id: entryId(item.guid ?? item.id, url, title, publishedAt),
      title,
      summary: summary && summary !== content ? summary : null,
      content,
      url,
      publishedAt,
    } satisfies FeedEntry;
  });
  return { format, title: feed.title ?? null, entries };
}
