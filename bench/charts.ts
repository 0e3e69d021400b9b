// Timeline pictures and digests (issue 14). `npm run bench -- charts`.
//   - a timeline with 50 holders: model + Vega-Lite spec + SVG + PNG, p50/p95 (goal ≤ 1 s);
//   - a digest built over 100,000 stored changes (pure: filter the period, group, lines, chart spec).
import { buildDigest, digestMessages } from '../src/digest/content.js';
import { parseDigestSchedule, periodEndingOn } from '../src/digest/schedule.js';
import { renderChartPng, renderChartSvg, svgToPng } from '../src/render/chart.js';
import type { ChangeRecord } from '../src/timeline/change-record.js';
import { addDays } from '../src/timeline/days.js';
import { buildTimeline } from '../src/timeline/model.js';
import { timelineSpec } from '../src/timeline/spec.js';

const NOW = new Date('2026-11-20T12:00:00Z');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = ['Ana', 'Björn', 'Chloé', 'Daniel', 'Émile', 'Fatima', 'Grzegorz', 'Hana', 'Ines', 'Jürgen', 'Kofi', 'Lucía', 'Mei', 'Nikolai', 'Oluwaseun', 'Priya'];
const LAST = ['Okafor', 'Müller', 'García', 'Nakamura', 'Dubois', 'Kowalczyk', 'Haddad', 'Silva', 'Novák', 'Chen', 'Rossi', 'Ødegård', 'Ibáñez', 'Lindqvist'];

let serial = 0;
function record(person: string, direction: 'in' | 'out', title: string, day: string, organization: string, interim = false): ChangeRecord {
  serial += 1;
  return {
    id: `b${serial}`, person, direction, role: { title, categories: [] }, organization, interim,
    effectiveDate: null, firstReported: `${day}T09:00:00.000Z`,
    sources: [{ url: `https://news.example/${serial}`, outlet: 'news.example', title: null, publishedAt: null }],
  };
}

/** One organisation's twenty years: 50 people across one-holder posts and an overlapping board. */
function fiftyHolders(): ChangeRecord[] {
  const random = rng(7);
  const out: ChangeRecord[] = [];
  const posts: Array<[string, number]> = [
    ['CEO', 7], ['chair', 5], ['CFO', 6], ['COO', 5], ['CTO', 6], ['CMO', 4], ['general counsel', 3], ['head of AI research', 2], ['head of cloud', 2],
  ];
  let n = 0;
  const name = () => `${FIRST[n % FIRST.length]} ${LAST[(n * 5 + 3) % LAST.length]}${n++ >= FIRST.length ? ` ${n}` : ''}`;
  for (const [title, holders] of posts) {
    let day = addDays('2006-01-02', Math.floor(random() * 400));
    for (let h = 0; h < holders; h++) {
      const who = name();
      const interim = title === 'CEO' && h % 3 === 2;
      out.push(record(who, 'in', interim ? `interim ${title}` : title, day, 'Bench Corp', interim));
      day = addDays(day, Math.floor((interim ? 120 : 500) + random() * 900));
      if (h < holders - 1) out.push(record(who, 'out', title, day, 'Bench Corp', interim));
    }
  }
  for (let b = 0; b < 10; b++) {
    const who = name();
    const start = addDays('2008-01-01', Math.floor(random() * 6000));
    out.push(record(who, 'in', 'independent director', start, 'Bench Corp'));
    if (random() < 0.6) out.push(record(who, 'out', 'board member', addDays(start, 700 + Math.floor(random() * 1500)), 'Bench Corp'));
  }
  return out;
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${s.length})`;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// Wall time, and CPU time beside it: on a machine shared with other jobs the wall time is
// mostly waiting for a core, and the CPU time is what a quiet machine would take.
let lastCpu = 0;
async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const value = await work();
  lastCpu = cpuMs() - c0;
  return [value, performance.now() - t0];
}

async function benchTimeline(): Promise<void> {
  const records = fiftyHolders();
  const probe = buildTimeline(records, { view: 'organization', subject: 'Bench Corp', now: NOW });
  console.log(`timeline: ${records.length} records, ${probe.holders} holders, ${probe.bars.length} bars, ${probe.rows.length} rows`);
  const [, cold] = await timed(() => renderChartPng(timelineSpec(probe)));
  const total: number[] = [];
  const totalCpu: number[] = [];
  const model: number[] = [];
  const svg: number[] = [];
  const png: number[] = [];
  let last = { bytes: 0, width: 0, height: 0 };
  for (let i = 0; i < 23; i++) {
    const [spec, tModel] = await timed(() => timelineSpec(buildTimeline(records, { view: 'organization', subject: 'Bench Corp', now: NOW })));
    const cModel = lastCpu;
    const [drawn, tSvg] = await timed(() => renderChartSvg(spec));
    const cSvg = lastCpu;
    const [chart, tPng] = await timed(() => svgToPng(drawn));
    if (i < 3) continue; // warm-up
    totalCpu.push(cModel + cSvg + lastCpu);
    model.push(tModel);
    svg.push(tSvg);
    png.push(tPng);
    total.push(tModel + tSvg + tPng);
    last = { bytes: chart.png.length, width: chart.width, height: chart.height };
  }
  console.log(`first render in this process (vega warming up): ${cold.toFixed(0)} ms`);
  console.log(`render, model + spec + SVG + PNG: wall ${stats(total)}; CPU ${stats(totalCpu)}   (goal ≤ 1,000 ms)`);
  console.log(`  model + spec ${stats(model)}; Vega-Lite -> SVG ${stats(svg)}; SVG -> PNG (resvg) ${stats(png)}`);
  console.log(`  PNG ${last.width}×${last.height} px, ${(last.bytes / 1024).toFixed(0)} KiB`);
}

async function benchDigest(): Promise<void> {
  const random = rng(11);
  const orgs = Array.from({ length: 3000 }, (_, i) => `${LAST[i % LAST.length]} ${['Systems', 'Bank', 'Cloud', 'Motors', 'Media'][i % 5]} ${i}`);
  const from = Date.parse('2025-11-20T00:00:00Z');
  const span = NOW.getTime() - from;
  const records: ChangeRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
    ...record(`${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`, random() < 0.5 ? 'in' : 'out', ['CEO', 'CFO', 'CTO', 'board member', 'head of sales'][i % 5]!, '2026-01-01', orgs[Math.floor(random() * orgs.length)]!),
    firstReported: new Date(from + Math.floor(random() * span)).toISOString(),
  }));
  for (const cadence of ['daily', 'weekly'] as const) {
    const schedule = parseDigestSchedule({ cadence, time: '09:00', timeZone: 'Europe/Berlin', weekday: 'monday' });
    const period = periodEndingOn(schedule, cadence === 'daily' ? '2026-11-19' : '2026-11-16');
    const samples: number[] = [];
    const cpu: number[] = [];
    let size = { changes: 0, messages: 0, chart: false };
    for (let i = 0; i < 23; i++) {
      const [result, t] = await timed(() => {
        const d = buildDigest(records, { period })!;
        return { d, messages: digestMessages(d) };
      });
      if (i >= 3) {
        samples.push(t);
        cpu.push(lastCpu);
      }
      size = { changes: result.d.total, messages: result.messages.length, chart: result.d.chart !== null };
    }
    console.log(`digest over 100,000 stored changes, ${cadence}: wall ${stats(samples)}; CPU ${stats(cpu)} — ${size.changes} changes in the period, ${size.messages} messages${size.chart ? ', with chart spec' : ''}`);
  }
}

export async function runChartsBench(): Promise<void> {
  await benchTimeline();
  await benchDigest();
}
