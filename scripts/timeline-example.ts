// Renders docs/timeline-example.png from the made-up organisation below (every name invented):
//   node --import tsx scripts/timeline-example.ts [out.png]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChartPng } from '../src/render/chart.js';
import type { ChangeRecord } from '../src/timeline/change-record.js';
import { buildTimeline } from '../src/timeline/model.js';
import { timelineSpec } from '../src/timeline/spec.js';

type Line = [person: string, direction: 'in' | 'out', title: string, day: string, extra?: { interim?: boolean; effective?: string }];

const ORG = 'Northwind Systems';
const LINES: Line[] = [
  ['Margaret Okafor', 'in', 'chief executive officer', '2016-03-01'],
  ['Margaret Okafor', 'out', 'CEO', '2021-06-30'],
  ['Daniel Reyes', 'in', 'interim CEO', '2021-07-01', { interim: true }],
  ['Priya Raman', 'in', 'CEO', '2022-01-10'],
  ['Robert Lindqvist', 'out', 'chairman', '2019-05-01'],
  ['Anne-Marie Dubois', 'in', 'chair of the board', '2019-05-01'],
  ['Jürgen Weiß', 'in', 'CFO', '2018-02-01'],
  ['Jürgen Weiß', 'out', 'chief financial officer', '2026-10-05', { effective: '2027-03-31' }],
  ['Tomás Ibáñez', 'in', 'CFO', '2026-10-05', { effective: '2027-03-31' }],
  ['Sven Olsen', 'in', 'CTO', '2017-04-03'],
  ['Sven Olsen', 'out', 'CTO', '2020-08-14'],
  ['Mei Lin Chen', 'in', 'chief technology officer', '2020-09-01'],
  ['Omar Haddad', 'in', 'general counsel', '2021-11-15'],
  ['Grace Mwangi', 'in', 'independent director', '2019-09-01'],
  ['Hiroshi Tanaka', 'in', 'board member', '2020-02-01'],
  ['Hiroshi Tanaka', 'out', 'board member', '2024-06-30'],
  ['Sofia Kowalczyk', 'in', 'non-executive director', '2023-03-01'],
  ['Lena Novak', 'in', 'head of AI research', '2023-05-02'],
];

const EXAMPLE_RECORDS: ChangeRecord[] = LINES.map(([person, direction, title, day, extra], i) => ({
  id: `example-${i + 1}`,
  person,
  direction,
  role: { title, categories: [] },
  organization: ORG,
  interim: extra?.interim ?? false,
  effectiveDate: extra?.effective ?? null,
  firstReported: `${day}T09:00:00Z`,
  sources: [{ url: `https://news.example/${i + 1}`, outlet: 'news.example', title: null, publishedAt: `${day}T09:00:00Z` }],
}));

const EXAMPLE_NOW = new Date('2026-11-20T12:00:00Z');

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'timeline-example.png');
const timeline = buildTimeline(EXAMPLE_RECORDS, { view: 'organization', subject: ORG, now: EXAMPLE_NOW });
const chart = await renderChartPng(timelineSpec(timeline));
writeFileSync(out, chart.png);
console.log(`${out}: ${chart.width}×${chart.height} px, ${chart.png.length} bytes${chart.warnings.length ? `, warnings: ${chart.warnings.join('; ')}` : ''}`);
