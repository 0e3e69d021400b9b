import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/core/log.js';
import { createApp, type App } from '../../src/main.js';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import type { FeedRecord } from '../../src/ports/feeds.js';
import { buildRssFeed } from '../support/builders.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { parsePrometheusText, sampleValue } from '../support/prom-text.js';

// Acceptance: a fault-injecting feed server. The worker survives every fault, the other feeds
// keep their schedule, and each fault shows in that feed's health.

const GOOD = buildRssFeed([
  { title: 'Market opens higher on chip earnings', link: 'https://news.example/markets', guid: 'm1', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT' },
  { title: 'A new phone with a bigger battery ships', link: 'https://news.example/phone', guid: 'm2', pubDate: 'Mon, 02 Nov 2026 10:00:00 GMT' },
]);

const FEEDS: Array<[name: string, path: string, intervalMinutes?: number]> = [
  ['healthy', '/healthy.xml'],
  ['slow body', '/slow.xml'],
  ['endless body', '/endless.xml'],
  ['ten megabytes', '/big.xml'],
  ['gzip bomb', '/bomb.xml'],
  ['redirect loop', '/loop-a.xml'],
  ['flaky', '/flaky.xml'],
  ['not found', '/missing.xml'],
  ['gone', '/gone.xml'],
  ['rate limited', '/limited.xml', 1],
  ['wrong content type', '/plain.xml'],
  ['html page', '/page.xml'],
  ['connection reset', '/reset.xml'],
];

class Clock {
  constructor(public t = Date.now()) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

describe('polling against a misbehaving server', () => {
  let server: FeedServer;
  let app: App;
  let configPath: string;
  const clock = new Clock();
  const alerts: Alert[] = [];
  const disabled: Array<{ feed: FeedRecord; error: string }> = [];
  const target: AlertTarget = { id: 'capture', send: async (a) => (alerts.push(a), null) };
  const feed = async (name: string) => (await app.stores.feeds.list()).find((f) => f.name === name)!;

  beforeAll(async () => {
    server = await startFeedServer();
    // Built once: the server shares the test's event loop, and the clients' timeouts are short.
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    server.setFeed('/healthy.xml', GOOD);
    server.setHandler('/slow.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(GOOD.slice(0, 200)); // ... and the rest never comes
    });
    server.setHandler('/endless.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        if (res.destroyed || res.writableEnded) return;
        if (res.write(chunk)) setImmediate(pump);
        else res.once('drain', pump);
      };
      res.write('<?xml version="1.0"?><rss><channel><title>forever</title>');
      pump();
    });
    server.setHandler('/big.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }); // chunked: no Content-Length to trust
      res.end(tenMegabytes);
    });
    server.setHandler('/bomb.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    server.setHandler('/loop-a.xml', (_req, res) => void res.writeHead(302, { location: '/loop-b.xml' }).end());
    server.setHandler('/loop-b.xml', (_req, res) => void res.writeHead(301, { location: '/loop-a.xml' }).end());
    server.setHandler('/flaky.xml', (_req, res, hit) => {
      if (hit === 1) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD);
    });
    server.setHandler('/gone.xml', (_req, res) => void res.writeHead(410).end());
    server.setHandler('/limited.xml', (_req, res) => void res.writeHead(429, { 'retry-after': '600' }).end());
    server.setFeed('/plain.xml', GOOD, 'text/plain');
    server.setFeed('/page.xml', '<!DOCTYPE html><html><head><title>Our new website</title></head><body>Moved!</body></html>', 'text/html; charset=utf-8');
    server.setHandler('/reset.xml', (req) => void req.socket.destroy());

    const dir = mkdtempSync(join(tmpdir(), 'execwatch-faults-'));
    configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'data')}`,
      'polling:',
      '  allowPrivateAddresses: true',
      '  intervalMinutes: 10',
      '  timeoutMs: 2000',
      '  connectTimeoutMs: 500',
      '  maxBytes: 262144',
      '  maxRedirects: 3',
      '  concurrency: 4',
      '  perHostConcurrency: 4',
      '  disableAfterHours: 1',
      'feeds:',
      ...FEEDS.flatMap(([name, path, every]) => [`  - name: ${name}`, `    url: ${server.url}${path}`, ...(every ? [`    intervalMinutes: ${every}`] : [])]),
      '',
    ].join('\n'));
    app = await createApp(loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } }), {
      logger: silentLogger,
      now: clock.now,
      targets: [target],
      onFeedDisabled: (f, error) => void disabled.push({ feed: f, error }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('keeps polling the other feeds while one hangs, and records every fault in its feed', async () => {
    const cycle = app.scheduler.pollAll();
    // The healthy feed is done long before the slow one gives up (its 2 s total timeout).
    await expect.poll(async () => (await feed('healthy')).lastSuccessAt, { timeout: 1800, interval: 10 }).not.toBeNull();
    expect((await feed('slow body')).lastPolledAt).toBeNull();
    const outcomes = await cycle;
    expect(outcomes).toHaveLength(FEEDS.length);

    const now = clock.t;
    const healthy = await feed('healthy');
    expect(healthy).toMatchObject({ lastError: null, itemCount: 2, lastStatus: 200, consecutiveFailures: 0 });
    const next = Date.parse(healthy.nextPollAt!) - now;
    expect(next).toBeGreaterThanOrEqual(5 * 60_000);
    expect(next).toBeLessThanOrEqual(15 * 60_000);
    expect(await feed('wrong content type')).toMatchObject({ lastError: null, itemCount: 2 });

    const errors = Object.fromEntries((await app.stores.feeds.list()).map((f) => [f.name, f.lastError]));
    expect(errors).toMatchObject({
      'slow body': expect.stringMatching(/^timeout: no complete answer within 2000 ms/),
      'endless body': expect.stringMatching(/^too-large: .*262144/),
      'ten megabytes': expect.stringMatching(/^too-large: /),
      'gzip bomb': expect.stringMatching(/^too-large: the decompressed body/),
      'redirect loop': expect.stringMatching(/^redirect: redirect loop/),
      flaky: expect.stringMatching(/^http: HTTP 500/),
      'not found': expect.stringMatching(/^http: HTTP 404 \(not found\)/),
      gone: expect.stringMatching(/^http: HTTP 410 \(gone/),
      'rate limited': expect.stringMatching(/^http: HTTP 429/),
      'html page': expect.stringMatching(/^not-a-feed: received an HTML page \("Our new website"\).*text\/html/),
      'connection reset': expect.stringMatching(/^network: /),
    });
    expect((await feed('gone')).lastStatus).toBe(410);
    // Retry-After (600 s) beats the 1-minute interval of that feed.
    expect(Date.parse((await feed('rate limited')).nextPollAt!) - now).toBeGreaterThanOrEqual(600_000);
    // A failing feed backs off: its next poll is at least an interval away.
    expect(Date.parse((await feed('not found')).nextPollAt!) - now).toBeGreaterThanOrEqual(9 * 60_000);
    expect(alerts).toHaveLength(0); // first polls are a baseline
  });

  it('recovers a feed that failed once and keeps the time of its last error', async () => {
    clock.advance(30 * 60_000);
    const before = (await feed('flaky')).lastErrorAt;
    await app.scheduler.pollFeeds([await feed('flaky')]);
    expect(await feed('flaky')).toMatchObject({ lastError: null, consecutiveFailures: 0, itemCount: 2, lastErrorAt: before });
  });

  it('disables a feed that fails for longer than disableAfterHours, reports it, and stops polling it', async () => {
    clock.advance(2 * 3600_000);
    const hits = server.hits('/missing.xml');
    const [outcome] = await app.scheduler.pollFeeds([await feed('not found')]);
    expect(outcome!.failure).toMatchObject({ kind: 'http', message: expect.stringMatching(/HTTP 404/) });
    // The metric's reason is the failure's kind, read off the value, not off the text.
    const failures = sampleValue(parsePrometheusText(await app.metrics.render()), 'execwatch_feed_failures_total', { reason: 'http' });
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(await feed('not found')).toMatchObject({ disabled: true, disabledReason: expect.stringMatching(/HTTP 404/) });
    expect(disabled.map((d) => d.feed.name)).toEqual(['not found']);
    expect(disabled[0]!.error).toMatch(/HTTP 404/);

    clock.advance(24 * 3600_000);
    await app.scheduler.tick();
    expect(server.hits('/missing.xml')).toBe(hits + 1);

    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, env: { LOG_LEVEL: 'silent' } };
    expect(await main(['feeds', 'list', '--json', '--config', configPath], io)).toBe(0);
    const listed = out.map((l) => JSON.parse(l) as { name: string; health: string; disabledReason: string | null; lastError: string | null });
    expect(listed.find((f) => f.name === 'not found')).toMatchObject({ health: 'disabled', disabledReason: expect.stringMatching(/404/) });
    expect(listed.find((f) => f.name === 'healthy')).toMatchObject({ health: 'ok', lastError: null });
    // The tick a day later found every other failing feed past the limit too: all reported.
    for (const f of listed.filter((l) => !['healthy', 'flaky', 'wrong content type'].includes(l.name))) {
      expect(f, f.name).toMatchObject({ health: 'disabled', disabledReason: expect.any(String) });
    }
    expect(disabled.length).toBe(FEEDS.length - 3);
  });
});
