import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteArticleCache } from '../../src/articles/article-cache.js';
import { openDatabase } from '../../src/store/db.js';
import { createArticleFetcher, needsArticleText, withArticleText } from '../../src/articles/article-fetcher.js';
import type { NewsItem } from '../../src/core/change.js';
import { createHttpFetcher } from '../../src/feeds/http-fetch.js';

const STORY = [
  'Acme Corp. said on Tuesday it had appointed Jane Doe as chief executive officer, effective March 1, succeeding John Roe, who is retiring after a decade in the role.',
  "Doe, 52, was previously the company's chief operating officer. She joined Acme in 2015 from Widget Inc., where she ran its European business for six years.",
  'The board also named Mary Major as interim chief financial officer while it searches for a permanent replacement for the departing finance chief.',
];

function articlePage(paragraphs: string[], charsetMeta = ''): string {
  return `<!doctype html><html><head>${charsetMeta}<title>Acme names new CEO | Example News</title></head><body>
    <nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/markets">Markets</a></nav>
    <div class="share">Share on social media</div>
    <article><h1>Acme names Jane Doe chief executive</h1>
      ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
      <figure><img src="/jane.jpg"><figcaption>Photo: Jane Smith Photography</figcaption></figure>
      <script>window.tracking = "Bob Trackington becomes CEO";</script>
    </article>
    <aside><h3>Most read</h3><ul><li><a href="/1">Some other story</a></li></ul></aside>
    <footer>Copyright Example News</footer></body></html>`;
}

