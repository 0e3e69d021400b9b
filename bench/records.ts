// Reading stored events back for /timeline and exports (issue 14). `npm run bench -- records`.
//   - 20,000 stored events (SQLite file), one organisation among them with 50 holders;
//   - /timeline company: records query + model + spec + SVG + PNG, p50/p95;
//   - export of everything (one pass) and of one organisation (paged), records + CSV, p50/p95.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeEventSchema, type ChangeEvent } from '../src/core/events/model.js';
import { formatCsv } from '../src/export/rows.js';
import { drawTimeline } from '../src/render/timeline-picture.js';
import { openSqliteStores } from '../src/store/open-sqlite.js';

const STORED = 20_000;
const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(5);

const TITLES: Array<[string, 'CEO' | 'CFO' | 'CTO' | 'COO' | 'Chair' | 'Board']> = [
  ['chief executive officer', 'CEO'], ['CFO', 'CFO'], ['CTO', 'CTO'], ['COO', 'COO'], ['chair', 'Chair'], ['board member', 'Board'],
];

function event(i: number, person: string, org: string, direction: 'in' | 'out', at: number, t: number): ChangeEvent {
  const [title, category] = TITLES[t % TITLES.length]!;
  const firstSeen = new Date(at).toISOString();
  return ChangeEventSchema.parse({
    id: `r${i}`, person: { name: person, names: [person] }, direction, interim: false,
    role: { title, categories: [category] }, organization: { name: org, parent: null, names: [org] },
    effectiveDate: null, reason: null, counterpart: null, destination: null, firstSeen, lastSeen: firstSeen,
    sources: [{ itemId: `item-${i}`, url: `https://news.example/${i}`, feed: 'Wire', outlet: 'Wire', title: null, publishedAt: firstSeen,
      evidence: `${org} named ${person} ${title}.`, confidence: 0.9, personName: person, roleTitle: title, organizationName: org }],
    confidence: 0.9, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
  });
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${s.length})`;
}

async function sample(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    await work();
    if (i >= 2) out.push(performance.now() - t0);
  }
  return out;
}

export async function runRecordsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-records-'));
  try {
    const sqlite = openSqliteStores(join(dir, 'bench.db'), () => NOW);
    const store = sqlite.opened.stores.events;
    const from = Date.parse('2016-01-01T00:00:00Z');
    const t0 = performance.now();
    await sqlite.opened.work.run(async () => {
      // One organisation's 50 holders, in and out, among 20,000 events of 4,000 others.
      for (let h = 0; h < 50; h++) {
        const start = from + Math.floor(random() * 3000) * DAY;
        await store.save(event(2 * h, `Holder ${h} Bench`, 'Bench Corp', 'in', start, h));
        await store.save(event(2 * h + 1, `Holder ${h} Bench`, 'Bench Corp', 'out', start + (200 + Math.floor(random() * 1500)) * DAY, h));
      }
      for (let i = 100; i < STORED; i++) {
        await store.save(event(i, `Person ${i % 9000} Other`, `Company ${i % 4000} Ltd`, random() < 0.5 ? 'in' : 'out', from + Math.floor(random() * 3950) * DAY, i));
      }
    });
    console.log(`stored ${STORED.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const records = sqlite.records;

    const found = await records.forOrganization('Bench Corp', 2000);
    const picture = await drawTimeline(found.records, { view: 'organization', subject: 'Bench Corp', now: NOW });
    console.log(`timeline: ${found.records.length} records, ${picture.timeline.holders} holders, ${picture.timeline.bars.length} bars, PNG ${picture.chart.width}×${picture.chart.height}`);
    console.log(`/timeline company (query of 100 among ${STORED.toLocaleString('en-US')}): ${stats(await sample(3, () => records.forOrganization('Bench Corp', 2000)))}`);
    console.log(`/timeline company, query + draw (model, spec, SVG, PNG): ${stats(await sample(10, async () => drawTimeline((await records.forOrganization('Bench Corp', 2000)).records, { view: 'organization', subject: 'Bench Corp', now: NOW })))}`);

    let size = 0;
    const all = await sample(5, async () => {
      const r = await records.matching({}, 100_000);
      size = r.records.length;
      return formatCsv(r.records);
    });
    console.log(`export of everything (${size.toLocaleString('en-US')} changes, one pass) + CSV: ${stats(all)}`);
    let one = 0;
    const company = await sample(5, async () => {
      const r = await records.matching({ company: 'Company 17 Ltd' }, 5000);
      one = r.records.length;
      return formatCsv(r.records);
    });
    console.log(`export of one organisation (${one} changes, paged like /changes) + CSV: ${stats(company)}`);
    const wide = await sample(3, async () => formatCsv((await records.matching({ company: 'Ltd' }, 5000)).records));
    console.log(`export of a word in every organisation's name ("Ltd"): 5,000 bound reached, paged by 100 + CSV: ${stats(wide)}`);
    let year = 0;
    const recent = await sample(5, async () => {
      const r = await records.matching({ since: new Date(NOW.getTime() - 365 * DAY) }, 5000);
      year = r.records.length;
      return formatCsv(r.records);
    });
    console.log(`/changes recent days:365 export:true (${year.toLocaleString('en-US')} changes, one pass) + CSV: ${stats(recent)}`);
    await sqlite.opened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
