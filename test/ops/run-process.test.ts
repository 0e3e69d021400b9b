import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Child processes start through tsx: slow on a loaded machine, hence generous bounds on waiting.
const SLOW = 90_000;
import { migrations } from '../../src/store/migrations/index.js';
import { buildRssFeed } from '../support/builders.js';
import { startHttpServer } from '../support/http-server.js';
import { startRunProcess, waitUntil } from '../support/run-process.js';
import { parsePrometheusText, sampleValue } from '../support/prom-text.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'execwatch.js');
const WEBHOOK_TOKEN = 'T0ken-thatMustNeverBeLogged_0123456789abcdef';

const FEED = buildRssFeed([
  {
    title: 'Globex appoints Jane Doe as chief financial officer',
    link: 'http://news.example/globex-cfo',
    guid: 'globex-cfo',
    description: 'Globex Corp said on Monday it had appointed Jane Doe as chief financial officer, effective immediately.',
    pubDate: 'Mon, 02 Mar 2026 09:00:00 GMT',
  },
  { title: 'Quarterly earnings beat estimates', link: 'http://news.example/earnings', guid: 'earnings', description: 'Revenue rose 12 percent.' },
]);

let feedServer: Awaited<ReturnType<typeof startHttpServer>>;
/** Released by the test to let the slow feed's response finish. */
const slowRequests: Array<() => void> = [];

beforeAll(async () => {
  feedServer = await startHttpServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    } else if (req.url === '/slow.xml') {
      // Holds the fetch open: it is in flight when the signal comes.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>');
      slowRequests.push(() => res.end('</channel></rss>'));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});

afterAll(async () => {
  for (const release of slowRequests) release();
  await feedServer.close();
});

interface Started {
  child: ChildProcess;
  output: () => string;
  stdout: () => string;
  opsUrl: string;
  dir: string;
  config: string;
}

function writeConfig(dir: string, feeds: Array<{ name: string; path: string }>): string {
  const config = join(dir, 'execwatch.yaml');
  writeFileSync(config, [
    `dataDir: ${join(dir, 'data')}`,
    'polling:',
    '  allowPrivateAddresses: true',
    '  alertOnFirstPoll: true',
    '  timeoutMs: 60000',
    'http:',
    '  port: 0',
    '  host: 127.0.0.1',
    'feeds:',
    ...feeds.flatMap((f) => [`  - name: ${f.name}`, `    url: ${feedServer.url}${f.path}`]),
    '',
  ].join('\n'));
  return config;
}

async function startRun(feeds: Array<{ name: string; path: string }>): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-ops-'));
  const config = writeConfig(dir, feeds);
  // No Discord credentials: alerts go to the console (stdout).
  const run = await startRunProcess(config, {}, 45_000);
  return { child: run.child, output: run.output, stdout: run.stdout, opsUrl: run.opsUrl, dir, config };
}

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe, 40_000);

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return exitOf(child).then((code) => ({ code, stderr }));
}

describe('execwatch run: ops endpoint, metrics, graceful shutdown', () => {
  it('serves health, readiness and metrics that move with work; SIGTERM with a fetch in flight exits 0 within 10 s and closes the database', async () => {
    const run = await startRun([{ name: 'Good', path: '/feed.xml' }, { name: 'Slow', path: '/slow.xml' }]);
    try {
      expect((await fetch(`${run.opsUrl}/healthz`)).status).toBe(200);
      await until('ready', async () => ((await fetch(`${run.opsUrl}/readyz`)).status === 200 ? true : undefined));

      const fams = await until('the good feed to be counted', async () => {
        const f = parsePrometheusText(await (await fetch(`${run.opsUrl}/metrics`)).text());
        return (sampleValue(f, 'execwatch_feed_polls_total', { outcome: 'ok' }) ?? 0) >= 1 ? f : undefined;
      });
      expect(sampleValue(fams, 'execwatch_items_seen_total')).toBe(2);
      const changes = sampleValue(fams, 'execwatch_changes_extracted_total', { extractor: 'builtin' }) ?? 0;
      expect(changes).toBeGreaterThanOrEqual(1);
      // Every console alert printed is counted: stdout is a pipe here, so each is one JSON line.
      const printed = run.stdout().split('\n').filter((l) => l.startsWith('{') && (JSON.parse(l) as { msg?: string }).msg === 'alert').length;
      expect(printed).toBeGreaterThanOrEqual(1);
      expect(sampleValue(fams, 'execwatch_alerts_sent_total', { target: 'console' })).toBe(printed);

      // The slow feed's fetch is in flight now.
      await until('the slow fetch', async () => (slowRequests.length ? true : undefined));
      const stoppedAt = Date.now();
      run.child.kill('SIGTERM');
      const code = await exitOf(run.child);
      const ms = Date.now() - stoppedAt;
      console.log(`SIGTERM with a fetch in flight: exited ${code} after ${ms} ms`);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
      expect(run.output()).toMatch(/shutting down/);
      // A cleanly closed SQLite database has checkpointed and removed its write-ahead log.
      expect(existsSync(join(run.dir, 'data', 'execwatch.db'))).toBe(true);
      expect(existsSync(join(run.dir, 'data', 'execwatch.db-wal'))).toBe(false);
      await expect(fetch(`${run.opsUrl}/healthz`)).rejects.toThrow();

      // An online backup of what was stored.
      const file = join(run.dir, 'backup.db');
      const backup = await runCli(['backup', file, '--config', run.config]);
      expect(backup.stderr).toMatch(/backed up .* to .*backup\.db/);
      expect(backup.code).toBe(0);
      const copy = new Database(file, { readonly: true });
      expect((copy.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(2);
      copy.close();
      expect((await runCli(['backup', file, '--config', run.config])).code).toBe(1);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, SLOW);

  it('exits 0 on SIGINT too, and never logs a secret from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-ops-'));
    // A user who put a secret in a feed URL: the failing feed's URL is logged, without it.
    const config = writeConfig(dir, [{ name: 'Good', path: '/feed.xml' }, { name: 'Leaky', path: `/missing.xml?t=${WEBHOOK_TOKEN}` }]);
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'debug',
      // Nothing listens there: every delivery fails, and the failures are logged with the URL.
      DISCORD_WEBHOOK_URL: `http://127.0.0.1:9/api/webhooks/123456789012345678/${WEBHOOK_TOKEN}`,
    };
    const child = spawn(process.execPath, [BIN, 'run', '--config', config], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let all = '';
    child.stdout.on('data', (d: Buffer) => (all += d.toString()));
    child.stderr.on('data', (d: Buffer) => (all += d.toString()));
    try {
      await until('the failing feed to be logged', async () => (all.includes('feed poll failed') ? true : undefined));
      child.kill('SIGINT');
      expect(await exitOf(child)).toBe(0);
      expect(all).toContain('missing.xml?t=[Redacted]');
      expect(all).not.toContain(WEBHOOK_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, SLOW);
});

describe('database versions', () => {
  it('refuses to start on a database written by a newer execwatch, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-ops-'));
    const config = writeConfig(dir, [{ name: 'Good', path: '/feed.xml' }]);
    mkdirSync(join(dir, 'data'));
    const db = new Database(join(dir, 'data', 'execwatch.db'));
    db.pragma(`user_version = ${migrations.at(-1)!.version + 10}`);
    db.close();
    const { code, stderr } = await runCli(['once', '--config', config]);
    expect(code).toBe(78);
    expect(stderr).toMatch(/newer execwatch/);
    expect(stderr).toMatch(/Upgrade execwatch, or restore a backup/);
  }, SLOW);
});
