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
