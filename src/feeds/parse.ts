import { decodeFeedBytes, decompressBody } from './decode.js';
import { cleanLine, stripHtml } from './html-text.js';
import { makeEntry, separateSharedIds } from './identity.js';
import { parseJsonDocument } from './parse-json.js';
import { FeedError, type FeedEntry, type FeedFormat, type ParsedFeed } from './types.js';
import { resolveUrl } from './urls.js';
import { childElements, innerXml, parseXml, textOf, type XmlElement } from './xml.js';

export { stripHtml } from './html-text.js';

export interface ParseOptions {
  /** The feed's URL: relative links resolve against it, and it scopes feed-local guids. */
  baseUrl?: string | null;
  /** What identifies the feed when scoping guids (defaults to baseUrl). */
  feedKey?: string;
}

const ATOM10 = 'http://www.w3.org/2005/atom';
const ATOM03 = 'http://purl.org/atom/ns#';
const XHTML = 'http://www.w3.org/1999/xhtml';
// Namespaces whose elements are never the feed's own title/link/description.
const FOREIGN = /(itunes\.com|search\.yahoo\.com\/mrss|rssnamespace\.org\/feedburner|purl\.org\/dc\/|purl\.org\/rss\/1\.0\/modules|webns\.net|georss|podcastindex|w3\.org\/1999\/02\/22-rdf|slashdot|wellformedweb|yandex|googleplay)/;

interface Ctx {
  base: string | null;
  feedKey: string;
}

const isForeign = (el: XmlElement) => el.ns !== '' && FOREIGN.test(el.ns);

function child(el: XmlElement, local: string, own = true): XmlElement | undefined {
  for (const k of el.children) {
    if (typeof k !== 'string' && k.local === local && (!own || !isForeign(k))) return k;
  }
  return undefined;
}

function childNs(el: XmlElement, local: string, ns: RegExp): XmlElement | undefined {
  for (const k of el.children) if (typeof k !== 'string' && k.local === local && ns.test(k.ns)) return k;
  return undefined;
}

/** The base URL in force at an element: the feed URL refined by every xml:base above it. */
function baseAt(el: XmlElement, docBase: string | null): string | null {
  const chain: string[] = [];
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    const b = cur.attrs['xml:base'];
    if (b !== undefined) chain.push(b);
  }
  let base = docBase;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i], base) ?? base; // unsafe bases are ignored
  return base;
}

const firstText = (...els: Array<XmlElement | undefined>) => {
  for (const e of els) {
    const t = textOf(e).trim();
    if (t) return t;
  }
  return null;
};

function rssItem(item: XmlElement, ctx: Ctx): FeedEntry {
  const base = baseAt(item, ctx.base);
  const guidEl = child(item, 'guid');
  const guid = textOf(guidEl).trim() || null;
  const origLink = childNs(item, 'origLink', /feedburner/);
  let link = resolveUrl(textOf(origLink), base) ?? resolveUrl(textOf(child(item, 'link')), base);
  if (!link) {
    for (const k of childElements(item)) {
      if (k.local === 'link' && k.attrs.href && (!k.attrs.rel || k.attrs.rel === 'alternate')) {
        link = resolveUrl(k.attrs.href, baseAt(k, ctx.base));
        if (link) break;
      }
    }
  }
  if (!link && guid && guidEl?.attrs.isPermaLink !== 'false') link = resolveUrl(guid, null);
  const contentEl = childNs(item, 'encoded', /content|^$/) ?? child(item, 'encoded', false) ?? childNs(item, 'body', /xhtml/);
  const content = contentEl ? stripHtml(contentEl.local === 'body' ? innerXml(contentEl) : rawHtmlOf(contentEl)) : null;
  return makeEntry({
    guid,
    link,
    title: cleanLine(rawHtmlOf(child(item, 'title'))),
    summary: stripHtml(rawHtmlOf(child(item, 'description'))),
    content,
    date: firstText(child(item, 'pubDate', false), child(item, 'date', false), child(item, 'published', false), child(item, 'updated', false), child(item, 'issued', false), child(item, 'modified', false)),
  }, ctx.feedKey);
}

/** The HTML text of an element whose HTML may arrive escaped, in CDATA, or as naked child markup. */
function rawHtmlOf(el: XmlElement | undefined): string {
  if (!el) return '';
  for (const k of el.children) if (typeof k !== 'string') return innerXml(el);
  return textOf(el);
}

function atomText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? '').toLowerCase();
  if (el.attrs.mode === 'base64') {
    try {
      return stripHtml(Buffer.from(textOf(el).trim(), 'base64').toString('utf8'));
    } catch {
      return null;
    }
  }
  if (type === 'xhtml' || type.includes('xhtml') || childElements(el).some((k) => k.ns === XHTML || k.local === 'div')) return stripHtml(innerXml(el));
  return stripHtml(rawHtmlOf(el));
}

