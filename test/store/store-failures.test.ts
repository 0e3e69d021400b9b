import { closeSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { createApp, openApp } from '../../src/main.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer } from '../../src/ops/http-server.js';
import { explainStoreError } from '../../src/store/health.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { parsePrometheusText, sampleValue } from '../support/prom-text.js';
import { captureLogger } from '../discord/harness.js';
import { itemsOfFeed } from '../support/items.js';

// Issue 12, defect 4: a full disk, a damaged file and a lost database are said, not hidden.

const OLD = 'Mon, 02 Nov 2020 08:00:00 GMT';
const stories = (prefix: string, n: number): RssItemSpec[] => Array.from({ length: n }, (_, i) => ({
  title: `${prefix} story number ${i} about chips, clouds and the markets`,
  link: `https://news.example/${prefix}-${i}`,
  guid: `${prefix}-${i}`,
  pubDate: OLD,
  description: `A long description of ${prefix} story ${i}. `.repeat(40),
}));

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a full disk', () => {
  it('makes /readyz say not ready and counts the failures; nothing is lost, and it recovers by itself', async () => {
    server.setFeed('/full.xml', buildRssFeed(stories('base', 5)));
    const { path } = writeTestConfig({ feeds: [{ name: 'Full', url: `${server.url}/full.xml` }] });
    const metrics = createMetrics({ processMetrics: false });
    const logs = captureLogger();
    const app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, metrics });
    const ops = createOpsServer({ port: 0, host: '127.0.0.1', metrics, readiness: () => app.readiness() });
    const { url } = await ops.listen();
    try {
      await app.scheduler.pollAll();
      expect((await fetch(`${url}/readyz`)).status).toBe(503); // the scheduler is not started here
      app.scheduler.start();
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      // SQLite's own limit stands in for a full disk: the file may not grow by a single page.
      app.db.pragma(`max_page_count = ${app.db.pragma('page_count', { simple: true }) as number}`);
      server.setFeed('/full.xml', buildRssFeed([...stories('new', 40), ...stories('base', 5)]));
      const [failed] = await app.scheduler.pollAll();
      expect(failed).toMatchObject({ status: 'failed', failure: { kind: 'store' } });
      expect(failed!.error).toMatch(/^store: the disk holding the database .*execwatch\.db is full: database or disk is full \(SQLITE_FULL\)\. Free space/);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      const body = await ready.json() as { checks: { store: boolean; errors?: { store: string } } };
      expect(body.checks.store).toBe(false);
      expect(body.checks.errors?.store).toContain('execwatch.db is full');
      const fams = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
      expect(sampleValue(fams, 'execwatch_store_errors_total', { kind: 'full' })).toBeGreaterThanOrEqual(1);
      expect(logs.lines.filter((l) => l.msg === 'database failure')).toHaveLength(1);
      // The feed is not to blame: no failure held against it.
      expect((await app.stores.feeds.list())[0]).toMatchObject({ consecutiveFailures: 0, failingSince: null });

      app.db.pragma('max_page_count = 1073741823');
      const [again] = await app.scheduler.pollAll();
      expect(again).toMatchObject({ status: 'ok' });
      // The items written before the disk filled and those written after: all 45, none lost.
      expect(itemsOfFeed(app.db, again!.feedId)).toBe(45);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await ops.close();
      await app.close();
    }
  });
});

