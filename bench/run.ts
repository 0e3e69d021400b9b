// `npm run bench`: every benchmark in turn, numbers printed (see docs/benchmarks.md).
// `npm run bench -- NAME` runs one of them.
import { arch, cpus, totalmem } from 'node:os';

type Bench = { name: string; run: () => Promise<void> };

const benches: Bench[] = [
  // Each area registers its benchmark here: { name, run: async () => (await import('./x.js')).runX() }.
  { name: 'feeds', run: async () => (await import('./feeds.js')).runFeedsBench() },
  { name: 'events', run: async () => (await import('./events.js')).runEventsBench() },
  { name: 'extract', run: async () => (await import('./extract.js')).runExtractBench() },
  { name: 'quality', run: async () => { const q = await import('./quality.js'); q.runQualityBench(); await q.falseAlerts(); } },
  { name: 'discord', run: async () => (await import('./discord.js')).runDiscordBench() },
  { name: 'charts', run: async () => (await import('./charts.js')).runChartsBench() },
  { name: 'records', run: async () => (await import('./records.js')).runRecordsBench() },
  { name: 'digests', run: async () => (await import('./digests.js')).runDigestsBench() },
  { name: 'roles', run: async () => (await import('./roles.js')).runRolesBench() },
  { name: 'pool', run: async () => (await import('./pool.js')).runPoolBench() },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpu} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`);
for (const b of benches) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  console.log(`\n## ${b.name}`);
  await b.run();
}
