// Merge cost per change with 100,000 stored events (goal ≤ 1 ms), for the in-memory repository
// and for the SQLite event store. `npm run bench -- events`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeadershipChange } from '../src/core/change.js';
import { createEventMerger, createMemoryEventRepository, mergeCategories, type ChangeEvent, type EventRepository } from '../src/core/events/index.js';
import { primaryRoleCategory } from '../src/core/roles.js';
import { openPostgresStores } from '../src/store/postgres/open.js';
import { hasPostgres, startPostgres } from '../test/support/postgres.js';
import { openSqliteStores } from '../src/store/open-sqlite.js';

const STORED = 100_000;
const MERGES = 2_000;
const DAY = 86_400_000;
const START = Date.parse('2022-01-01T00:00:00Z');
const END = Date.parse('2026-01-01T00:00:00Z');

// A deterministic generator, so that runs compare.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const syllables = ['an', 'ber', 'cor', 'dal', 'el', 'fen', 'gar', 'hol', 'is', 'jun', 'kel', 'lor', 'mar', 'nor', 'ol', 'per', 'quin', 'ros', 'sel', 'tor', 'ul', 'ven', 'wil', 'xu', 'yan', 'zhang'];
const word = (n: number): string => {
  let w = '';
  for (let i = 0; i < n; i++) w += pick(syllables);
  return w[0]?.toUpperCase() + w.slice(1);
};
const given = Array.from({ length: 400 }, () => word(2));
const surnames = Array.from({ length: 800 }, () => word(2 + Math.floor(random() * 2)));
const companies = Array.from({ length: 5_000 }, () => `${word(2)} ${pick(['Systems', 'Robotics', 'Labs', 'Bank', 'Motors', 'Cloud', 'Media', 'Group'])}`);
const roles = ['CEO', 'chief financial officer', 'CTO', 'president', 'chairman', 'board member', 'SVP of sales', 'head of cloud', 'COO', 'general counsel'];

interface Spec { person: string; org: string; role: string; direction: 'in' | 'out'; interim: boolean; at: number }

const randomSpec = (at: number): Spec => ({
  person: `${pick(given)} ${pick(surnames)}`,
  org: pick(companies),
  role: pick(roles),
  direction: random() < 0.5 ? 'in' : 'out',
  interim: random() < 0.1,
  at,
});

function storedEvent(i: number, spec: Spec): ChangeEvent {
  const iso = new Date(spec.at).toISOString();
  return {
    id: `ev-bench-${i}`,
    person: { name: spec.person, names: [spec.person] },
    direction: spec.direction,
    interim: spec.interim,
    role: { title: spec.role, categories: mergeCategories(spec.role) },
    organization: { name: spec.org, parent: null, names: [spec.org] },
    effectiveDate: null,
    reason: null,
    counterpart: null,
    destination: null,
    firstSeen: iso,
    lastSeen: iso,
    sources: [{
      itemId: `stored-${i}`, url: `https://outlet${i % 50}.example/${i}`, feed: null, outlet: `outlet${i % 50}.example`, title: null,
      publishedAt: iso, evidence: `${spec.person} becomes ${spec.role} of ${spec.org}.`, confidence: 0.8,
      personName: spec.person, roleTitle: spec.role, organizationName: spec.org, separately: false,
    }],
    confidence: 0.8,
    contradictions: [],
    mergedInto: null,
    alertState: 'released',
    revision: 1,
  };
}

function changeOf(spec: Spec, itemId: string): LeadershipChange {
  return {
    person: { name: spec.person, aliases: [] },
    organization: { name: spec.org, parent: null },
    role: { title: spec.role, category: primaryRoleCategory(spec.role) },
    direction: spec.direction,
    interim: spec.interim,
    effectiveDate: null,
    reason: null,
    counterpart: null,
    destination: null,
    evidence: `${spec.person} becomes ${spec.role} of ${spec.org}.`,
    confidence: 0.8,
    source: { itemId, url: `https://bench.example/${itemId}`, feed: null, publishedAt: new Date(spec.at).toISOString() },
  };
}

