import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/core/log.js';
import { parseOpml } from '../../src/feeds/opml.js';
import { createApp } from '../../src/main.js';
import { buildRssFeed } from '../support/builders.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

function cli(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const run = (...args: string[]) => main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { out, err, run };
}

describe('execwatch feeds import / list / export / remove', () => {
  let server: FeedServer;
  let dir: string;
  let configPath: string;

  beforeAll(async () => {
    server = await startFeedServer();
    server.setFeed('/config.xml', buildRssFeed([{ title: 'From config', guid: 'c1' }]));
    server.setFeed('/imported.xml', buildRssFeed([{ title: 'Imported one', guid: 'i1' }, { title: 'Imported two', guid: 'i2' }]));
    dir = mkdtempSync(join(tmpdir(), 'execwatch-feeds-cli-'));
    configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, [`dataDir: ${join(dir, 'data')}`, 'polling:', '  allowPrivateAddresses: true', 'feeds:', '  - name: Config feed', `    url: ${server.url}/config.xml`, ''].join('\n'));
    writeFileSync(join(dir, 'subs.opml'), `<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="Tech">
    <outline type="rss" text="Imported &amp; Co" xmlUrl="${server.url}/imported.xml"/>
    <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
  </outline>
  <outline type="rss" text="Config again" xmlUrl="${server.url}/config.xml"/>
</body></opml>`);
  });
  afterAll(async () => server?.close());

  it('imports OPML feeds as user feeds that survive restarts and the config sync', async () => {
    const c = cli({ LOG_LEVEL: 'silent' });
    expect(await c.run('feeds', 'import', join(dir, 'subs.opml'), '--config', configPath)).toBe(0);
    expect(c.out.join('\n')).toMatch(/1 added, 1 already present, 1 skipped/);
    expect(c.err.join('\n')).toMatch(/Gopher: not an http\(s\) URL/);

    // A restart (a new app on the same database) polls both and keeps the imported feed.
    const app = await createApp(loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } }), { logger: silentLogger, targets: [] });
    const outcomes = await app.scheduler.pollAll();
    await app.close();
    expect(outcomes.map((o) => [o.feed, o.status]).sort()).toEqual([['Config feed', 'ok'], ['Imported & Co', 'ok']]);

    const list = cli({ LOG_LEVEL: 'silent' });
    expect(await list.run('feeds', 'list', '--config', configPath)).toBe(0);
    const text = list.out.join('\n');
    expect(text).toMatch(/#\d+ Imported & Co \[ok\] http:\/\/127\.0\.0\.1:\d+\/imported\.xml/);
    expect(text).toMatch(/last success \d+s ago, 2 items, next poll in \d+m, last HTTP 200, added by a user/);

    const exp = cli({ LOG_LEVEL: 'silent' });
    expect(await exp.run('feeds', 'export', '--config', configPath)).toBe(0);
    expect(parseOpml(exp.out.join('\n')).map((f) => f.name).sort()).toEqual(['Config feed', 'Imported & Co']);

    const rm = cli({ LOG_LEVEL: 'silent' });
    expect(await rm.run('feeds', 'remove', `${server.url}/config.xml`, '--config', configPath)).toBe(2);
    expect(rm.err.join('\n')).toMatch(/comes from the config file/);
    expect(await rm.run('feeds', 'remove', `${server.url}/imported.xml`, '--config', configPath)).toBe(0);
  });

  it('prints a readable inspection and a usage error for an unknown subcommand', async () => {
    const c = cli({ LOG_LEVEL: 'silent', EXECWATCH_CONFIG: configPath });
    expect(await c.run('feeds', 'inspect', `${server.url}/imported.xml`)).toBe(0);
    expect(c.out.join('\n')).toMatch(/format: +rss2 \(version 2\.0\), utf-8\n +title: +Test feed\n +items: +2\n +- \(no date\) +Imported one/);
    expect(await c.run('feeds', 'frobnicate')).toBe(2);
    expect(c.err.join('\n')).toMatch(/unknown subcommand "frobnicate"/);
  });
});

