import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv, unguardFormula } from '../../src/export/csv.js';
import { parseDuration, parseSince } from '../../src/export/duration.js';
import { EXPORT_COLUMNS, exportRow, formatCsv, formatJsonl } from '../../src/export/rows.js';
import { parseCsv } from '../support/csv.js';
import { rec } from '../timeline/records.js';

const awkward = [
  rec('Zoë Ødegård-Nuñez', 'in', 'Chief Executive Officer, Europe', '2026-03-02', { organization: 'Société "Générale" Ltd', effective: '2026-04-01', urls: ['https://a.example/1', 'https://b.example/2?x=1,2'] }),
  rec('张伟', 'out', 'CFO', '2026-03-03', { organization: '阿里巴巴', interim: true, urls: [] }),
  rec('=HYPERLINK("http://evil.example","click")', 'in', '+1 head of growth', '2026-03-04', { organization: '@Acme\r\nsecond line' }),
  rec("O'Brien, Séan", 'out', '-board member', '2026-03-05', { organization: "'quoted'" }),
];

describe('export: CSV', () => {
  it('round trip: the CSV parses back into the same rows (quotes, commas, line breaks, non-ASCII names)', async () => {
    const csv = formatCsv(awkward);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const expected = awkward.map(exportRow).map((r) => [
      r.person, r.direction, r.post, r.organization, String(r.interim), r.effective_date ?? '', r.first_reported,
      r.sources.map((s) => s.url).join(' '),
    ]);
    expect(rows.map((r) => r.map(unguardFormula))).toEqual(expected);
    expect(rows[0]).toEqual(['Zoë Ødegård-Nuñez', 'in', 'Chief Executive Officer, Europe', 'Société "Générale" Ltd', 'false', '2026-04-01', expect.stringMatching(/^2026-03-02T09:00:00.000Z$/), 'https://a.example/1 https://b.example/2?x=1,2']);
    expect(rows[1]!.slice(0, 5)).toEqual(['张伟', 'out', 'CFO', '阿里巴巴', 'true']);
    expect(rows[1]![5]).toBe('');
  });

  it('writes RFC 4180: CRLF after every record, quotes doubled inside quoted fields', async () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 'plain']]);
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it('guards cells a spreadsheet would run as a formula, reversibly', async () => {
    const [, formula, dash] = parseCsv(formatCsv(awkward.slice(2)));
    expect(formula![0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula![2]).toBe("'+1 head of growth");
    expect(formula![3]).toBe("'@Acme\r\nsecond line");
    expect(dash![2]).toBe("'-board member");
    // A value that itself starts with an apostrophe keeps it after unguarding.
    expect(dash![3]).toBe("''quoted'");
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', "'x", 'plain', '']) expect(unguardFormula(guardFormula(v))).toBe(v);
    expect(guardFormula('plain')).toBe('plain');
  });

  it('can start with a byte-order mark for Excel', async () => {
    expect(formatCsv(awkward.slice(0, 1), { bom: true }).startsWith('\uFEFFperson,')).toBe(true);
    expect(formatCsv([])).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
  });
});

describe('export: JSONL', () => {
  it('one object per line with the same fields', async () => {
    const withSeparator = rec('Line\u2028Separator', 'in', 'CTO', '2026-03-06');
    const text = formatJsonl([...awkward, withSeparator]);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    expect(text).not.toContain('\u2028');
    expect(lines.map((l) => JSON.parse(l))).toEqual([...awkward, withSeparator].map(exportRow));
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual([...EXPORT_COLUMNS]);
    expect(JSON.parse(lines[1]!)).toMatchObject({ person: '张伟', interim: true, effective_date: null, sources: [] });
  });
});

describe('export: --since', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('reads hours, days and weeks back from now, or a day', async () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration(' 2W ')).toBe(14 * 86_400_000);
    expect(parseSince('30d', now).toISOString()).toBe('2026-10-21T12:00:00.000Z');
    expect(parseSince('2026-01-31', now).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('refuses what it cannot read, saying what it wants', async () => {
    for (const bad of ['30', '30m', '1mo', 'd30', '-3d', '1.5d', 'soon', '']) expect(() => parseDuration(bad), bad).toThrow(/not a duration/);
    expect(() => parseDuration('0d')).toThrow(/longer than zero/);
    expect(() => parseDuration('99999d')).toThrow(/ten years/);
    expect(() => parseSince('2026-02-30', now)).toThrow(/not a valid day/);
  });
});
