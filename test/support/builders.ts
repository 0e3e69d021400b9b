export interface RssItemSpec {
  title: string;
  link?: string;
  guid?: string;
  description?: string;
  pubDate?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document with the given items, newest first as feeds list them. */
export function buildRssFeed(items: RssItemSpec[], title = 'Test feed'): string {
  const body = items
    .map((it) => [
      '<item>',
      `<title>${esc(it.title)}</title>`,
      it.link ? `<link>${esc(it.link)}</link>` : '',
      it.guid ? `<guid isPermaLink="false">${esc(it.guid)}</guid>` : '',
      it.description ? `<description>${esc(it.description)}</description>` : '',
      it.pubDate ? `<pubDate>${it.pubDate}</pubDate>` : '',
      '</item>',
    ].join(''))
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>http://example.test/</link><description>test</description>\n${body}\n</channel></rss>\n`;
}

export interface AtomEntrySpec {
  title: string;
  link?: string;
  id?: string;
  summary?: string;
  content?: string;
  published?: string;
  updated?: string;
}

/** An Atom 1.0 document (optionally with an xml:base on <feed>). */
export function buildAtomFeed(entries: AtomEntrySpec[], opts: { title?: string; base?: string } = {}): string {
  const body = entries
    .map((e) => [
      '<entry>',
      `<title>${esc(e.title)}</title>`,
      e.link ? `<link rel="alternate" type="text/html" href="${esc(e.link)}"/>` : '',
      e.id ? `<id>${esc(e.id)}</id>` : '',
      e.summary ? `<summary type="html">${esc(e.summary)}</summary>` : '',
      e.content ? `<content type="html">${esc(e.content)}</content>` : '',
      e.published ? `<published>${e.published}</published>` : '',
      `<updated>${e.updated ?? e.published ?? '2026-11-02T09:00:00Z'}</updated>`,
      '</entry>',
    ].join(''))
    .join('\n');
  const base = opts.base ? ` xml:base="${esc(opts.base)}"` : '';
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${base}><title>${esc(opts.title ?? 'Test Atom feed')}</title><id>urn:test:feed</id><updated>2026-11-02T09:00:00Z</updated>\n${body}\n</feed>\n`;
}

export interface JsonItemSpec {
  id: string;
  title?: string;
  url?: string;
  content_text?: string;
  content_html?: string;
  date_published?: string;
}

/** A JSON Feed document (version 1.1 unless told). */
export function buildJsonFeed(items: JsonItemSpec[], opts: { title?: string; version?: '1' | '1.1' } = {}): string {
  return JSON.stringify({ version: `https://jsonfeed.org/version/${opts.version ?? '1.1'}`, title: opts.title ?? 'Test JSON feed', items });
}

/** The item most end-to-end tests alert on: one clear appointment. */
export const acmeNamesCeoItem = (guid = 'a3'): RssItemSpec => ({
  title: 'Acme Robotics names Jane Doe chief executive officer',
  link: 'https://news.example/acme-ceo',
  guid,
  pubDate: 'Tue, 03 Nov 2026 08:00:00 GMT',
  description: 'Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer, effective immediately.',
});
