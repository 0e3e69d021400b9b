import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/feeds/dates.js';
import { decodeFeedBytes, decompressBody } from '../../src/feeds/decode.js';
import { parseFeedBytes, parseFeedText } from '../../src/feeds/parse.js';
import { FeedError } from '../../src/feeds/types.js';
import { canonicalUrl } from '../../src/feeds/urls.js';
import { buildAtomFeed, buildJsonFeed, buildRssFeed } from '../support/builders.js';

const FEED_URL = 'https://news.example/feeds/main.xml';
const parse = (text: string) => parseFeedText(text, { baseUrl: FEED_URL });

function rejection(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('formats', () => {
  it('reads RSS 2.0, Atom 1.0 and JSON Feed 1.1 built by the test builders', () => {
    const rss = parse(buildRssFeed([{ title: 'One', link: 'https://a.example/1', guid: 'g1', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT' }]));
    expect(rss).toMatchObject({ format: 'rss2', title: 'Test feed' });
    expect(rss.entries[0]).toMatchObject({ title: 'One', url: 'https://a.example/1', publishedAt: '2026-11-02T09:00:00.000Z' });

    const atom = parse(buildAtomFeed([{ title: 'Two', link: 'https://a.example/2', id: 'urn:x:2', published: '2026-11-02T10:00:00+01:00' }]));
    expect(atom).toMatchObject({ format: 'atom', version: '1.0' });
    expect(atom.entries[0]).toMatchObject({ id: 'urn:x:2', url: 'https://a.example/2', publishedAt: '2026-11-02T09:00:00.000Z' });

    const json = parse(buildJsonFeed([{ id: '3', title: 'Three', url: 'https://a.example/3', content_html: '<p>Hello <b>world</b></p>' }]));
    expect(json).toMatchObject({ format: 'json', version: '1.1' });
    expect(json.entries[0]).toMatchObject({ title: 'Three', content: 'Hello world', url: 'https://a.example/3' });
  });

  it('reads RSS 0.91, RSS 1.0 (RDF) and Atom 0.3', () => {
    expect(parse('<rss version="0.91"><channel><title>Old</title><item><title>A</title><link>http://x.example/a</link></item></channel></rss>')).toMatchObject({ format: 'rss09', version: '0.91' });
    const rdf = parse(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel><title>RDF</title></channel><item><title>A</title><link>http://x.example/a</link></item><item><title>B</title><link>http://x.example/b</link></item></rdf:RDF>`);
    expect(rdf).toMatchObject({ format: 'rss1', title: 'RDF' });
    expect(rdf.entries.map((e) => e.title)).toEqual(['A', 'B']);
    const atom03 = parse('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title><entry><title>E</title><link rel="alternate" href="http://x.example/e"/><issued>2004-04-20T11:56:34Z</issued></entry></feed>');
    expect(atom03).toMatchObject({ format: 'atom', version: '0.3' });
    expect(atom03.entries[0]).toMatchObject({ url: 'http://x.example/e', publishedAt: '2004-04-20T11:56:34.000Z' });
  });
});

describe('tolerance', () => {
  it('survives a bare &, HTML entities, junk before <?xml and CDATA padded with whitespace', () => {
    const text = `\n  \n<?xml version="1.0"?><rss version="2.0"><channel><title>Fish & Chips &amp; more</title>
      <item><title>
        <![CDATA[  Caf&eacute; names new CEO  ]]>
      </title><link>https://x.example/a?x=1&y=2</link><description>Prices &mdash; up &hellip; &nbsp;</description></item></channel></rss>`;
    const feed = parse(text);
    expect(feed.title).toBe('Fish & Chips & more');
    expect(feed.entries[0]!.title).toBe('Café names new CEO');
    expect(feed.entries[0]!.url).toBe('https://x.example/a?x=1&y=2');
    expect(feed.entries[0]!.summary).toBe('Prices — up …');
  });

  it('keeps the items before and after a broken one, and the items of a truncated document', () => {
    const feed = parse('<rss><channel><item><title>A</title></item><item><title>B & C</title><link>http://x.example/?a=1&b</link></item><item><title>D</title>');
    expect(feed.entries.map((e) => e.title)).toEqual(['A', 'B & C', 'D']);
  });

  it('reads date-only, localised, 2-digit-year and named-zone dates', () => {
    expect(parseFeedDate('Seg, 24 Set 2018 19:42:40 -0300')).toBe('2018-09-24T22:42:40.000Z');
    expect(parseFeedDate('Do, 22 Dez 2016 17:36:00 +0000')).toBe('2016-12-22T17:36:00.000Z');
    expect(parseFeedDate('2021-09-07')).toBe('2021-09-07T00:00:00.000Z');
    expect(parseFeedDate('03 Apr 02 1500 GMT')).toBe('2002-04-03T15:00:00.000Z');
    expect(parseFeedDate('Tue, 01 Oct 2019 14:30:00 PST')).toBe('2019-10-01T22:30:00.000Z');
    expect(parseFeedDate('2022-07-28T03:40:34.000000000Z')).toBe('2022-07-28T03:40:34.000Z');
    expect(parseFeedDate('Wed, 19 jan 2026 00:00:00 GMT')).toBe('2026-01-19T00:00:00.000Z');
    expect(parseFeedDate('1518478934')).toBe('2018-02-12T23:42:14.000Z');
    expect(parseFeedDate('not a date')).toBeNull();
  });

  it('resolves relative links against xml:base and the feed URL, ignoring unsafe bases', () => {
    const feed = parse(`<rss version="2.0" xml:base="https://site.example/blog/"><channel><title>t</title>
      <item><title>Rel</title><link>posts/1.html</link></item>
      <item xml:base="javascript:alert(1)"><title>Unsafe</title><link>/2.html</link></item></channel></rss>`);
    expect(feed.entries.map((e) => e.url)).toEqual(['https://site.example/blog/posts/1.html', 'https://site.example/2.html']);
    const noBase = parse('<rss><channel><item><title>Plain</title><link>/a/b</link></item></channel></rss>');
    expect(noBase.entries[0]!.url).toBe('https://news.example/a/b');
  });

  it('gives items without guid a stable id from the link, else from title and date', () => {
    const a = parse('<rss><channel><item><title>No guid</title><link>https://x.example/p?utm_source=rss&id=7</link></item><item><title>Nothing</title><pubDate>2026-01-01</pubDate></item></channel></rss>');
    expect(a.entries[0]!.id).toBe('https://x.example/p?id=7');
    expect(a.entries[1]!.id).toMatch(/^sha1:[0-9a-f]{40}$/);
    const again = parse('<rss><channel><item><title>Nothing</title><pubDate>2026-01-01</pubDate></item></channel></rss>');
    expect(again.entries[0]!.id).toBe(a.entries[1]!.id);
  });

  it('uses FeedBurner origLink and unwraps Google redirect links that carry the real URL', () => {
    const fb = parse(`<rss xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><item><title>T</title>
      <link>http://feedproxy.google.com/~r/x/~3/abc/story</link><feedburner:origLink>https://real.example/story?utm_medium=feed</feedburner:origLink></item></channel></rss>`);
    expect(fb.entries[0]!.url).toBe('https://real.example/story');
    expect(canonicalUrl('https://www.google.com/url?rct=j&sa=t&url=https://real.example/a%3Fb%3D1&ct=ga')).toBe('https://real.example/a?b=1');
    expect(canonicalUrl('https://Real.Example:443/a?b=1&fbclid=xyz#section')).toBe('https://real.example/a?b=1');
  });

  it('uses a permalink guid as the link, but not one marked isPermaLink="false"', () => {
    const feed = parse(`<rss><channel>
      <item><title>Permalink guid only</title><guid>https://x.example/perma</guid></item>
      <item><title>Opaque guid</title><guid isPermaLink="false">http://guid.example.com/</guid></item></channel></rss>`);
    expect(feed.entries.map((e) => e.url)).toEqual(['https://x.example/perma', null]);
    expect(feed.entries[1]!.id).toBe('http://guid.example.com/');
  });

  it('scopes short guids by feed, keeps URL and URN guids global', () => {
    const a = parseFeedText(buildRssFeed([{ title: 'x', guid: '42' }]), { baseUrl: 'https://a.example/feed' });
    const b = parseFeedText(buildRssFeed([{ title: 'x', guid: '42' }]), { baseUrl: 'https://b.example/feed' });
    expect(a.entries[0]!.id).not.toBe(b.entries[0]!.id);
    const c = parse('<rss><channel><item><title>x</title><guid>https://x.example/1?utm_campaign=a</guid></item></channel></rss>');
    expect(c.entries[0]!.id).toBe('https://x.example/1');
  });
});

describe('encodings and compression', () => {
  it('decodes by BOM, HTTP charset and XML declaration, and distrusts a lying declaration', () => {
    const cyr = 'Новости';
    const decl = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${cyr}</title></channel></rss>`, 'win1251');
    expect(parseFeedBytes(decl).title).toBe(cyr);
    const byHeader = iconv.encode(`<rss><channel><title>${cyr}</title></channel></rss>`, 'koi8-r');
    expect(parseFeedBytes(byHeader, { contentType: 'text/xml; charset=KOI8-R' }).title).toBe(cyr);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="utf-16"?><rss><channel><title>${cyr}</title></channel></rss>`, 'utf16le')]);
    expect(parseFeedBytes(utf16).title).toBe(cyr);
    const lying = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café €</title></channel></rss>', 'utf8');
    expect(parseFeedBytes(lying).title).toBe('Café €');
    const latin1NoDecl = iconv.encode('<rss><channel><title>Français</title></channel></rss>', 'latin1');
    expect(decodeFeedBytes(latin1NoDecl).text).toContain('Français');
  });

  it('reads gzip bytes with or without a Content-Encoding, and refuses a compression bomb', () => {
    const doc = buildRssFeed([{ title: 'Zipped', guid: 'z1' }]);
    expect(parseFeedBytes(gzipSync(doc)).entries[0]!.title).toBe('Zipped');
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const err = rejection(() => decompressBody(bomb, 'gzip', 1024 * 1024));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/decompressed/);
  });
});

describe('refusals say what was received', () => {
  it.each([
    ['', /received an empty body/],
    ['<!DOCTYPE html><html><head><title>Welcome home</title><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>hi</body></html>', /received an HTML page \("Welcome home"\), not a feed; the page names a feed at \/rss/],
    ['<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>', /received a sitemap/],
    ['<note><to>you</to></note>', /root element is <note>/],
    ['Service temporarily unavailable', /neither XML nor JSON, starting "Service temporarily/],
    ['{"hello": "world"}', /JSON that is not a JSON Feed.*hello/],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "ti', /JSON that is cut off or invalid/],
  ])('%#', (text, message) => {
    const err = rejection(() => parse(text));
    expect(err.message).toMatch(message);
  });
});

describe('entities are never fetched', () => {
  it('ignores external entities and does not expand entities recursively', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY local "inline value">]>
      <rss><channel><title>&xxe;|&local;</title></channel></rss>`;
    expect(parse(xxe).title).toBe('&xxe;|inline value');
    const laughs = `<!DOCTYPE rss [<!ENTITY a "hahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
      <rss><channel><title>&c;</title></channel></rss>`;
    expect(parse(laughs).title!.length).toBeLessThan(100);
  });
});

describe('title keys', () => {
  it('fold case, accents, punctuation, a publisher suffix and an UPDATE: prefix', async () => {
    const { titleKey } = await import('../../src/pipeline/title-key.js');
    const key = titleKey('Acme Robotics names Jane Doe chief executive');
    expect(titleKey('UPDATE: Acme Robotics names Jane Doe chief executive - Reuters')).toBe(key);
    expect(titleKey('ACME ROBOTICS NAMES JANE DOE CHIEF EXECUTIVE!')).toBe(key);
    expect(titleKey('Société Générale names a new CFO')).toBe('societe generale names a new cfo');
    expect(titleKey('Acme Robotics names John Roe chief executive')).not.toBe(key);
  });
});

describe('plain text from HTML', () => {
  it('keeps paragraphs, joins lines, drops scripts and comments', async () => {
    const { stripHtml } = await import('../../src/feeds/html-text.js');
    expect(stripHtml('<p>First  line\nsame paragraph.</p><p>Second&nbsp;paragraph</p><script>alert(1)</script><!-- x -->')).toBe('First line same paragraph.\n\nSecond paragraph');
    expect(stripHtml('  Plain title  ')).toBe('Plain title');
    expect(stripHtml('<p><strong>TOPIC</strong>: Gooseneck <img src="x.png"> options</p>')).toBe('TOPIC: Gooseneck options');
    expect(stripHtml('Tab\u0008bed')).toBe('Tabbed');
    expect(stripHtml('   ')).toBeNull();
  });
});

describe('hostile documents do not stall the reader', () => {
  it('reads runaway nesting, thousands of unclosed scripts and comments, and an unbalanced <!', () => {
    const nested = `<rss><channel><item><title>Deep</title><description>${'<b>'.repeat(50_000)}text</description></item></channel></rss>`;
    expect(parse(nested).entries[0]!.summary).toBe('text');
    const scripts = `<rss><channel><item><title>Scripts</title><description><![CDATA[before ${'<script>x'.repeat(20_000)}]]></description></item></channel></rss>`;
    expect(parse(scripts).entries[0]!.summary).toBe('before');
    const comments = `<rss><channel><item><title>Comments</title><description><![CDATA[kept ${'<!-- open '.repeat(20_000)}]]></description></item></channel></rss>`;
    expect(parse(comments).entries[0]!.summary).toBe('kept');
    const bang = '<rss><channel><![if x [ ><item><title>After</title></item></channel></rss>';
    expect(parse(bang).entries.map((e) => e.title)).toEqual(['After']);
  });
});
