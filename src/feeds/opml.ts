import { cleanLine } from './html-text.js';
import { childElements, parseXml, type XmlElement } from './xml.js';

export interface OpmlFeed {
  url: string;
  name: string;
  /** The outline folders it sat in, outermost first. */
  folders: string[];
}

/** Reads the feed outlines (any depth) of an OPML document; throws on a document that is not OPML. */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = parseXml(text.replace(/^\uFEFF/, '').trimStart());
  const root = doc.roots.find((r) => r.local.toLowerCase() === 'opml');
  if (!root) throw new Error(`not an OPML file (root element: ${doc.roots[0] ? `<${doc.roots[0].name}>` : 'none'})`);
  const body = childElements(root).find((k) => k.local.toLowerCase() === 'body');
  const out: OpmlFeed[] = [];
  const walk = (el: XmlElement, folders: string[]) => {
    for (const k of childElements(el)) {
      if (k.local.toLowerCase() !== 'outline') continue;
      const url = (k.attrs.xmlUrl ?? k.attrs.xmlurl ?? k.attrs.url ?? '').trim();
      const name = cleanLine(k.attrs.title ?? k.attrs.text ?? '') || url;
      if (url && (k.attrs.type ?? 'rss').toLowerCase() !== 'link') out.push({ url, name, folders });
      walk(k, url ? folders : [...folders, name]);
    }
  };
  if (body) walk(body, []);
  return out;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An OPML 2.0 document listing the given feeds. */
export function buildOpml(feeds: Array<{ url: string; name: string }>, title = 'execwatch feeds', now = new Date()): string {
  const lines = feeds.map((f) => `    <outline type="rss" text="${attr(f.name)}" title="${attr(f.name)}" xmlUrl="${attr(f.url)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${attr(title)}</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
