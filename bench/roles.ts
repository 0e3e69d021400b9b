// A poll cycle of 2,000 feeds (50 ms server latency) on Postgres with 1 and 3 worker processes
// (plus the scheduler), and on SQLite with one `execwatch run` process. `npm run bench -- roles`.
//
// Every feed is new, so the cycle is each feed's first poll: a 200 with 20 items, recorded as a
// baseline (40,000 items written). The clock runs from the start of the process that syncs the
// feeds and schedules them (the scheduler, or the single process; the workers are already up and
// waiting) until the store shows every feed polled. CPU is the execwatch processes' own (user +
// system, from /proc), not the feed server's or Postgres's.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasPostgres, startPostgres, type PostgresCluster } from '../test/support/postgres.js';
import { BIN } from '../test/support/run-process.js';
import { openPostgresStores } from '../src/store/postgres/open.js';
import { openSqliteStores } from '../src/store/open-sqlite.js';
import type { FeedStore } from '../src/ports/feeds.js';

const FEEDS = 2000;
const LATENCY_MS = 50;
const CONCURRENCY = 16;

function startFeedServer() {
  const child = fork(join(import.meta.dirname, 'feeds-server.ts'), [String(FEEDS), String(LATENCY_MS)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    port: new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { port: number }).port))),
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ stop: true });
    }),
  };
}

function writeConfig(dir: string, port: number): string {
  const path = join(dir, 'execwatch.yaml');
  // All feeds on one host (127.0.0.1): the per-host limit is raised to the process's concurrency.
  const lines = [
    `dataDir: ${join(dir, 'data')}`,
    'polling:', '  allowPrivateAddresses: true', `  concurrency: ${CONCURRENCY}`, `  perHostConcurrency: ${CONCURRENCY}`,
    'extractor:', '  kind: builtin',
    'http:', '  port: 0', '  host: 127.0.0.1',
    'feeds:',
  ];
  for (let i = 0; i < FEEDS; i++) lines.push(`  - name: feed ${i}`, `    url: http://127.0.0.1:${port}/f/${i}.xml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface Proc {
  child: ChildProcess;
  up: Promise<void>;
  /** user + system CPU seconds so far (Linux /proc). */
  cpu(): number;
}

function startExecwatch(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', EXECWATCH_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const up = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-20_000);
      if (log.includes('ops endpoint listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`execwatch ${args.join(' ')} exited (${code}):\n${log.slice(-3000)}`)));
  });
  up.catch(() => undefined);
  let last = 0;
  return {
    child,
    up,
    cpu() {
      try {
        // Fields 14 and 15 of /proc/PID/stat (after the command in brackets): utime, stime in ticks.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        last = (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // Exited: the last reading stands.
      }
      return last;
    },
  };
}

async function untilAllPolled(feeds: FeedStore): Promise<void> {
  for (;;) {
    const list = await feeds.list();
    if (list.length >= FEEDS && list.every((f) => f.lastPolledAt)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface CycleResult { label: string; seconds: number; startSeconds: number; cpuSeconds: number }

async function cycle(label: string, config: string, env: NodeJS.ProcessEnv, workers: number, feedsOf: () => Promise<{ feeds: FeedStore; close(): Promise<void> }>): Promise<CycleResult> {
  const procs: Proc[] = [];
  try {
    for (let i = 0; i < workers; i++) procs.push(startExecwatch(['run', '--role', 'worker', '--config', config], env));
    await Promise.all(procs.map((p) => p.up));
    const t0 = performance.now();
    const lead = startExecwatch(workers ? ['run', '--role', 'scheduler', '--config', config] : ['run', '--config', config], env);
    procs.push(lead);
    await lead.up;
    const startSeconds = (performance.now() - t0) / 1000;
    const store = await feedsOf();
    try {
      await untilAllPolled(store.feeds);
    } finally {
      await store.close();
    }
    const seconds = (performance.now() - t0) / 1000;
    return { label, seconds, startSeconds, cpuSeconds: procs.reduce((sum, p) => sum + p.cpu(), 0) };
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
  }
}

export async function runRolesBench(): Promise<void> {
  const server = startFeedServer();
  const port = await server.port;
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-bench-roles-'));
  let pg: PostgresCluster | null = null;
  const results: CycleResult[] = [];
  try {
    const config = writeConfig(dir, port);
    console.log(`${FEEDS} feeds, ${LATENCY_MS} ms latency, 20 items each (first poll: baseline); concurrency ${CONCURRENCY} per process`);
    results.push(await cycle('SQLite, one process (run)', config, {}, 0, async () => {
      const opened = openSqliteStores(join(dir, 'data', 'execwatch.db'), () => new Date());
      return { feeds: opened.opened.stores.feeds, close: () => opened.opened.close() };
    }));
    if (hasPostgres('roles bench (Postgres)')) {
      pg = await startPostgres();
      for (const workers of [1, 3]) {
        const url = await pg.createDatabase(`bench_${workers}`);
        results.push(await cycle(`Postgres, scheduler + ${workers} worker${workers > 1 ? 's' : ''}`, config, { DATABASE_URL: url }, workers, async () => {
          const opened = await openPostgresStores(url, { max: 2 });
          return { feeds: opened.stores.feeds, close: () => opened.close() };
        }));
      }
    }
    for (const r of results) {
      console.log(`${r.label}: cycle ${r.seconds.toFixed(1)} s (${(FEEDS / r.seconds).toFixed(0)} feeds/s; ${r.startSeconds.toFixed(1)} s of it the start-up and feed sync), ` +
        `execwatch CPU ${r.cpuSeconds.toFixed(1)} s = ${((r.cpuSeconds * 1000) / FEEDS).toFixed(1)} ms per feed`);
    }
  } finally {
    await server.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
