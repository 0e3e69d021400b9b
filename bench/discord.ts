// Slash-command answer times with 100,000 stored events: the command's own work (lookup and
// rendering, what runs inside execwatch) and the round trip through the real discord.js Client
// and the loopback Discord emulator. Run: npm run bench -- discord
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REST } from 'discord.js';
import type { RoleCategory } from '../src/core/change.js';
import { silentLogger } from '../src/core/log.js';
import { commands } from '../src/discord/commands/index.js';
import { PAGE_SIZE } from '../src/discord/commands/changes.js';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { createAddressGuard } from '../src/discord/feed-check.js';
import { createEventLookupAdapter, type Lookup } from '../src/discord/lookup.js';
import { renderChangePage } from '../src/discord/render.js';
import { createDiscordApp } from '../src/discord/setup.js';
import { createFeedReader } from '../src/feeds/reader.js';
import { ChangeEventSchema } from '../src/core/events/model.js';
import { openSqliteStores } from '../src/store/open-sqlite.js';
import { startDiscordEmulator } from '../test/support/discord-emulator/index.js';

const EVENTS = 100_000;
const FIRST = ['Daniel', 'Jeff', 'Frédéric', 'Ana', 'Zoë', 'José', 'Li', 'Priya', 'Søren', 'Mei', 'Omar', 'Chloé', 'Hiro', 'Ngozi', 'Lars'];
const LAST = ['Zhang', 'Oudéa', 'García', 'Müller', 'Nakamura', 'Okafor', 'Kowalski', 'Ibrahim', 'Rossi', 'Dubois', 'Chen', 'Novák', 'Silva', 'Haddad'];
const ORG_A = ['Alibaba', 'Société', 'Nordic', 'Quantum', 'Acme', 'Global', 'Tencent', 'Crédit', 'Blue', 'Zenith', 'Helios', 'Orion'];
const ORG_B = ['Cloud', 'Générale', 'Robotics', 'Systems', 'Bank', 'Energy', 'Media', 'Motors', 'Labs', 'Capital', 'Networks'];
const ROLES: Array<[string, RoleCategory]> = [['chief executive officer', 'CEO'], ['chief financial officer', 'CFO'], ['president', 'President'], ['board member', 'Board'], ['chief technology officer', 'CTO']];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(label: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} p50 ${percentile(s, 50).toFixed(2)} ms   p95 ${percentile(s, 95).toFixed(2)} ms   (n=${s.length})`);
}

export async function runDiscordBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-bench-discord-'));
  const { db, opened } = openSqliteStores(join(dir, 'bench.db'));
  const { stores } = opened;
  const now = Date.now();

  const queries = [
    { days: 7, company: null, person: null, role: null, direction: null },
    { days: 30, company: 'Alibaba', person: null, role: null, direction: null },
    { days: 7, company: null, person: null, role: 'CFO', direction: 'out' as const },
    { days: 365, company: null, person: 'Zhang', role: null, direction: null },
  ];
  const typed = ['ali', 'soci', 'zhang', 'fred', 'o', 'crédit sys', 'nakamura 12', 'zo'];
  // Each round: every query shape on one of three pages, then every typed prefix.
  // (Promise.resolve: the lookup answers asynchronously once the Discord side reads the async stores.)
  const measure = async (lookup: Lookup, recentLabel: string, autoLabel: string): Promise<void> => {
    const recent: number[] = [];
    const auto: number[] = [];
    for (let round = 0; round < 100; round++) {
      for (const q of queries) {
        const t = performance.now();
        const result = await Promise.resolve(lookup.recent({ ...q, limit: PAGE_SIZE, offset: (round % 3) * PAGE_SIZE }));
        renderChangePage({ title: 'bench', alerts: result.alerts, total: result.total, page: round % 3, pageSize: PAGE_SIZE, token: 'tok' });
        recent.push(performance.now() - t);
      }
      for (const w of typed) {
        const t = performance.now();
        await Promise.resolve(lookup.suggest(round % 2 ? 'person' : 'organization', w, 25));
        auto.push(performance.now() - t);
      }
    }
    report(recentLabel, recent);
    report(autoLabel, auto);
  };

  // What a running bot reads: 100,000 stored events.
  const { events } = stores;
  const eventsStart = performance.now();
  await opened.work.run(async () => {
    for (let i = 0; i < EVENTS; i++) {
      const person = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i % 4000}`;
      const org = `${ORG_A[i % ORG_A.length]} ${ORG_B[(i * 3) % ORG_B.length]} ${i % 900}`;
      const [title, category] = ROLES[i % ROLES.length]!;
      const at = new Date(now - (i % 720) * 3_600_000).toISOString();
      await events.save(ChangeEventSchema.parse({
        id: `ev-${i}`, person: { name: person, names: [person] }, direction: i % 3 === 0 ? 'out' : 'in', interim: false,
        role: { title, categories: [category] }, organization: { name: org, parent: null, names: [org] },
        effectiveDate: null, reason: null, counterpart: null, destination: null, firstSeen: at, lastSeen: at,
        sources: [{ itemId: `bench-${i}`, url: `https://news.example/${i}`, feed: 'Bench', outlet: 'Bench', publishedAt: at, evidence: `${org} said ${person} was named ${title}.`, confidence: 0.8, personName: person, roleTitle: title, organizationName: org }],
        confidence: 0.8, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
      }));
    }
  });
  console.log(`seeded ${EVENTS} events in ${((performance.now() - eventsStart) / 1000).toFixed(1)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)'); // a settled database, as a running bot has
  await measure(createEventLookupAdapter(events, () => new Date()), '/changes recent over events (lookup + render)', 'autocomplete over events');

  // The same through the real Client and the loopback emulator (includes HTTP and discord.js).
  const emu = await startDiscordEmulator({ rateLimit: { limit: 100_000, windowMs: 1000 } });
  const reader = createFeedReader({ userAgent: 'bench', timeoutMs: 5000, maxBytes: 1_000_000 });
  const { bot } = createDiscordApp({ token: emu.token, apiBase: emu.apiUrl, stores, reader, logger: silentLogger, now: () => new Date(), guard: createAddressGuard(), minConfidence: 0.5 });
  await deployCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), commands, emu.guildId);
  await bot.start();
  const tripRecent: number[] = [];
  const tripAuto: number[] = [];
  for (let i = 0; i < 100; i++) {
    let t = performance.now();
    await emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { days: 30, company: 'Alibaba' } }).callback();
    tripRecent.push(performance.now() - t);
    t = performance.now();
    await emu.sendAutocomplete({ name: 'changes', subcommand: 'person', focused: 'name', options: { name: typed[i % typed.length]! } }).callback();
    tripAuto.push(performance.now() - t);
  }
  report('/changes recent (events), round trip', tripRecent);
  report('autocomplete (events), round trip', tripAuto);
  await bot.stop();
  reader.close();
  await emu.close();
  await opened.close();
  if (!process.env.BENCH_KEEP_DB) rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await runDiscordBench();
