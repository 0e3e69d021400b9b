import { describe, expect, it } from 'vitest';
import { ChangeRecordSchema } from '../../src/timeline/change-record.js';
import { changeRecordFromEvent } from '../../src/timeline/from-event.js';
import { daysBetween } from '../../src/timeline/days.js';
import { buildTimeline, type Timeline } from '../../src/timeline/model.js';
import { postsOf } from '../../src/timeline/posts.js';
import { rec } from './records.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const org = (records: Parameters<typeof buildTimeline>[0], now = NOW) => buildTimeline(records, { view: 'organization', subject: 'Acme', now });
const terms = (t: Timeline, post?: string) => t.bars
  .filter((b) => !post || b.postLabel === post)
  .map((b) => ({ person: b.person, start: b.startBasis === 'unknown' ? '?' : b.start, end: b.end, endBasis: b.endBasis, interim: b.interim }));

describe('timeline model: terms from in/out reports', () => {
  it('pairs a person’s in and out at a post, and ends an open term when the next holder comes in', () => {
    const t = org([
      rec('Ann Able', 'in', 'chief executive officer', '2015-03-02'),
      rec('Ann Able', 'out', 'CEO', '2020-06-30'),
      rec('Bo Brand', 'in', 'interim CEO', '2020-07-01', { interim: true }),
      rec('Cy Cole', 'in', 'CEO', '2021-01-10'),
    ]);
    expect(t.rows.map((r) => r.label)).toEqual(['CEO']);
    expect(terms(t)).toEqual([
      { person: 'Ann Able', start: '2015-03-02', end: '2020-06-30', endBasis: 'reported', interim: false },
      { person: 'Bo Brand', start: '2020-07-01', end: '2021-01-10', endBasis: 'succeeded', interim: true },
      { person: 'Cy Cole', start: '2021-01-10', end: null, endBasis: 'open', interim: false },
    ]);
    expect(t.holders).toBe(3);
    // One post, no overlap: every bar in one row.
    expect(new Set(t.bars.map((b) => b.row)).size).toBe(1);
  });

  it('gives the same timeline whatever order the records come in', () => {
    const records = [
      rec('Ann Able', 'in', 'CEO', '2015-03-02'),
      rec('Ann Able', 'out', 'CEO', '2020-06-30'),
      rec('Dee Dunn', 'in', 'CFO', '2016-01-04'),
      rec('Cy Cole', 'in', 'CEO', '2020-07-01'),
    ];
    expect(org([...records].reverse())).toEqual(org(records));
  });

  it('uses the effective date when a report gives one, else the day it was first reported', () => {
    const t = org([
      rec('Ann Able', 'in', 'CFO', '2019-02-11', { effective: '2019-04-01' }),
      rec('Ann Able', 'out', 'CFO', '2022-09-05'),
    ]);
    expect(t.bars[0]).toMatchObject({ start: '2019-04-01', startBasis: 'effective', end: '2022-09-05', endBasis: 'reported' });
  });

  it('draws announced future dates as planned: a future start, and a future end', () => {
    const t = org([
      rec('Old Cfo', 'in', 'CFO', '2018-02-01'),
      rec('Old Cfo', 'out', 'CFO', '2026-10-05', { effective: '2027-03-31' }),
      rec('New Cfo', 'in', 'CFO', '2026-10-05', { effective: '2027-03-31' }),
    ]);
    const [old, incoming] = t.bars;
    expect(old).toMatchObject({ person: 'Old Cfo', end: '2027-03-31', plannedEnd: true, plannedStart: false });
    expect(incoming).toMatchObject({ person: 'New Cfo', start: '2027-03-31', plannedStart: true, end: null });
    expect(t.today).toBe('2026-11-20');
    expect(t.to > '2027-03-31').toBe(true);
  });

  it('draws a holder known only from leaving from the chart’s start, or from the previous holder’s end', () => {
    const alone = org([rec('Ann Able', 'out', 'chairman', '2019-05-01')]);
    expect(alone.bars[0]).toMatchObject({ startBasis: 'unknown', start: alone.from, end: '2019-05-01' });
    expect(alone.from < '2019-05-01').toBe(true);

    const after = org([
      rec('Ann Able', 'in', 'chair', '2012-01-02'),
      rec('Ann Able', 'out', 'chair', '2015-06-30'),
      rec('Bo Brand', 'out', 'chairman', '2019-05-01'),
    ]);
    expect(after.bars.find((b) => b.person === 'Bo Brand')).toMatchObject({ startBasis: 'unknown', start: '2015-06-30' });
  });

  it('splits a term when an interim holder is made permanent', () => {
    const t = org([
      rec('Bo Brand', 'in', 'acting CFO', '2020-07-01', { interim: true }),
      rec('Bo Brand', 'in', 'CFO', '2021-02-01'),
    ]);
    expect(terms(t)).toEqual([
      { person: 'Bo Brand', start: '2020-07-01', end: '2021-02-01', endBasis: 'changed', interim: true },
      { person: 'Bo Brand', start: '2021-02-01', end: null, endBasis: 'open', interim: false },
    ]);
  });

  it('folds a departure or appointment reported twice into one term, keeping every source', () => {
    const t = org([
      rec('Ann Able', 'in', 'CTO', '2017-01-09', { urls: ['https://a.example/1'] }),
      rec('Ann Able', 'in', 'chief technology officer', '2017-01-20', { effective: '2017-02-01', urls: ['https://b.example/2'] }),
      rec('Ann Able', 'out', 'CTO', '2022-03-01', { urls: ['https://a.example/3'] }),
      rec('Ann Able', 'out', 'CTO', '2022-03-15', { effective: '2022-04-30', urls: ['https://c.example/4'] }),
    ]);
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]).toMatchObject({ start: '2017-02-01', startBasis: 'effective', end: '2022-04-30', endBasis: 'effective' });
    expect(t.bars[0]!.sources.map((s) => s.url)).toEqual(['https://a.example/1', 'https://b.example/2', 'https://a.example/3', 'https://c.example/4']);
    expect(t.bars[0]!.recordIds).toHaveLength(4);
  });

  it('keeps names of the same person together however they are spelled in case and accents', () => {
    const t = org([rec('José Núñez', 'in', 'COO', '2018-01-02'), rec('Jose Nunez', 'out', 'COO', '2021-01-04')]);
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]).toMatchObject({ person: 'José Núñez', end: '2021-01-04' });
  });
});