const hits = new Map<string, number>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/ua') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(articlePage([...STORY, `The request came from ${req.headers['user-agent']} and it was a fine day.`]));
    } else if (path.startsWith('/article')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage(STORY));
    } else if (path === '/redirect') {
      res.writeHead(301, { location: '/article-after-redirect' });
      res.end();
    } else if (path === '/redirect-loop') {
      res.writeHead(302, { location: '/redirect-loop' });
      res.end();
    } else if (path === '/redirect-blocked') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else if (path === '/cp1251') {
      const html = articlePage(['Генеральный директор компании Яндекс Аркадий Волож покинул свой пост, сообщила компания во вторник в официальном заявлении для прессы и инвесторов.'.repeat(2)], '<meta charset="windows-1251">');
      const bytes = Buffer.from(new TextEncoder().encode(html));
      // Encode Cyrillic to windows-1251 by hand: U+0410..U+044F map to 0xC0..0xFF.
      const out: number[] = [];
      for (const ch of html) {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x410 && cp <= 0x44f) out.push(cp - 0x410 + 0xc0);
        else if (cp < 0x80) out.push(cp);
        else out.push(0x3f);
      }
      void bytes;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.from(out));
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>starting');
      // Never ends: the fetcher's time bound must cut it.
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    } else if (path === '/empty-page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><nav>Home</nav></body></html>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let db: Database.Database;
let requested: string[];
let clock: Date;

beforeEach(() => {
  hits.clear();
  db = openDatabase(':memory:');
  requested = [];
  clock = new Date('2026-01-01T00:00:00Z');
});

const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

function makeFetcher(overrides: { timeoutMs?: number; maxBytes?: number } = {}) {
  const counts = { ok: 0, cached: 0, error: 0 };
  // The feeds' own fetcher and SSRF guard; only the test server's loopback host is let through.
  const http = createHttpFetcher({
    userAgent: 'execwatch-test/1.0 (+https://example.org/bot)',
    connectTimeoutMs: 2000,
    timeoutMs: overrides.timeoutMs ?? 2000,
    maxBytes: overrides.maxBytes ?? 1024 * 1024,
    maxRedirects: 5,
    guard: { allowPrivate: false, allowHosts: ['127.0.0.1'] },
  });
  closers.push(() => http.close());
  const recording = {
    get: (url: string, headers?: Record<string, string>) => {
      requested.push(url);
      return http.get(url, headers);
    },
  };
  const fetcher = createArticleFetcher({
    cache: createSqliteArticleCache(db),
    http: recording,
    metrics: { articleFetched: (o) => counts[o]++ },
    now: () => clock,
  });
  return { fetcher, counts };
}

describe('createArticleFetcher', () => {
  it('takes the main text of an article page, without navigation, captions or scripts', async () => {
    const { fetcher } = makeFetcher();
    const text = await fetcher.fetchArticleText(`${base}/article`);
    expect(text).not.toBeNull();
    for (const p of STORY) expect(text).toContain(p);
    expect(text!.split('\n\n')).toEqual(expect.arrayContaining(STORY));
    for (const noise of ['Home', 'Most read', 'Copyright', 'Photo: Jane Smith', 'Trackington', 'Share on social']) {
      expect(text).not.toContain(noise);
    }
  });

  it('sends the polite User-Agent', async () => {
    const { fetcher } = makeFetcher();
    expect(await fetcher.fetchArticleText(`${base}/ua`)).toContain('The request came from execwatch-test/1.0 (+https://example.org/bot)');
  });

  it('caches pages in SQLite: a second fetcher on the same database does not fetch again', async () => {
    const first = makeFetcher();
    const text = await first.fetcher.fetchArticleText(`${base}/article`);
    const second = makeFetcher();
    expect(await second.fetcher.fetchArticleText(`${base}/article`)).toBe(text);
    expect(hits.get('/article')).toBe(1);
    expect(second.counts).toEqual({ ok: 0, cached: 1, error: 0 });
  });

  it('fetches a URL once when several items ask at the same time', async () => {
    const { fetcher } = makeFetcher();
    const texts = await Promise.all([1, 2, 3].map(() => fetcher.fetchArticleText(`${base}/article?x=1`)));
    expect(new Set(texts).size).toBe(1);
    expect(hits.get('/article?x=1')).toBe(1);
  });

  it('follows redirects, and refuses one that leads to a private address', async () => {
    const { fetcher } = makeFetcher();
    expect(await fetcher.fetchArticleText(`${base}/redirect`)).toContain(STORY[0]);
    expect(hits.get('/article-after-redirect')).toBe(1);

    expect(await fetcher.fetchArticleText(`${base}/redirect-blocked`)).toBeNull();
    const row = db.prepare('SELECT status, note FROM article_cache WHERE url = ?').get(`${base}/redirect-blocked`) as { status: string; note: string };
    expect(row.status).toBe('error');
    expect(row.note).toMatch(/refusing to fetch 169\.254\.169\.254/);
  });

  it('refuses a first URL on a private address without connecting', async () => {
    const { fetcher } = makeFetcher();
    expect(await fetcher.fetchArticleText('http://10.0.0.1/article')).toBeNull();
    const row = db.prepare('SELECT note FROM article_cache WHERE url = ?').get('http://10.0.0.1/article') as { note: string };
    expect(row.note).toMatch(/refusing to fetch 10\.0\.0\.1: a private address/);
  });

  it('gives null, never throws, for every kind of failure, and notes why', async () => {
    const { fetcher, counts } = makeFetcher({ timeoutMs: 500, maxBytes: 256 * 1024 });
    const cases: Array<[string, RegExp]> = [
      ['/big', /larger than the 262144 bytes allowed/],
      ['/slow', /no complete answer within 500 ms/],
      ['/pdf', /not an HTML page \(application\/pdf\)/],
      ['/missing', /HTTP 404/],
      ['/redirect-loop', /redirect loop/],
    ];
    for (const [path, why] of cases) {
      expect(await fetcher.fetchArticleText(`${base}${path}`)).toBeNull();
      const row = db.prepare('SELECT status, note FROM article_cache WHERE url = ?').get(`${base}${path}`) as { status: string; note: string };
      expect(row.status).toBe('error');
      expect(row.note).toMatch(why);
    }
    expect(await fetcher.fetchArticleText('file:///etc/passwd')).toBeNull();
    expect(await fetcher.fetchArticleText('not a url')).toBeNull();
    expect(counts.error).toBe(7);
  });

  it('records a page without an article as such, and retries failures only after a while', async () => {
    const { fetcher } = makeFetcher();
    expect(await fetcher.fetchArticleText(`${base}/empty-page`)).toBeNull();
    expect(db.prepare('SELECT status FROM article_cache').get()).toEqual({ status: 'none' });

    await fetcher.fetchArticleText(`${base}/missing`);
    await fetcher.fetchArticleText(`${base}/missing`);
    expect(hits.get('/missing')).toBe(1);
    clock = new Date(clock.getTime() + 7 * 3600_000);
    await fetcher.fetchArticleText(`${base}/missing`);
    expect(hits.get('/missing')).toBe(2);
  });

  it('decodes the charset the page declares', async () => {
    const { fetcher } = makeFetcher();
    const text = await fetcher.fetchArticleText(`${base}/cp1251`);
    expect(text).toContain('Генеральный директор компании Яндекс Аркадий Волож покинул свой пост');
  });
});

describe('withArticleText', () => {
  const item = (summary: string | null, url: string | null): NewsItem => ({
    id: 'i1', title: 'Acme names new CEO', summary, content: null, url, feed: 'test', publishedAt: null,
  });

  it('fills a short item with its article text', async () => {
    const { fetcher } = makeFetcher();
    const enriched = await withArticleText(item('Acme has a new boss.', `${base}/article`), fetcher);
    expect(enriched.content).toContain(STORY[2]);
    expect(enriched.summary).toBe('Acme has a new boss.');
  });

  it('leaves long items, items without a link and failed fetches alone', async () => {
    const { fetcher } = makeFetcher();
    const long = item('x'.repeat(500), `${base}/article`);
    expect(needsArticleText(long)).toBe(false);
    expect(await withArticleText(long, fetcher)).toBe(long);
    const noLink = item('short', null);
    expect(await withArticleText(noLink, fetcher)).toBe(noLink);
    const broken = item('short', `${base}/missing`);
    expect(await withArticleText(broken, fetcher)).toBe(broken);
    expect(hits.get('/article')).toBeUndefined();
  });
});

describe('the SQLite article cache', () => {
  it('forgets entries fetched before a given time', () => {
    const cache = createSqliteArticleCache(db);
    cache.put({ url: 'http://a.example/old', status: 'ok', text: 'old', note: null, fetchedAt: '2026-01-01T00:00:00.000Z' });
    cache.put({ url: 'http://a.example/new', status: 'none', text: null, note: 'no article', fetchedAt: '2026-02-01T00:00:00.000Z' });
    expect(cache.prune('2026-01-15T00:00:00.000Z')).toBe(1);
    expect(cache.get('http://a.example/old')).toBeNull();
    expect(cache.get('http://a.example/new')).toEqual({ url: 'http://a.example/new', status: 'none', text: null, note: 'no article', fetchedAt: '2026-02-01T00:00:00.000Z' });
  });
});

describe('limits and failures around the fetcher', () => {
  it('never has more pages in flight than its concurrency', async () => {
    let active = 0;
    let peak = 0;
    const slowHttp = {
      get: async (url: string) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return { status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(`<html><body><article><p>${STORY.join('</p><p>')}</p></article></body></html>`), finalUrl: url };
      },
    };
    const fetcher = createArticleFetcher({ cache: createSqliteArticleCache(db), http: slowHttp, concurrency: 2 });
    const texts = await Promise.all(Array.from({ length: 7 }, (_, i) => fetcher.fetchArticleText(`http://a.example/${i}`)));
    expect(texts.every((t) => t?.includes(STORY[0]!))).toBe(true);
    expect(peak).toBe(2);
  });

  it('still answers (without caching) when the database is closed under it', async () => {
    const fetcher = createArticleFetcher({
      cache: createSqliteArticleCache(db),
      http: { get: async (url: string) => ({ status: 404, headers: {}, body: Buffer.alloc(0), finalUrl: url }) },
    });
    db.close();
    await expect(fetcher.fetchArticleText('http://a.example/x')).resolves.toBeNull();
  });
});