describe('a damaged database', () => {
  async function once(path: string) {
    const err: string[] = [];
    const code = await main(['once', '--config', path], { out: () => undefined, err: (t) => err.push(t), env: { LOG_LEVEL: 'silent' } });
    return { code, err: err.join('\n') };
  }

  function garbage(file: string, at: number, length: number): void {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(length, 0x41), 0, length, at);
    closeSync(fd);
  }

  for (const [what, at] of [['its header', 0], ['a page in the middle', 3 * 4096]] as const) {
    it(`(${what} overwritten) makes \`once\` exit non-zero, naming the file, execwatch backup and the restore`, async () => {
      server.setFeed(`/damaged-${at}.xml`, buildRssFeed(stories(`d${at}`, 300)));
      const { path, dataDir } = writeTestConfig({ feeds: [{ name: 'Damaged', url: `${server.url}/damaged-${at}.xml` }] });
      expect((await once(path)).code).toBe(0);
      const file = join(dataDir, 'execwatch.db');
      garbage(file, at, 8192);
      server.setFeed(`/damaged-${at}.xml`, buildRssFeed([...stories(`n${at}`, 3), ...stories(`d${at}`, 300)]));
      const run = await once(path);
      expect(run.code).toBe(74);
      expect(run.err).toContain(`the database ${file} is damaged`);
      expect(run.err).toContain('execwatch backup FILE');
      expect(run.err).toMatch(/restore|copy in a backup/);
    });
  }

  it('while `run` is up, keeps it up and not ready, saying so with the file, execwatch backup and the restore in the log and the admin channel', async () => {
    const emu = await startDiscordEmulator({ channels: ['admin'] });
    server.setFeed('/damaged-run.xml', buildRssFeed(stories('r', 300)));
    const { path, dataDir } = writeTestConfig({
      feeds: [{ name: 'Damaged', url: `${server.url}/damaged-run.xml` }],
      extra: { discord: { adminChannel: emu.channelId('admin') } },
    });
    const file = join(dataDir, 'execwatch.db');
    const logs = captureLogger();
    const app = await openApp(loadConfig({ configPath: path, env: { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' } }), { logger: logs.logger });
    const ops = createOpsServer({ port: 0, host: '127.0.0.1', metrics: app.metrics, readiness: () => app.readiness() });
    const { url } = await ops.listen();
    const storeCheck = async () => {
      const res = await fetch(`${url}/readyz`);
      return { status: res.status, body: await res.json() as { checks: { store: boolean; errors?: { store: string } } } };
    };
    try {
      const [first] = await app.scheduler.pollAll();
      expect(first).toMatchObject({ status: 'ok' });
      app.scheduler.start(); // the feed was just polled: its next scheduled poll is minutes away
      expect((await storeCheck()).body.checks.store).toBe(true);
      const noticesBefore = (await emu.waitForMessages('admin', 1)).length; // the new database's notice

      // The damage lands on disk, as a failing disk would leave it, on every page of the items
      // table and its indexes (the feeds stay readable, so the poll runs and meets it). The pages
      // written so far are moved into the file first; then the connection's page cache is emptied
      // (cache_size 0 and back), as a long run's cache turns over, so the next read meets the damage.
      const pageSize = app.db.pragma('page_size', { simple: true }) as number;
      const itemPages = app.db.prepare("SELECT pageno FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'items')").pluck().all() as number[];
      expect(itemPages.length).toBeGreaterThan(10);
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const page of itemPages) garbage(file, (page - 1) * pageSize, pageSize);
      app.db.pragma('cache_size = 0');
      app.db.pragma('cache_size = -2000');
      server.setFeed('/damaged-run.xml', buildRssFeed([...stories('after', 3), ...stories('r', 300)]));
      const [damaged] = await app.scheduler.pollAll();
      expect(damaged).toMatchObject({ status: 'failed', failure: { kind: 'store' } });
      expect(damaged!.error).toContain(`the database ${file} is damaged`);

      // A later cycle that happens to miss the damaged pages (the feed is unchanged: 304) does not
      // make it ready again: only a restore fixes the file.
      server.setFeed('/damaged-run.xml', buildRssFeed(stories('r', 300)));
      const [unchanged] = await app.scheduler.pollAll();
      expect(unchanged).toMatchObject({ status: 'not-modified' });

      // Still up: the scheduler runs, and polls are answered, not thrown.
      expect(app.scheduler.running).toBe(true);
      const ready = await storeCheck();
      expect(ready.status).toBe(503);
      expect(ready.body.checks.store).toBe(false);
      expect(ready.body.checks.errors?.store).toContain(`the database ${file} is damaged`);
      const fams = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
      expect(sampleValue(fams, 'execwatch_store_errors_total', { kind: 'corrupt' })).toBeGreaterThanOrEqual(1);

      const logged = logs.lines.find((l) => l.msg === 'database failure')?.obj as { db: string; kind: string; err: string } | undefined;
      expect(logged).toMatchObject({ db: file, kind: 'corrupt' });
      expect(logged!.err).toContain('execwatch backup FILE');
      expect(logged!.err).toMatch(/copy in a backup/);
      const posted = await emu.waitForMessages('admin', noticesBefore + 1);
      const text = String(posted.at(-1)!.content);
      expect(text).toContain(`the database ${file} is damaged`);
      expect(text).toContain('execwatch backup FILE');
    } finally {
      await ops.close();
      await app.close();
      await emu.close();
    }
  });

  it('explains a disk I/O error with the file and what to check', async () => {
    const e = explainStoreError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }), '/data/execwatch.db');
    expect(e.kind).toBe('io');
    expect(e.message).toMatch(/^the disk failed while using the database \/data\/execwatch\.db: disk I\/O error \(SQLITE_IOERR_WRITE\)\. Check the disk/);
  });
});

describe('a new database', () => {
  it('is announced in the log and the admin channel; a lost one (deleted or emptied) is an error naming the restore', async () => {
    const emu = await startDiscordEmulator({ channels: ['admin'] });
    server.setFeed('/new.xml', buildRssFeed(stories('fresh', 2)));
    const { path, dataDir } = writeTestConfig({
      feeds: [{ name: 'New', url: `${server.url}/new.xml` }],
      extra: { discord: { adminChannel: emu.channelId('admin') } },
    });
    const file = join(dataDir, 'execwatch.db');
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' };
    const open = async () => {
      const logs = captureLogger();
      const app = await openApp(loadConfig({ configPath: path, env }), { logger: logs.logger });
      await app.scheduler.pollAll();
      await app.close();
      return logs.lines;
    };
    try {
      const first = await open();
      expect(first.find((l) => l.msg === 'admin notice')?.obj).toMatchObject({ notice: expect.stringContaining(`created a new database at ${file}`) });
      await emu.waitForMessages('admin', 1);
      expect((await open()).some((l) => l.msg === 'admin notice')).toBe(false); // the same database: nothing to say

      for (const lose of [() => rmSync(file), () => truncateSync(file, 0)]) {
        const before = emu.messagesIn('admin').length;
        for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        lose();
        const lines = await open();
        expect(lines.find((l) => l.level === 'error')?.msg).toBe('the database was missing or empty: started a new one');
        const posted = await emu.waitForMessages('admin', before + 1);
        const text = String(posted.at(-1)!.content);
        expect(text).toContain(`found no database at ${file}`);
        expect(text).toContain('restore a backup');
        expect(statSync(file).size).toBeGreaterThan(0);
      }
    } finally {
      await emu.close();
    }
  });
});