describe('timeline model: posts and rows', () => {
  it('files "chairman and CEO" under both posts, "president and CEO" under the CEO alone', () => {
    expect(postsOf('chairman and CEO', []).map((p) => p.label)).toEqual(['CEO', 'Chair']);
    expect(postsOf('President and Chief Executive Officer', []).map((p) => p.label)).toEqual(['CEO']);
    expect(postsOf('non-executive director', []).map((p) => p.key)).toEqual(['Board']);
    expect(postsOf('Interim head of AI research', [])).toEqual([{ key: 'Head:head of ai research', label: 'Head of AI research', category: 'Head', single: false }]);
    const t = org([rec('Ann Able', 'in', 'chairman and CEO', '2016-05-02'), rec('Bo Brand', 'in', 'CEO', '2020-01-06')]);
    expect(t.rows.map((r) => r.label)).toEqual(['CEO', 'Chair']);
    // Bo became CEO; Ann stays chair.
    expect(t.bars.filter((b) => b.person === 'Ann Able').map((b) => [b.postLabel, b.end])).toEqual([['CEO', '2020-01-06'], ['Chair', null]]);
  });

  it('orders rows by seniority and gives overlapping terms of a shared post their own lanes', () => {
    const t = org([
      rec('Dir One', 'in', 'independent director', '2019-09-02'),
      rec('Dir Two', 'in', 'board member', '2020-02-03'),
      rec('Dir Two', 'out', 'board member', '2024-06-28'),
      rec('Dir Three', 'in', 'non-executive director', '2024-07-01'),
      rec('Gee Counsel', 'in', 'general counsel', '2021-11-15'),
      rec('Ann Able', 'in', 'CEO', '2015-03-02'),
    ]);
    expect(t.rows.map((r) => [r.label, r.lane])).toEqual([['CEO', 0], ['General counsel', 0], ['Board', 0], ['', 1]]);
    const lane = (p: string) => t.rows.find((r) => r.key === t.bars.find((b) => b.person === p)!.row)!.lane;
    // A board has many members at once: no succession; Three takes the lane Two left.
    expect(t.bars.find((b) => b.person === 'Dir One')!.end).toBeNull();
    expect([lane('Dir One'), lane('Dir Two'), lane('Dir Three')]).toEqual([0, 1, 1]);
  });

  it('names the organisation on each row when posts of several organisations are shown', () => {
    const t = org([
      rec('Ann Able', 'in', 'CEO', '2015-03-02'),
      rec('Unit Head', 'in', 'CEO', '2019-03-04', { organization: 'Acme Cloud' }),
    ]);
    expect(t.rows.map((r) => r.label)).toEqual(['CEO · Acme', 'CEO · Acme Cloud']);
    expect(t.bars.every((b) => b.end === null)).toBe(true);
  });

  it('person view: the posts one person held across companies, in the order they began', () => {
    const t = buildTimeline([
      rec('Pat Doe', 'in', 'CFO', '2010-06-01', { organization: 'Globex' }),
      rec('Pat Doe', 'out', 'CFO', '2014-12-31', { organization: 'Globex' }),
      rec('Pat Doe', 'in', 'interim CEO', '2015-01-05', { organization: 'Initech', interim: true }),
      rec('Pat Doe', 'in', 'board member', '2018-03-01', { organization: 'Globex' }),
    ], { view: 'person', subject: 'Pat Doe', now: NOW });
    expect(t.rows.map((r) => r.label)).toEqual(['CFO · Globex', 'CEO · Initech', 'Board · Globex']);
    expect(t.bars.map((b) => [b.title, b.start, b.end, b.interim])).toEqual([
      ['CFO', '2010-06-01', '2014-12-31', false],
      ['interim CEO', '2015-01-05', null, true],
      ['board member', '2018-03-01', null, false],
    ]);
  });

  it('covers at least a year, and every drawn date lies inside its range', () => {
    const t = org([rec('Ann Able', 'in', 'CEO', '2026-11-02')]);
    expect(daysBetween(t.from, t.to)).toBeGreaterThanOrEqual(365);
    expect(t.to > t.today).toBe(true);
    for (const b of t.bars) {
      expect(b.start >= t.from && (b.end ?? t.to) <= t.to).toBe(true);
    }
  });
});

