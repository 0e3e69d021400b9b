// npm run test:stress — the acceptance of issue 12 for hostile items, on the real process:
// `execwatch run` (bin/execwatch.js) against a local feed server, /healthz probed every 100 ms.
// For each hostile feed: the slowest health answer (must be under 1 s), the event loop's worst
// lag as the process itself saw it, the next item of the same feed alerted, and SIGTERM's exit
// time (must be under 10 s). Prints a table (docs/operations.md keeps the latest) and exits 1
// when a bound is broken.
//
//   npm run test:stress [-- [--dist] [NAME]]
//
// --dist runs the compiled build (what the Docker image runs: dist/, no tsx) instead of the
// TypeScript sources; NAME runs the scenarios whose name contains it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTestConfig } from '../test/support/config-file.js';
import { startFeedServer, type FeedServer } from '../test/support/feed-server.js';
import { changeAfter, hostileThenChange, longDescription, manyItems, oneWordTitle } from '../test/support/hostile-feeds.js';
import { parsePrometheusText, sampleValue } from '../test/support/prom-text.js';
import { consoleAlerted, probeHealth, startRunProcess, waitUntil, type RunProcess } from '../test/support/run-process.js';

interface Row {
  scenario: string;
  probes: number;
  slowestHealthMs: number;
  unanswered: number;
  loopLagMaxMs: number | null;
  alertedAfterS: number | null;
  sigtermExitMs: number;
  exitCode: number | null;
}

const HEALTH_MS = 1_000;
const EXIT_MS = 10_000;

async function loopLag(run: RunProcess): Promise<number | null> {
  try {
    const fams = parsePrometheusText(await (await fetch(`${run.opsUrl}/metrics`)).text());
    const v = sampleValue(fams, 'execwatch_nodejs_eventloop_lag_max_seconds');
    return v === undefined ? null : Math.round(v * 1000);
  } catch {
    return null;
  }
}

interface Scenario {
  name: string;
  /** Sets the feed up before the run starts. */
  setup(feeds: FeedServer): void;
  /** After the first poll: what the feed turns into (the 200k feed gains its next item). */
  then?(feeds: FeedServer): void;
  alertOnFirstPoll: boolean;
  /** Who the next item names (the console alert to wait for); null: SIGTERM mid-work instead. */
  person: string | null;
  /** With person null: SIGTERM once the process is this far in (ms after start). */
  sigtermAfterMs?: number;
}

const scenarios: Scenario[] = [
  {
    name: '1 MB single-word title',
    setup: (f) => f.setFeed('/feed.xml', hostileThenChange(oneWordTitle(1_000_000), 'after-title', 'Jane Doe')),
    alertOnFirstPoll: true,
    person: 'Jane Doe',
  },
  {
    name: '10 MB description',
    setup: (f) => f.setFeed('/feed.xml', hostileThenChange(longDescription(10_000_000), 'after-long', 'Mary Major')),
    alertOnFirstPoll: true,
    person: 'Mary Major',
  },
  {
    name: '200k-item feed, then its next item',
    setup: (f) => f.setFeed('/feed.xml', manyItems(200_000, { title: 'Item newest', link: 'https://news.example/newest', guid: 'newest' })),
    then: (f) => f.setFeed('/feed.xml', manyItems(200_000, changeAfter('after-many', 'Ada Lovelace'))),
    alertOnFirstPoll: false,
    person: 'Ada Lovelace',
  },
  {
    name: '200k items extracted, SIGTERM mid-feed',
    setup: (f) => f.setFeed('/feed.xml', manyItems(200_000, changeAfter('after-many', 'Ada Lovelace'))),
    alertOnFirstPoll: true,
    person: null,
    sigtermAfterMs: 20_000,
  },
];

async function runScenario(s: Scenario): Promise<Row> {
  const feeds = await startFeedServer();
  try {
    s.setup(feeds);
    const config = writeTestConfig({
      feeds: [{ name: 'Hostile', url: `${feeds.url}/feed.xml`, intervalMinutes: 1 }],
      polling: { alertOnFirstPoll: s.alertOnFirstPoll, maxBytes: 64 * 1024 * 1024, timeoutMs: 120_000 },
      extra: { http: { port: 0, host: '127.0.0.1' } },
    }).path;
    const started = Date.now();
    const run = await startRunProcess(config, {}, 60_000, [], bin);
    const health = probeHealth(run.opsUrl, 100, 5_000);
    let alertedAfterS: number | null = null;
    try {
      if (s.person) {
        if (s.then) {
          await waitUntil('the first poll', async () => {
            const fams = parsePrometheusText(await (await fetch(`${run.opsUrl}/metrics`)).text());
            return (sampleValue(fams, 'execwatch_feed_polls_total', { outcome: 'ok' }) ?? 0) >= 1 ? true : undefined;
          }, 600_000);
          s.then(feeds);
        }
        const person = s.person;
        await waitUntil(`the alert for ${person}`, () => (consoleAlerted(run.stdout(), person) ? true : undefined), 600_000);
        alertedAfterS = Math.round((Date.now() - started) / 100) / 10;
      } else {
        await new Promise((r) => setTimeout(r, s.sigtermAfterMs));
      }
    } catch (err) {
      console.error(`${s.name}: ${(err as Error).message}\n${run.output().slice(-2000)}`);
    }
    const lag = await loopLag(run);
    const h = await health.stop();
    const stopped = await run.stop('SIGTERM');
    return {
      scenario: s.name, probes: h.probes, slowestHealthMs: h.maxMs, unanswered: h.unanswered, loopLagMaxMs: lag,
      alertedAfterS, sigtermExitMs: stopped.ms, exitCode: stopped.code,
    };
  } finally {
    await feeds.close();
  }
}

/** A built install in a temporary folder: bin/, package.json, dist/ compiled now, the checkout's node_modules. */
function buildDist(): string {
  const root = join(import.meta.dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-dist-'));
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], { stdio: 'inherit' });
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'bin', 'execwatch.js');
}

const args = process.argv.slice(2);
const dist = args.includes('--dist');
const only = args.find((a) => !a.startsWith('--'));
const bin = dist ? buildDist() : undefined;
const rows: Row[] = [];
for (const s of scenarios) {
  if (only && !s.name.includes(only)) continue;
  console.error(`… ${s.name}`);
  const row = await runScenario(s);
  console.error(JSON.stringify(row));
  rows.push(row);
}

console.log(`\nexecwatch stress, ${dist ? 'compiled (dist/)' : 'TypeScript sources (tsx)'} (node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'})\n`);
console.log('| scenario | health probes | slowest /healthz | unanswered | event-loop lag max | next item alerted | SIGTERM exit |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  const alerted = r.alertedAfterS === null ? (scenarios.find((s) => s.name === r.scenario)?.person ? 'NO' : 'n/a (stopped mid-feed)') : `after ${r.alertedAfterS} s`;
  console.log(`| ${r.scenario} | ${r.probes} | ${r.slowestHealthMs} ms | ${r.unanswered} | ${r.loopLagMaxMs ?? '?'} ms | ${alerted} | ${r.sigtermExitMs} ms (code ${r.exitCode}) |`);
}
const broken = rows.filter((r) => r.slowestHealthMs >= HEALTH_MS || r.unanswered > 0 || r.sigtermExitMs >= EXIT_MS || r.exitCode !== 0 ||
  (r.alertedAfterS === null && scenarios.find((s) => s.name === r.scenario)?.person));
if (broken.length) console.log(`\nBROKEN: ${broken.map((r) => r.scenario).join('; ')}`);
process.exit(broken.length ? 1 : 0);