describe('concurrency limits', () => {
  const servers: FeedServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('polls at most perHostConcurrency feeds of one host at once, and different hosts in parallel', async () => {
    let inFlight = 0;
    let maxTotal = 0;
    const perHostMax: number[] = [];
    for (let h = 0; h < 2; h++) {
      const server = await startFeedServer();
      servers.push(server);
      let active = 0;
      perHostMax[h] = 0;
      for (let i = 0; i < 5; i++) {
        server.setHandler(`/f${i}.xml`, async (_req, res) => {
          active++;
          inFlight++;
          perHostMax[h] = Math.max(perHostMax[h]!, active);
          maxTotal = Math.max(maxTotal, inFlight);
          await new Promise((r) => setTimeout(r, 40));
          active--;
          inFlight--;
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed([{ title: `item ${i}`, guid: `g${h}-${i}` }]));
        });
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-limits-'));
    const configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'data')}`, 'polling:', '  allowPrivateAddresses: true', '  concurrency: 8', '  perHostConcurrency: 1', 'feeds:',
      ...servers.flatMap((s, h) => Array.from({ length: 5 }, (_, i) => [`  - name: host${h} feed${i}`, `    url: ${s.url}/f${i}.xml`]).flat()),
      '',
    ].join('\n'));
    const app = await createApp(loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } }), { logger: silentLogger, targets: [] });
    try {
      const outcomes = await app.scheduler.pollAll();
      expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(10);
    } finally {
      await app.close();
    }
    expect(perHostMax).toEqual([1, 1]);
    expect(maxTotal).toBe(2);
  });
});

describe('schedule hints from the server', () => {
  let server: FeedServer;
  afterAll(async () => server?.close());

  it('waits longer when Cache-Control max-age says so, within a bound, and keeps a 304 lossless', async () => {
    server = await startFeedServer();
    const doc = buildRssFeed([{ title: 'Cached story number one', guid: 'c1' }]);
    server.setFeed('/hour.xml', doc, 'application/rss+xml', { 'cache-control': 'max-age=7200' });
    server.setFeed('/week.xml', doc, 'application/rss+xml', { 'cache-control': 'public, max-age=604800' });
    server.setFeed('/short.xml', doc, 'application/rss+xml', { 'cache-control': 'max-age=5' });
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-cache-'));
    const configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'data')}`, 'polling:', '  allowPrivateAddresses: true', '  intervalMinutes: 10', 'feeds:',
      ...['hour', 'week', 'short'].flatMap((n) => [`  - name: ${n}`, `    url: ${server.url}/${n}.xml`]),
      '',
    ].join('\n'));
    const app = await createApp(loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } }), { logger: silentLogger, targets: [] });
    try {
      const start = Date.now();
      await app.scheduler.pollAll();
      const next = async (n: string) => Date.parse((await app.stores.feeds.list()).find((f) => f.name === n)!.nextPollAt!) - start;
      expect(await next('hour')).toBeGreaterThanOrEqual(3600_000); // at least half of max-age
      expect(await next('week')).toBeLessThan(6 * 3600_000); // bounded: 4 h cap, phase within ±half
      expect(await next('short')).toBeLessThan(15 * 60_000); // max-age never shortens the interval...
      expect(await next('short')).toBeGreaterThanOrEqual(5 * 60_000); // ...below its own spread

      // A second poll is conditional and answered 304; the feed keeps its item count and etag.
      const before = (await app.stores.feeds.list()).find((f) => f.name === 'hour')!;
      const outcomes = await app.scheduler.pollAll();
      expect(outcomes.find((o) => o.feed === 'hour')).toMatchObject({ status: 'not-modified', httpStatus: 304 });
      expect((await app.stores.feeds.list()).find((f) => f.name === 'hour')).toMatchObject({ etag: before.etag, itemCount: 1, lastStatus: 304 });
      expect(server.requests.filter((r) => r.path === '/hour.xml').at(-1)!.headers['if-none-match']).toBe(before.etag);
    } finally {
      await app.close();
    }
  });
});