const specs: Spec[] = Array.from({ length: STORED }, (_, i) => randomSpec(START + ((END - START) * i) / STORED));
const recent = specs.slice(-300);
// Half are other outlets' reports of recent events (in other words: surname only, or upper case),
// half are new events.
// Each measurement gets its own changes, so that the second one against the same store also
// starts new events.
const makeIncoming = (): Spec[] => Array.from({ length: MERGES }, (_, i) => {
  const at = END + (i * DAY) / 200;
  if (i % 2 === 0) {
    const s = pick(recent);
    const person = i % 4 === 0 ? (s.person.split(' ').at(-1) as string) : s.person.toUpperCase();
    return { ...s, person, at };
  }
  return randomSpec(at);
});

// `inUnit` wraps one item's merge as the pipeline does (one unit of work, one commit, per item).
async function measure(name: string, repository: EventRepository, inUnit: <T>(f: () => Promise<T>) => Promise<T> = (f) => f()): Promise<void> {
  const merger = createEventMerger({ repository });
  const times: number[] = [];
  let corroborated = 0;
  // Warm up on other changes first (JIT, statement cache), so that the figures are steady state.
  for (let i = 0; i < 300; i++) {
    const spec = randomSpec(END - DAY * 30 + i * 1000);
    await merger.mergeItem({ id: `warm-${i}`, title: '' }, [changeOf(spec, `warm-${i}`)]);
  }
  const incoming = makeIncoming();
  const cpuBefore = process.cpuUsage();
  for (const [i, spec] of incoming.entries()) {
    const id = `${name}-${i}`;
    const change = changeOf(spec, id);
    const t = process.hrtime.bigint();
    const { outcomes } = await inUnit(() => merger.mergeItem({ id, title: id, publishedAt: change.source.publishedAt }, [change]));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (outcomes[0]?.kind === 'corroborated') corroborated++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / MERGES;
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  console.log(`${name}: ${MERGES} changes merged against ${STORED.toLocaleString('en')} stored events: ` +
    `CPU ${cpuMs.toFixed(3)} ms per change (system ${(cpu.system / 1000 / MERGES).toFixed(3)}); wall mean ${mean.toFixed(3)} ms, p50 ${q(0.5).toFixed(3)} ms, ` +
    `p95 ${q(0.95).toFixed(3)} ms, max ${q(1).toFixed(2)} ms (${corroborated} joined an existing event; goal ≤ 1 ms per change)`);
}

export async function runEventsBench(): Promise<void> {
  const memory = createMemoryEventRepository();
  for (const [i, s] of specs.entries()) await memory.save(storedEvent(i, s));
  await measure('in memory', memory);

  const dir = mkdtempSync(join(tmpdir(), 'execwatch-bench-events-'));
  const { opened } = openSqliteStores(join(dir, 'events.db'));
  try {
    const store = opened.stores.events;
    const t = Date.now();
    await opened.work.run(async () => {
      for (const [i, s] of specs.entries()) await store.save(storedEvent(i, s));
    });
    console.log(`SQLite: stored ${STORED.toLocaleString('en')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // As the pipeline runs it: one transaction (one commit) per item.
    await measure('SQLite (file, WAL), one commit per item', store, (f) => opened.work.run(f));
    // The merge and index writes alone, commits batched (a backfill; also shows the commit's share).
    await opened.work.run(() => measure('SQLite (file, WAL), one commit for all', store));
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await postgresMerge();
}

// The same on Postgres (a throwaway cluster on this machine, durability off as in the tests):
// each merge's reads and writes are round trips, and each item takes the merge lock.
async function postgresMerge(): Promise<void> {
  if (!hasPostgres('events bench (Postgres)')) return;
  const cluster = await startPostgres();
  try {
    const pg = await openPostgresStores(await cluster.createDatabase('bench_events'), { max: 2 });
    try {
      const store = pg.stores.events;
      const t = Date.now();
      // Stored in units of 5,000 (one transaction each), as a copy or a long-running install leaves them.
      for (let from = 0; from < specs.length; from += 5000) {
        await pg.work.run(async () => {
          for (let i = from; i < Math.min(from + 5000, specs.length); i++) await store.save(storedEvent(i, specs[i]!));
        });
      }
      console.log(`Postgres: stored ${STORED.toLocaleString('en')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await measure('Postgres (local, fsync off), one transaction per item', store, (f) => pg.work.run(f));
    } finally {
      await pg.close();
    }
  } finally {
    await cluster.stop();
  }
}

