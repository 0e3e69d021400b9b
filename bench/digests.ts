// Digest build time over 100,000 stored events in SQLite (issue 14): the runner's work for one
// subscription and one period — the period's query, the filter match, grouping, lines, the chart
// spec and the messages. `npm run bench -- digests`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeCategories, type ChangeEvent } from '../src/core/events/index.js';
import { digestMessages } from '../src/digest/content.js';
import { parseDigestSchedule, periodEndingOn, type DigestScheduleInput } from '../src/digest/schedule.js';
import { MAX_MESSAGES, subscriptionDigest } from '../src/pipeline/digest-runner.js';
import { openSqliteStores } from '../src/store/open-sqlite.js';
import type { SubscriptionFilters } from '../src/ports/subscriptions.js';
import { addDays } from '../src/timeline/days.js';

const STORED = 100_000;
const START = Date.parse('2023-01-01T00:00:00Z');
const END = Date.parse('2026-11-30T00:00:00Z');
const RUNS = 30;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(14);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const FIRST = ['Ana', 'Björn', 'Chloé', 'Daniel', 'Émile', 'Fatima', 'Hana', 'Ines', 'Kofi', 'Lucía', 'Mei', 'Priya'];
const LAST = ['Okafor', 'Müller', 'García', 'Nakamura', 'Dubois', 'Haddad', 'Silva', 'Chen', 'Rossi', 'Lindqvist'];
const companies = Array.from({ length: 3_000 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'])} ${i} ${pick(['Systems', 'Bank', 'Cloud', 'Motors'])}`);
const roles = ['CEO', 'chief financial officer', 'CTO', 'president', 'chairman', 'board member', 'COO', 'general counsel'];

function eventAt(i: number, at: number): ChangeEvent {
  const iso = new Date(at).toISOString();
  const person = `${pick(FIRST)} ${pick(LAST)} ${i}`;
  const role = pick(roles);
  const org = pick(companies);
  return {
    id: `ev-${i}`, person: { name: person, names: [person] }, direction: random() < 0.5 ? 'in' : 'out', interim: random() < 0.1,
    role: { title: role, categories: mergeCategories(role) }, organization: { name: org, parent: null, names: [org] },
    effectiveDate: null, reason: null, counterpart: null, destination: null, firstSeen: iso, lastSeen: iso,
    sources: [{
      itemId: `item-${i}`, url: `https://outlet${i % 40}.example/${i}`, feed: null, outlet: `outlet${i % 40}.example`, title: null,
      publishedAt: iso, evidence: `${person} becomes ${role} of ${org}.`, confidence: 0.8, personName: person, roleTitle: role, organizationName: org, separately: false,
    }],
    confidence: 0.8, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
  };
}

const NONE: SubscriptionFilters = { companies: [], people: [], roles: [], directions: [], minConfidence: 0 };

export async function runDigestsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-bench-digests-'));
  const { opened } = openSqliteStores(join(dir, 'bench.db'));
  try {
    const { events, items } = opened.stores;
    const feed = await opened.stores.feeds.upsert({ url: 'https://feeds.example/bench.xml', name: 'Bench' }, new Date(START).toISOString());
    const seedStart = performance.now();
    await opened.work.run(async () => {
      for (let i = 0; i < STORED; i++) {
        const at = START + ((END - START) * i) / STORED;
        const e = eventAt(i, at);
        await items.insert({ id: `item-${i}`, feedId: feed.id, url: e.sources[0]!.url, title: e.person.name, titleKey: `k${i}`, publishedAt: e.firstSeen, seenAt: e.firstSeen, status: 'processed' });
        await events.save(e);
      }
    });
    console.log(`seeded ${STORED.toLocaleString('en')} events (${((END - START) / 86_400_000 / 365).toFixed(1)} years, ~${Math.round(STORED / ((END - START) / 86_400_000))} a day) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const source = opened.stores.digestEvents;

    const cases: Array<{ name: string; schedule: DigestScheduleInput; filters: SubscriptionFilters; lastDay: string }> = [
      { name: 'daily, every change', schedule: { cadence: 'daily', time: '09:00', timeZone: 'Europe/Berlin' }, filters: NONE, lastDay: '2026-11-28' },
      { name: 'weekly, every change', schedule: { cadence: 'weekly', time: '09:00', timeZone: 'America/New_York', weekday: 'monday' }, filters: NONE, lastDay: '2026-11-23' },
      { name: 'weekly, companies Acme + CFO role', schedule: { cadence: 'weekly', time: '09:00', timeZone: 'America/New_York', weekday: 'monday' }, filters: { ...NONE, companies: ['Acme'], roles: ['CFO'] }, lastDay: '2026-11-23' },
    ];
    for (const c of cases) {
      const schedule = parseDigestSchedule(c.schedule);
      const step = schedule.cadence === 'daily' ? 1 : 7;
      const sub = { ...c.filters, digest: { schedule, postEmpty: false } };
      const times: number[] = [];
      const cpus: number[] = [];
      const queries: number[] = [];
      let changes = 0;
      let chars = 0;
      // Each run a different period (so no run reads pages only the previous one warmed), newest first.
      for (let r = 0; r < RUNS + 3; r++) {
        const period = periodEndingOn(schedule, addDays(c.lastDay, -step * r));
        const t = performance.now();
        const cpu = process.cpuUsage();
        const events = await source.eventsRecordedIn(period.start, period.end);
        const queried = performance.now();
        const digest = subscriptionDigest(sub, events, { period, late: false });
        const messages = digest ? digestMessages(digest, 2000, MAX_MESSAGES) : [];
        const ms = performance.now() - t;
        const used = process.cpuUsage(cpu);
        if (r < 3) continue; // warm-up: statement cache, JIT
        times.push(ms);
        queries.push(queried - t);
        cpus.push((used.user + used.system) / 1000);
        changes += digest?.total ?? 0;
        chars += messages.join('').length;
      }
      times.sort((a, b) => a - b);
      cpus.sort((a, b) => a - b);
      queries.sort((a, b) => a - b);
      const q = (p: number, xs = times) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
      console.log(`${c.name}: ${RUNS} periods, ${(changes / RUNS).toFixed(0)} changes a digest on average (${(chars / RUNS / 1000).toFixed(1)}k characters posted, at most ${MAX_MESSAGES} messages): ` +
        `query + build wall p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms; CPU p50 ${q(0.5, cpus).toFixed(2)} ms, p95 ${q(0.95, cpus).toFixed(2)} ms; of which the query (wall) p50 ${q(0.5, queries).toFixed(2)} ms`);
    }
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
