import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/model.js';
import { timelineSpec, type BarLabel, type Segment } from '../../src/timeline/spec.js';
import { timelineLines } from '../../src/timeline/summary.js';
import { rec } from './records.js';

const NOW = new Date('2026-11-20T12:00:00Z');

function acme() {
  return buildTimeline([
    rec('Margaret Okafor', 'in', 'chief executive officer', '2016-03-01'),
    rec('Margaret Okafor', 'out', 'CEO', '2021-06-30'),
    rec('Daniel Reyes', 'in', 'interim CEO', '2021-07-01', { interim: true }),
    rec('Priya Raman', 'in', 'CEO', '2022-01-10'),
    rec('Robert Lindqvist', 'out', 'chairman', '2019-05-01'),
    rec('Anne-Marie Dubois', 'in', 'chair of the board', '2019-05-01'),
    rec('Jürgen Weiß', 'in', 'CFO', '2018-02-01'),
    rec('Jürgen Weiß', 'out', 'CFO', '2026-10-05', { effective: '2027-03-31' }),
    rec('Tomás Ibáñez', 'in', 'CFO', '2026-10-05', { effective: '2027-03-31' }),
  ], { view: 'organization', subject: 'Acme', now: NOW });
}

type Datasets = { segments: Segment[]; labels: BarLabel[]; fades: Array<{ row: string; start: string; end: string }>; today: Array<{ at: string }> };
const datasets = (spec: ReturnType<typeof timelineSpec>) => spec.datasets as Datasets;

describe('timeline Vega-Lite spec', () => {
  it('draws one bar per term in its post’s row, coloured by state, from its start to its end', () => {
    const t = acme();
    const spec = timelineSpec(t);
    const segs = datasets(spec).segments;
    const rowLabel = (row: string) => t.rows.find((r) => r.key === row)!.label;
    expect(segs.map((s) => [rowLabel(s.row), s.person, s.state, s.start, s.end])).toEqual([
      ['CEO', 'Margaret Okafor', 'In post', '2016-03-01', '2021-06-30'],
      ['CEO', 'Daniel Reyes', 'Interim', '2021-07-01', '2022-01-10'],
      ['CEO', 'Priya Raman', 'In post', '2022-01-10', t.to],
      ['Chair', 'Robert Lindqvist', 'In post', t.from, '2019-05-01'],
      ['Chair', 'Anne-Marie Dubois', 'In post', '2019-05-01', t.to],
      // An announced departure: in post until today, planned after.
      ['CFO', 'Jürgen Weiß', 'In post', '2018-02-01', '2026-11-20'],
      ['CFO', 'Jürgen Weiß', 'Planned', '2026-11-20', '2027-03-31'],
      ['CFO', 'Tomás Ibáñez', 'Planned', '2027-03-31', t.to],
    ]);
    expect(segs.find((s) => s.person === 'Priya Raman')!.open).toBe(true);
    expect(segs.filter((s) => !s.startKnown).map((s) => s.person)).toEqual(['Robert Lindqvist']);
    expect(datasets(spec).fades).toEqual([{ row: segs[3]!.row, start: t.from, end: expect.any(String) }]);
    expect(datasets(spec).today).toEqual([{ at: '2026-11-20' }]);
  });

  it('names the rows by post on the axis, in the model’s order, and the chart by its subject', () => {
    const t = acme();
    type Enc = { sort: string[]; axis: { labelExpr: string }; scale: unknown };
    type Layer = { encoding: { y: Enc; x: Enc; color: { scale: { domain: string[] } } } };
    const spec = timelineSpec(t) as unknown as { layer: Layer[]; title: { text: string; subtitle: string }; background: string };
    const bars = spec.layer[0]!;
    expect(bars.encoding.y.sort).toEqual(t.rows.map((r) => r.key));
    expect(bars.encoding.y.axis.labelExpr).toBe('["CEO","Chair","CFO"][toNumber(datum.value)]');
    expect(bars.encoding.x.scale).toEqual({ type: 'utc', domainMin: Date.parse(`${t.from}T00:00:00Z`), domainMax: Date.parse(`${t.to}T00:00:00Z`) });
    expect(bars.encoding.color.scale.domain).toEqual(['In post', 'Interim', 'Planned']);
    expect(spec.title.text).toBe('Leadership of Acme');
    expect(spec.title.subtitle).toContain('7 people');
    expect(spec.background).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('labels each bar with as much of the name as fits before the next bar', () => {
    const labels = datasets(timelineSpec(acme())).labels.map((l) => l.text);
    expect(labels).toContain('Margaret Okafor');
    expect(labels).toContain('Anne-Marie Dubois');
    // Daniel Reyes's interim term is half a year wide: "Daniel Reyes (interim)" does not fit.
    expect(labels).not.toContain('Daniel Reyes (interim)');
    expect(labels.some((l) => l === 'Reyes' || l === 'DR')).toBe(true);
  });

  it('keeps feed text harmless in the spec: no control characters, bounded length', () => {
    const t = buildTimeline([rec(`Evil\u0000Name\n${'x'.repeat(300)}`, 'in', 'CEO', '2020-01-01')], { view: 'organization', subject: 'A\u2028B', now: NOW });
    const spec = timelineSpec(t);
    expect((spec.title as { text: string }).text).toBe('Leadership of A B');
    const labels = datasets(spec).labels;
    expect(labels).toHaveLength(1);
    for (const l of labels) {
      expect(l.text).not.toMatch(/\p{Cc}/u);
      expect(l.text.length).toBeLessThanOrEqual(48);
    }
  });

  it('lists the terms as text under the picture, each with its link', () => {
    const lines = timelineLines(acme(), 5);
    expect(lines[0]).toMatch(/^\*\*CEO\*\* · Priya Raman, 2022\\?-01\\?-10 – now · \[news\.example\]\(<https:\/\/news\.example\/\d+>\)$/);
    expect(lines.some((l) => l.includes('Daniel Reyes (interim)'))).toBe(true);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('… and 2 more');
  });

  it('draws at most the 40 most senior rows of a very large organisation and says how many are left out', () => {
    const records = [rec('Ann Able', 'in', 'CEO', '2015-03-02')];
    for (let i = 0; i < 3_000; i++) records.push(rec(`Person ${i}`, i % 2 ? 'out' : 'in', `head of unit ${Math.floor(i / 20)}`, `20${10 + (i % 15)}-0${1 + (i % 9)}-15`));
    const t = buildTimeline(records, { view: 'organization', subject: 'Acme', now: NOW });
    expect(t.rows.length).toBeGreaterThan(40);
    const spec = timelineSpec(t);
    const segs = datasets(spec).segments;
    const drawnRows = new Set(segs.map((s) => s.row));
    expect(drawnRows.size).toBeLessThanOrEqual(40);
    expect(segs[0]).toMatchObject({ person: 'Ann Able', row: '0' });
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/· \d+ more terms in \d+ rows not drawn$/);
  });
});
