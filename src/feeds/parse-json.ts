import { cleanLine, stripHtml } from './html-text.js';
import { makeEntry } from './identity.js';
import { FeedError, type ParsedFeed } from './types.js';
import { resolveUrl } from './urls.js';

interface Ctx {
  base: string | null;
  feedKey: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : typeof o[k] === 'number' ? String(o[k]) : null);


function jsonFeed(doc: Obj, ctx: Ctx): ParsedFeed {
  const version = str(doc, 'version') ?? '';
  const base = resolveUrl(str(doc, 'home_page_url'), ctx.base) ?? ctx.base;
  const items = (doc.items as unknown[]).filter(isObj).map((it) => {
    const link = resolveUrl(str(it, 'url'), base) ?? resolveUrl(str(it, 'external_url'), base);
    return makeEntry({
      guid: str(it, 'id'),
      link,
      title: cleanLine(str(it, 'title')),
      summary: stripHtml(str(it, 'summary')),
      content: stripHtml(str(it, 'content_html')) ?? stripHtml(str(it, 'content_text')),
      date: str(it, 'date_published') ?? str(it, 'date_modified'),
    }, ctx.feedKey);
  });
  const v = /(?<!\d)(\d+\.\d+)\/?$/.exec(version)?.[1] ?? (/^\d/.test(version) ? version : null);
  return { format: 'json', version: v, title: cleanLine(str(doc, 'title')) || null, link: resolveUrl(str(doc, 'home_page_url'), ctx.base), encoding: null, entries: items };
}

/** Dave Winer's RSS-in-JSON ({ rss: { channel: { item: [...] } } }), which scripting.com serves. */
function rssInJson(channel: Obj, ctx: Ctx): ParsedFeed {
  const raw = channel.item;
  const list = Array.isArray(raw) ? raw.filter(isObj) : isObj(raw) ? [raw] : [];
  const entries = list.map((it) => {
    const guid = isObj(it.guid) ? str(it.guid, 'value') ?? str(it.guid, '#value') : str(it, 'guid');
    return makeEntry({
      guid,
      link: resolveUrl(str(it, 'link'), ctx.base),
      title: cleanLine(str(it, 'title')),
      summary: stripHtml(str(it, 'description')),
      content: null,
      date: str(it, 'pubDate'),
    }, ctx.feedKey);
  });
  return { format: 'json', version: 'rss-in-json', title: cleanLine(str(channel, 'title')) || null, link: resolveUrl(str(channel, 'link'), ctx.base), encoding: null, entries };
}

export function parseJsonDocument(text: string, ctx: Ctx): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedError('parse', `received JSON that is cut off or invalid (${(err as Error).message})`);
  }
  if (isObj(doc) && Array.isArray(doc.items)) {
    const version = str(doc, 'version') ?? '';
    if (version.includes('jsonfeed.org') || /^1(\.\d+)?$/.test(version) || 'title' in doc) return jsonFeed(doc, ctx);
  }
  if (isObj(doc) && isObj(doc.rss) && isObj(doc.rss.channel)) return rssInJson(doc.rss.channel, ctx);
  const keys = isObj(doc) ? Object.keys(doc).slice(0, 6).join(', ') : Array.isArray(doc) ? 'a list' : typeof doc;
  throw new FeedError('not-a-feed', `received JSON that is not a JSON Feed (no "items" list; found ${keys || 'nothing'})`);
}