function atomLink(entry: XmlElement, ctx: Ctx): string | null {
  const origLink = childNs(entry, 'origLink', /feedburner/);
  if (origLink) {
    const u = resolveUrl(textOf(origLink), baseAt(entry, ctx.base));
    if (u) return u;
  }
  let best: string | null = null;
  let bestScore = -1;
  for (const k of childElements(entry)) {
    if (k.local !== 'link' || isForeign(k)) continue;
    const rel = (k.attrs.rel ?? 'alternate').trim().toLowerCase();
    const href = k.attrs.href ?? textOf(k).trim();
    if (!href) continue;
    const type = (k.attrs.type ?? '').toLowerCase();
    const score = rel === 'alternate' ? (type === '' || type.includes('html') ? 3 : 2) : rel === 'related' ? 1 : 0;
    if (score > bestScore) {
      const u = resolveUrl(href, baseAt(k, ctx.base));
      if (u) {
        best = u;
        bestScore = score;
      }
    }
  }
  return best;
}

function atomEntry(entry: XmlElement, ctx: Ctx): FeedEntry {
  const summary = atomText(child(entry, 'summary'));
  const content = atomText(child(entry, 'content'));
  const id = textOf(child(entry, 'id')).trim() || null;
  return makeEntry({
    guid: id,
    // An entry without a link is often known by an http id: that is its address.
    link: atomLink(entry, ctx) ?? (id && /^https?:\/\//i.test(id) ? resolveUrl(id, null) : null),
    title: cleanLine(atomText(child(entry, 'title'))),
    summary,
    content,
    date: firstText(child(entry, 'published', false), child(entry, 'issued', false), child(entry, 'created', false), child(entry, 'updated', false), child(entry, 'modified', false), child(entry, 'date', false)),
  }, ctx.feedKey);
}

const hasContent = (item: XmlElement) => childElements(item).some((k) => k.local === 'title' || k.local === 'link' || k.local === 'guid' || k.local === 'description');

const RSS_CONTAINERS = new Set(['channel', 'rss', 'RDF']);
// <rdf:RDF> is in the RDF namespace, which is "foreign" for everything else.
const isRssContainer = (el: XmlElement) => el.local === 'RDF' || (RSS_CONTAINERS.has(el.local) && !isForeign(el));

/** The RSS or Atom element an item or entry belongs to, if any. */
function feedAncestor(el: XmlElement, local: 'item' | 'entry'): XmlElement | null {
  for (let cur = el.parent; cur; cur = cur.parent) {
    if (local === 'item' ? isRssContainer(cur) : cur.local === 'feed') return cur;
  }
  return null;
}

/**
 * Maps items and entries as the XML reader finishes each one, and drops them from the tree
 * (a 2,000-item document never exists as a whole). Items sit in the channel or the RDF root;
 * ones inside other elements (swallowed by an unclosed `<itunes:category>`, or illegally nested
 * in another item) count only if they have content, so an empty nested `<item />` does not.
 */
function createItemCollector(ctx: Ctx) {
  const rss: Array<{ seq: number; entry: FeedEntry }> = [];
  const atom: Array<{ seq: number; entry: FeedEntry }> = [];
  const onEnd = (el: XmlElement): boolean => {
    const local = el.local;
    if ((local !== 'item' && local !== 'entry') || isForeign(el)) return false;
    const owner = feedAncestor(el, local);
    if (!owner) return false;
    const direct = el.parent === owner || (local === 'item' && el.parent !== null && isRssContainer(el.parent));
    if (!direct && !hasContent(el)) return false;
    (local === 'item' ? rss : atom).push({ seq: el.seq, entry: local === 'item' ? rssItem(el, ctx) : atomEntry(el, ctx) });
    return true;
  };
  const inOrder = (list: Array<{ seq: number; entry: FeedEntry }>) => list.sort((a, b) => a.seq - b.seq).map((x) => x.entry);
  return { onEnd, rss: () => inOrder(rss), atom: () => inOrder(atom) };
}

interface Root {
  el: XmlElement;
  format: FeedFormat;
  version: string | null;
}

function classify(el: XmlElement): Root | null {
  const local = el.local;
  if (local === 'rss') {
    const v = (el.attrs.version ?? '').trim();
    return { el, format: /^0\.9/.test(v) ? 'rss09' : 'rss2', version: v || null };
  }
  if (local === 'RDF') {
    const old = childElements(el).some((k) => k.ns.includes('my.netscape.com/rdf/simple/0.9'));
    return { el, format: old ? 'rss09' : 'rss1', version: old ? '0.90' : '1.0' };
  }
  if (local === 'feed' && (el.ns === ATOM10 || el.ns === ATOM03 || el.ns === '' || el.ns === el.prefix || el.attrs.version)) {
    const v03 = el.ns === ATOM03 || el.attrs.version === '0.3';
    return { el, format: 'atom', version: v03 ? '0.3' : '1.0' };
  }
  if (local === 'channel' && !el.prefix) return { el, format: 'rss2', version: null };
  return null;
}

function findFeedRoot(el: XmlElement, depth = 0): Root | null {
  const direct = classify(el);
  if (direct) return direct;
  if (depth > 6) return null;
  for (const k of childElements(el)) {
    const found = findFeedRoot(k, depth + 1);
    if (found) return found;
  }
  return null;
}

function describeNonFeed(root: XmlElement): string {
  const name = root.local.toLowerCase();
  if (name === 'html' || name === 'head' || name === 'body') {
    const title = cleanLine(textOf(findDeep(root, 'title')));
    const alt = findAlternateFeed(root);
    return `received an HTML page${title ? ` ("${title.slice(0, 80)}")` : ''}, not a feed${alt ? `; the page names a feed at ${alt}` : ''}`;
  }
  if (name === 'urlset' || name === 'sitemapindex') return `received a sitemap (<${root.name}>), not a feed`;
  if (name === 'opml') return 'received an OPML subscription list, not a feed (use `execwatch feeds import` for OPML)';
  return `received an XML document whose root element is <${root.name}>, not RSS, Atom or RDF`;
}

function findDeep(el: XmlElement, local: string): XmlElement | undefined {
  for (const k of childElements(el)) {
    if (k.local.toLowerCase() === local) return k;
    const f = findDeep(k, local);
    if (f) return f;
  }
  return undefined;
}

function findAlternateFeed(el: XmlElement): string | null {
  for (const k of childElements(el)) {
    if (k.local.toLowerCase() === 'link' && /alternate/i.test(k.attrs.rel ?? '') && /(rss|atom|feed\+json)/i.test(k.attrs.type ?? '') && k.attrs.href) return k.attrs.href;
    const f = findAlternateFeed(k);
    if (f) return f;
  }
  return null;
}

function preview(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 60));
}

/** Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed text into normalised entries, each with an id of its own. */
export function parseFeedText(text: string, opts: ParseOptions = {}): ParsedFeed {
  const feed = parseDocument(text, opts);
  const { entries, shared } = separateSharedIds(feed.entries);
  return shared.length ? { ...feed, entries, sharedIds: shared } : feed;
}

function parseDocument(text: string, opts: ParseOptions): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  const ctx: Ctx = { base: opts.baseUrl ?? null, feedKey: opts.feedKey ?? opts.baseUrl ?? '' };
  if (!trimmed) throw new FeedError('not-a-feed', 'received an empty body, not a feed');
  if (trimmed[0] === '{' || trimmed[0] === '[') return parseJsonDocument(trimmed, ctx);
  const lt = trimmed.indexOf('<');
  if (lt === -1 || (lt > 0 && !/^[\s\S]{0,512}<(\?xml|rss|feed|rdf:RDF|!--)/i.test(trimmed))) {
    throw new FeedError('not-a-feed', `received text that is neither XML nor JSON, starting ${preview(trimmed)}`);
  }
  const items = createItemCollector(ctx);
  const doc = parseXml(trimmed, { onEnd: items.onEnd });
  if (!doc.roots.length) throw new FeedError('not-a-feed', 'received an XML document with no elements (only comments or declarations)');
  let root: Root | null = null;
  for (const r of doc.roots) {
    root = findFeedRoot(r);
    if (root) break;
  }
  if (!root) throw new FeedError('not-a-feed', describeNonFeed(doc.roots[0]!));
  return root.format === 'atom' ? atomFeed(root, ctx, items.atom()) : rssFeed(root, ctx, items.rss());
}

function rssFeed(root: Root, ctx: Ctx, entries: FeedEntry[]): ParsedFeed {
  const channel = root.el.local === 'channel' ? root.el : childElements(root.el).find((k) => k.local === 'channel' && !isForeign(k));
  const siteLink = channel ? resolveUrl(textOf(child(channel, 'link')), baseAt(channel, ctx.base)) : null;
  return {
    format: root.format,
    version: root.version,
    title: channel ? cleanLine(textOf(child(channel, 'title'))) || null : null,
    link: siteLink,
    encoding: null,
    entries,
  };
}

function atomFeed(root: Root, ctx: Ctx, entries: FeedEntry[]): ParsedFeed {
  let link: string | null = null;
  for (const k of childElements(root.el)) {
    if (k.local === 'link' && (k.attrs.rel ?? 'alternate') === 'alternate' && k.attrs.href) {
      link = resolveUrl(k.attrs.href, baseAt(k, ctx.base));
      if (link) break;
    }
  }
  return {
    format: 'atom',
    version: root.version,
    title: cleanLine(atomText(child(root.el, 'title'))) || null,
    link,
    encoding: null,
    entries,
  };
}

/** Bytes (any encoding, possibly gzip) to a parsed feed. */
export function parseFeedBytes(bytes: Buffer, opts: ParseOptions & { contentType?: string | null; maxBytes?: number } = {}): ParsedFeed {
  const { text, encoding } = decodeFeedBytes(decompressBody(bytes, null, opts.maxBytes ?? 64 * 1024 * 1024), opts.contentType);
  const feed = parseFeedText(text, opts);
  return { ...feed, encoding };
}

/** Kept for callers that have text in hand. */
export async function parseFeed(text: string, opts: ParseOptions = {}): Promise<ParsedFeed> {
  return parseFeedText(text, opts);
}
