// Feed polling at scale and parsing speed. `npm run bench -- feeds`.
// 1. 1,000 feeds on a local server (another process) with 50 ms latency, answering 304 for
//    unchanged feeds and changing a few each cycle: cycle wall time, CPU per feed, peak RSS.
// 2. Parsing a 2,000-item RSS document: execwatch's parser against bare rss-parser.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { loadConfig } from '../src/config/load.js';
import { silentLogger } from '../src/core/log.js';
import { parseFeedBytes } from '../src/feeds/parse.js';
import { createFeedReader } from '../src/feeds/reader.js';
import { createApp } from '../src/main.js';

const FEEDS = 1000;
const LATENCY_MS = 50;
const HOSTS = 100;
const CHANGED_PER_CYCLE = 10;
const CYCLES = 4;

type Msg = { port?: number; ok?: boolean };

function startServer() {
  const child = fork(join(import.meta.dirname, 'feeds-server.ts'), [String(FEEDS), String(LATENCY_MS)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<Msg>((resolve) => child.once('message', (m) => resolve(m as Msg)));
  return {
    ready: next(),
    async change(ids: number[]) {
      const done = next();
      child.send({ change: ids });
      await done;
    },
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ stop: true });
    }),
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** With node --expose-gc: the live heap, to tell growth from garbage not yet collected. */
function heapAfterGc(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return '';
  gc();
  return `, live heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`;
}

async function pollingBench(): Promise<void> {
  const server = startServer();
  const { port } = await server.ready;
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-bench-feeds-'));
  const configPath = join(dir, 'execwatch.yaml');
  // Feeds spread over 100 host names (all 127.0.0.1), as real feeds are over many sites.
  const lines = [`dataDir: ${join(dir, 'data')}`, 'polling:', '  allowPrivateAddresses: true', 'feeds:'];
  for (let i = 0; i < FEEDS; i++) lines.push(`  - name: feed ${i}`, `    url: http://site${i % HOSTS}.bench.test:${port}/f/${i}.xml`);
  writeFileSync(configPath, `${lines.join('\n')}\n`);
  const loaded = loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } });
  const reader = createFeedReader({
    userAgent: loaded.config.polling.userAgent,
    timeoutMs: loaded.config.polling.timeoutMs,
    maxBytes: loaded.config.polling.maxBytes,
    allowPrivateAddresses: true,
    lookupAll: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  const app = await createApp(loaded, { logger: silentLogger, targets: [], reader });
  console.log(`RSS with the app loaded: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  console.log(`${FEEDS} feeds on ${HOSTS} hosts, ${LATENCY_MS} ms latency, concurrency ${loaded.config.polling.concurrency} (per host ${loaded.config.polling.perHostConcurrency})`);
  try {
    // Cycle 0 is the first poll of every feed; the last cycle changes nothing, so its CPU time
    // is all unchanged (304) feeds.
    for (let cycle = 0; cycle <= CYCLES + 1; cycle++) {
      if (cycle > 0 && cycle <= CYCLES) await server.change(Array.from({ length: CHANGED_PER_CYCLE }, (_, k) => (cycle * 97 + k * 101) % FEEDS));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const outcomes = await app.scheduler.pollAll();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const unchanged = outcomes.filter((o) => o.status === 'not-modified').length;
      const changed = outcomes.filter((o) => o.status === 'ok').length;
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      const label = cycle === 0 ? 'first cycle (every feed new: 200 + 20 items each)' : cycle > CYCLES ? `cycle ${cycle} (nothing changed)` : `cycle ${cycle} (${CHANGED_PER_CYCLE} feeds changed)`;
      console.log(`${label}: wall ${ms(wall)}, CPU ${ms(cpuMs)} = ${(cpuMs / FEEDS).toFixed(3)} ms per feed; ${unchanged} unchanged (304), ${changed} changed, ${failed} failed, ${outcomes.reduce((n, o) => n + o.newItems, 0)} new items; RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB${heapAfterGc()}`);
    }
  } finally {
    await app.close();
    reader.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

function bigFeed(items: number): string {
  const out: string[] = [];
  for (let k = 0; k < items; k++) {
    out.push(`<item><title>Story ${k}: Acme &amp; Co names a new chief executive officer</title><link>https://news.bench.test/${k}?utm_source=rss</link><guid isPermaLink="false">story-${k}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + k * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph one of story ${k}, with <b>markup</b> and a <a href="/x">link</a>.</p><p>Paragraph two says a little more about it.</p>]]></description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title><link>https://news.bench.test/</link><description>big</description>${out.join('\n')}</channel></rss>`;
}

async function timed(into: { wall: number[]; cpu: number[] }, fn: () => Promise<unknown> | unknown): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function parseBench(): Promise<void> {
  const text = bigFeed(2000);
  const bytes = Buffer.from(text);
  const parser = new Parser();
  let oursCount = 0;
  let theirsCount = 0;
  for (let i = 0; i < 2; i++) {
    oursCount = parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' }).entries.length;
    theirsCount = (await parser.parseString(text)).items.length;
  }
  // Interleaved, so that load from other processes hits both alike; wall and CPU time both,
  // since on a busy machine wall time mostly measures the neighbours.
  const ours = { wall: [] as number[], cpu: [] as number[] };
  const theirs = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < 15; i++) {
    await timed(ours, () => parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' }));
    await timed(theirs, () => parser.parseString(text));
  }
  const line = (what: 'wall' | 'cpu') => {
    const a = median(ours[what]);
    const b = median(theirs[what]);
    return `${what} ${a.toFixed(1)} ms vs ${b.toFixed(1)} ms = ${(a / b).toFixed(2)}×`;
  };
  console.log(`parse 2,000 items (${(bytes.length / 1024).toFixed(0)} KB; execwatch: bytes to normalised entries, ${oursCount} items; rss-parser: string to raw fields, ${theirsCount} items)`);
  console.log(`  execwatch vs rss-parser, medians of 15: ${line('cpu')}; ${line('wall')} (goal ≤ 1.5×)`);
}

export async function runFeedsBench(): Promise<void> {
  await pollingBench();
  await parseBench();
}