describe('timeline input', () => {
  it('rejects a record with a bad day or instant, with the field named', () => {
    const bad = { ...rec('Ann Able', 'in', 'CEO', '2020-01-01'), effectiveDate: '1 May 2020' };
    const r = ChangeRecordSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['effectiveDate']);
    expect(ChangeRecordSchema.safeParse({ ...bad, effectiveDate: null, firstReported: 'yesterday' }).success).toBe(false);
  });

  it('reads a stored event, skipping one merged into another', () => {
    const event = {
      id: 'e1', person: { name: 'Ann Able', names: ['Ann Able', 'A. Able'] }, direction: 'in' as const, interim: false,
      role: { title: 'CEO', categories: ['CEO' as const] }, organization: { name: 'Acme', parent: null, names: ['Acme'] },
      effectiveDate: '2026-01-05', reason: null, counterpart: null, destination: null,
      firstSeen: '2025-12-01T08:00:00.000Z', lastSeen: '2025-12-02T08:00:00.000Z',
      sources: [{ itemId: 'i1', url: 'https://x.example/a', feed: 'X', outlet: 'X', title: 'Acme names CEO', publishedAt: '2025-12-01T08:00:00.000Z', evidence: '…', confidence: 0.9, personName: 'Ann Able', roleTitle: 'CEO', organizationName: 'Acme', separately: false }],
      confidence: 0.9, contradictions: [], mergedInto: null, alertState: 'released' as const, revision: 1,
    };
    const record = changeRecordFromEvent(event);
    expect(ChangeRecordSchema.parse(record)).toEqual({
      id: 'e1', person: 'Ann Able', direction: 'in', role: { title: 'CEO', categories: ['CEO'] }, organization: 'Acme',
      interim: false, effectiveDate: '2026-01-05', firstReported: '2025-12-01T08:00:00.000Z',
      sources: [{ url: 'https://x.example/a', outlet: 'X', title: 'Acme names CEO', publishedAt: '2025-12-01T08:00:00.000Z' }],
    });
    expect(changeRecordFromEvent({ ...event, mergedInto: 'e0' })).toBeNull();
  });
});
