import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFeed } from '../../src/feeds/inspect.js';
import { createFeedReader } from '../../src/feeds/reader.js';
import { assertPublicUrl, privateAddressReason, type LookupAll } from '../../src/feeds/ssrf.js';
import { FeedError } from '../../src/feeds/types.js';
import { nextSlot } from '../../src/pipeline/poller.js';
import { buildRssFeed } from '../support/builders.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

const DOC = buildRssFeed([{ title: 'Alpha', guid: 'a', link: 'https://news.example/a' }]);

async function failure(p: Promise<unknown>): Promise<FeedError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('HTTP reading', () => {
  let server: FeedServer;
  const reader = createFeedReader({ userAgent: 'execwatch-test/1 (ops@example.test)', timeoutMs: 3000, maxBytes: 1 << 20, allowPrivateAddresses: true, maxRedirects: 2 });

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    reader.close();
    await server?.close();
  });

  it('sends the configured User-Agent and conditional headers, and keeps validators on a bare 304', async () => {
    server.setFeed('/c.xml', DOC, 'application/rss+xml', { 'last-modified': 'Mon, 02 Nov 2026 09:00:00 GMT' });
    const first = await reader.read({ url: `${server.url}/c.xml` });
    expect(first).toMatchObject({ status: 'ok', httpStatus: 200, lastModified: 'Mon, 02 Nov 2026 09:00:00 GMT' });
    expect(first.etag).toMatch(/^"/);
    const second = await reader.read({ url: `${server.url}/c.xml`, etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ status: 'not-modified', etag: first.etag, httpStatus: 304 });
    const sent = server.requests.filter((r) => r.path === '/c.xml');
    expect(sent[0]!.headers['user-agent']).toBe('execwatch-test/1 (ops@example.test)');
    expect(sent[1]!.headers['if-none-match']).toBe(first.etag);
    expect(sent[1]!.headers['if-modified-since']).toBe('Mon, 02 Nov 2026 09:00:00 GMT');

    server.setHandler('/bare304.xml', (_req, res) => void res.writeHead(304).end());
    const bare = await reader.read({ url: `${server.url}/bare304.xml`, etag: '"v1"', lastModified: 'Sun, 01 Nov 2026 00:00:00 GMT' });
    expect(bare).toMatchObject({ status: 'not-modified', etag: '"v1"', lastModified: 'Sun, 01 Nov 2026 00:00:00 GMT' });
  });

  it('reads Cache-Control max-age and Retry-After (seconds or a date)', async () => {
    server.setFeed('/cached.xml', DOC, 'application/rss+xml', { 'cache-control': 'public, max-age=7200' });
    expect((await reader.read({ url: `${server.url}/cached.xml` })).maxAgeSeconds).toBe(7200);
    const later = new Date(Date.now() + 120_000).toUTCString();
    server.setHandler('/busy.xml', (_req, res) => void res.writeHead(503, { 'retry-after': later }).end());
    const err = await failure(reader.read({ url: `${server.url}/busy.xml` }));
    expect(err.httpStatus).toBe(503);
    expect(err.retryAfterSeconds).toBeGreaterThan(100);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('follows redirects up to the limit and says where the feed ended up', async () => {
    server.setFeed('/final.xml', DOC);
    server.setHandler('/moved.xml', (_req, res) => void res.writeHead(301, { location: '/final.xml' }).end());
    const ok = await reader.read({ url: `${server.url}/moved.xml` });
    expect(ok).toMatchObject({ status: 'ok', finalUrl: `${server.url}/final.xml` });
    for (const [from, to] of [['/r1', '/r2'], ['/r2', '/r3'], ['/r3', '/final.xml']]) server.setHandler(from!, (_req, res) => void res.writeHead(302, { location: to }).end());
    const err = await failure(reader.read({ url: `${server.url}/r1` }));
    expect(err.kind).toBe('redirect');
    expect(err.message).toMatch(/more than 2 redirects/);
  });

  it('reads a gzip-encoded body and a body that is gzip bytes without a Content-Encoding', async () => {
    const { gzipSync, brotliCompressSync } = await import('node:zlib');
    server.setFeed('/gz.xml', gzipSync(DOC), 'application/rss+xml', { 'content-encoding': 'gzip' });
    server.setFeed('/br.xml', brotliCompressSync(Buffer.from(DOC)), 'application/rss+xml', { 'content-encoding': 'br' });
    server.setFeed('/raw-gz.xml', gzipSync(DOC), 'application/octet-stream');
    for (const p of ['/gz.xml', '/br.xml', '/raw-gz.xml']) {
      const r = await reader.read({ url: `${server.url}${p}` });
      expect(r.status === 'ok' && r.feed.entries[0]!.title, p).toBe('Alpha');
    }
  });

  it('inspects a feed over HTTP, listing its first items', async () => {
    const result = await inspectFeed(`${server.url}/final.xml`, { options: { allowPrivateAddresses: true } });
    expect(result).toMatchObject({ ok: true, format: 'rss2', title: 'Test feed', items: 1, error: null });
    expect(result.firstItems[0]).toMatchObject({ title: 'Alpha', url: 'https://news.example/a' });
    const refused = await inspectFeed(`${server.url}/final.xml`);
    expect(refused).toMatchObject({ ok: false, items: 0 });
    expect(refused.error).toMatch(/^blocked: refusing to fetch 127\.0\.0\.1: a loopback address/);
  });
});

describe('SSRF guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.20.0.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'], ['100.100.100.200', 'carrier-grade NAT'], ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'link-local'], ['fd00:ec2::254', 'cloud metadata'], ['fc00::5', 'unique local (private)'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:169.254.169.254', 'link-local (cloud metadata)'], ['64:ff9b::10.0.0.1', 'private'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(privateAddressReason(ip)).toBe(why);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts public %s', (ip) => {
    expect(privateAddressReason(ip)).toBeNull();
  });

  it('checks URLs for /feeds add: scheme, credentials, and every resolved address', async () => {
    const dns: LookupAll = async (host) => (host === 'public.test' ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]);
    await expect(assertPublicUrl('https://public.test/feed', { allowPrivate: false, lookupAll: dns })).resolves.toBeUndefined();
    await expect(assertPublicUrl('https://mixed.test/feed', { allowPrivate: false, lookupAll: dns })).rejects.toThrow(/mixed\.test \(10\.0\.0\.7\): a private address/);
    await expect(assertPublicUrl('ftp://public.test/feed', { allowPrivate: false, lookupAll: dns })).rejects.toThrow(/only http and https/);
    await expect(assertPublicUrl('https://u:p@public.test/feed', { allowPrivate: false, lookupAll: dns })).rejects.toThrow(/user name or password/);
    await expect(assertPublicUrl('http://[::ffff:127.0.0.1]:8080/', { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(assertPublicUrl('http://127.0.0.1:8080/', { allowPrivate: true })).resolves.toBeUndefined();
    // Other spellings of loopback, as the URL parser normalises them.
    for (const tricky of ['http://2130706433/', 'http://0x7f.0.0.1/', 'http://127.1/', 'http://[0:0:0:0:0:ffff:7f00:1]/']) {
      await expect(assertPublicUrl(tricky, { allowPrivate: false }), tricky).rejects.toThrow(/loopback/);
    }
  });

  describe('at connect time', () => {
    let server: FeedServer;
    beforeAll(async () => {
      server = await startFeedServer();
      server.setFeed('/feed.xml', DOC);
    });
    afterAll(async () => server?.close());

    it('refuses loopback by address and by name unless allowed', async () => {
      const strict = createFeedReader({ userAgent: 't', timeoutMs: 2000, maxBytes: 1 << 20 });
      try {
        expect((await failure(strict.read({ url: `${server.url}/feed.xml` }))).kind).toBe('blocked');
        const port = new URL(server.url).port;
        const byName = await failure(strict.read({ url: `http://localhost:${port}/feed.xml` }));
        expect(byName.message).toMatch(/localhost \((127\.0\.0\.1|::1)\): a loopback address/);
        expect(server.hits('/feed.xml')).toBe(0);
      } finally {
        strict.close();
      }
    });

    it('pins the checked address, so a name that re-resolves to loopback (DNS rebinding) is refused', async () => {
      let calls = 0;
      // First answer public (the /feeds add check), then loopback (the attacker's rebinding).
      const rebinding: LookupAll = async () => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
      const url = `http://rebind.test:${new URL(server.url).port}/feed.xml`;
      await assertPublicUrl(url, { allowPrivate: false, lookupAll: rebinding });
      const reader = createFeedReader({ userAgent: 't', timeoutMs: 2000, maxBytes: 1 << 20, lookupAll: rebinding });
      try {
        const err = await failure(reader.read({ url }));
        expect(err.message).toMatch(/rebind\.test \(127\.0\.0\.1\): a loopback address/);
        expect(server.hits('/feed.xml')).toBe(0);
      } finally {
        reader.close();
      }
    });

    it('checks every redirect hop', async () => {
      const port = new URL(server.url).port;
      server.setHandler('/hop.xml', (_req, res) => void res.writeHead(302, { location: `http://127.0.0.1:${port}/feed.xml` }).end());
      // trusted.test is allowed by name (a feed server on the user's own network); 127.0.0.1 is not.
      const reader = createFeedReader({ userAgent: 't', timeoutMs: 2000, maxBytes: 1 << 20, allowHosts: ['trusted.test'], lookupAll: async () => [{ address: '127.0.0.1', family: 4 }] });
      try {
        expect((await reader.read({ url: `http://trusted.test:${port}/feed.xml` })).status).toBe('ok');
        const err = await failure(reader.read({ url: `http://trusted.test:${port}/hop.xml` }));
        expect(err.message).toMatch(/refusing to fetch 127\.0\.0\.1: a loopback address/);
      } finally {
        reader.close();
      }
    });
  });
});

describe('spreading feeds over their interval', () => {
  it('gives a thousand feeds with one interval different seconds, each at least half an interval away', () => {
    const every = 15 * 60_000;
    const now = Date.parse('2026-11-02T09:00:00Z');
    const slots = Array.from({ length: 1000 }, (_, i) => nextSlot(`https://feeds.example/${i}.xml`, now, every));
    for (const s of slots) {
      expect(s - now).toBeGreaterThanOrEqual(every / 2);
      expect(s - now).toBeLessThan(every * 1.5);
    }
    const perSecond = new Map<number, number>();
    for (const s of slots) perSecond.set(Math.floor(s / 1000), (perSecond.get(Math.floor(s / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(6);
    expect(perSecond.size).toBeGreaterThan(500);
    // A feed keeps its rhythm: the slot after a slot is exactly one interval later.
    expect(nextSlot('https://feeds.example/1.xml', slots[1]!, every)).toBe(slots[1]! + every);
  });
});

describe('odd redirects', () => {
  let server: FeedServer;
  const reader = createFeedReader({ userAgent: 't', timeoutMs: 2000, maxBytes: 1 << 20, allowPrivateAddresses: true });
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    reader.close();
    await server?.close();
  });

  it('names a redirect without a usable Location, and refuses a redirect to another scheme', async () => {
    server.setHandler('/bad-loc.xml', (_req, res) => void res.writeHead(302, { location: 'http://[::1' }).end());
    server.setHandler('/no-loc.xml', (_req, res) => void res.writeHead(301).end());
    server.setHandler('/to-file.xml', (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect((await failure(reader.read({ url: `${server.url}/bad-loc.xml` }))).message).toMatch(/redirect to an invalid URL/);
    expect((await failure(reader.read({ url: `${server.url}/no-loc.xml` }))).message).toMatch(/without a Location/);
    expect((await failure(reader.read({ url: `${server.url}/to-file.xml` }))).message).toMatch(/refusing to follow a redirect to file:/);
  });
});

describe('nothing waits forever', () => {
  it('gives up on a name that never resolves, and refuses a path that is not a regular file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const never: LookupAll = () => new Promise(() => {});
    await expect(assertPublicUrl('https://slow-dns.test/feed', { allowPrivate: false, lookupAll: never, lookupTimeoutMs: 50 })).rejects.toThrow(/resolving slow-dns\.test took longer than 50 ms/);
    const reader = createFeedReader({ userAgent: 't', timeoutMs: 2000, maxBytes: 1 << 20 });
    try {
      const dir = mkdtempSync(`${tmpdir()}/execwatch-dir-`);
      expect((await failure(reader.read({ url: dir }))).message).toMatch(/is not a regular file/);
      expect((await failure(reader.read({ url: `${dir}/missing.xml` }))).message).toMatch(/cannot read .*ENOENT/);
    } finally {
      reader.close();
    }
  });
});
