import { describe, expect, it } from 'vitest';
import { buildDigest, digestMessages } from '../../src/digest/content.js';
import { parseDigestSchedule, periodEndingOn } from '../../src/digest/schedule.js';
import { escapeMarkdown, markdownLink, safeUrl } from '../../src/timeline/markdown.js';
import { rec } from '../timeline/records.js';

const weekly = parseDigestSchedule({ cadence: 'weekly', time: '09:00', timeZone: 'Europe/Berlin', weekday: 'monday' });
// Monday 2026-11-09 09:00 CET to Monday 2026-11-16 09:00 CET (08:00 UTC).
const period = periodEndingOn(weekly, '2026-11-16');
const at = (instant: string, r: ReturnType<typeof rec>) => ({ ...r, firstReported: instant });

describe('digest content', () => {
  it('groups the period’s changes by company, most first, each a line with its link', () => {
    const records = [
      at('2026-11-09T07:59:59Z', rec('Too Early', 'in', 'CEO', '2026-11-09', { organization: 'Acme' })),
      at('2026-11-09T08:00:00Z', rec('Ann Able', 'in', 'CFO', '2026-11-09', { organization: 'Acme', effective: '2027-01-01', urls: ['https://a.example/1', 'https://b.example/2'] })),
      at('2026-11-12T10:00:00Z', rec('Bo Brand', 'out', 'chief operating officer', '2026-11-12', { organization: 'Globex', urls: ['https://www.c.example/3'] })),
      at('2026-11-13T10:00:00Z', rec('Cy Cole', 'in', 'CTO', '2026-11-13', { organization: 'Acme Inc.', interim: true })),
      at('2026-11-16T08:00:00Z', rec('Too Late', 'in', 'CEO', '2026-11-16', { organization: 'Globex' })),
    ];
    const d = buildDigest(records, { period })!;
    expect(d.title).toBe('Weekly digest · Mon 9 Nov – Mon 16 Nov 2026');
    expect(d.total).toBe(3);
    expect(d.chart).toBeNull();
    expect(d.companies.map((c) => [c.organization, c.lines.map((l) => l.record.person)])).toEqual([
      ['Acme', ['Ann Able', 'Cy Cole']],
      ['Globex', ['Bo Brand']],
    ]);
    expect(d.companies[0]!.lines[0]!.text).toBe('**Ann Able** → CFO, effective 2027-01-01 · [news.example](<https://a.example/1>) +1');
    expect(d.companies[1]!.lines[0]!.text).toBe('**Bo Brand** ✕ leaves chief operating officer · [news.example](<https://www.c.example/3>)');
    expect(d.companies[0]!.lines[1]!.text).toMatch(/^\*\*Cy Cole\*\* → interim CTO · \[news\.example\]/);
  });

  it('yields nothing for an empty period unless asked, then says nothing changed', () => {
    expect(buildDigest([], { period })).toBeNull();
    const empty = buildDigest([], { period, postEmpty: true })!;
    expect(empty.total).toBe(0);
    expect(digestMessages(empty)).toEqual(['**Weekly digest · Mon 9 Nov – Mon 16 Nov 2026**\nNo leadership changes were reported in this period.']);
  });

  it('adds a chart of the period when there are more than a few changes', () => {
    const records = Array.from({ length: 6 }, (_, i) => at('2026-11-10T12:00:00Z', rec(`P ${i}`, i < 4 ? 'in' : 'out', 'CFO', '2026-11-10', { organization: i < 3 ? 'Acme' : 'Globex' })));
    expect(buildDigest(records.slice(0, 5), { period })!.chart).toBeNull();
    const chart = buildDigest(records, { period })!.chart as unknown as { datasets: { rows: unknown[] }; title: { text: string } };
    expect(chart.datasets.rows).toEqual([
      { organization: 'Acme', move: 'Joined', count: 3 },
      { organization: 'Globex', move: 'Joined', count: 1 },
      { organization: 'Globex', move: 'Left', count: 2 },
    ]);
    expect(chart.title.text).toBe('Weekly digest · Mon 9 Nov – Mon 16 Nov 2026');
  });

  it('marks a late digest with when it was due', () => {
    const d = buildDigest([at('2026-11-10T12:00:00Z', rec('Ann Able', 'in', 'CFO', '2026-11-10'))], { period, late: true })!;
    expect(digestMessages(d)[0]).toMatch(/^\*\*Weekly digest · Mon 9 Nov – Mon 16 Nov 2026\*\* \(late: due Mon 16 Nov, 09:00 Europe\/Berlin\)\n1 change at 1 organisation\./);
  });

  it('splits a long digest into messages under the limit, between companies, losing no line', () => {
    const records = Array.from({ length: 120 }, (_, i) => at('2026-11-11T12:00:00Z', rec(`Person Number ${i}`, 'in', 'Senior Vice President of Something', '2026-11-11', { organization: `Company ${i % 9}` })));
    const d = buildDigest(records, { period })!;
    const messages = digestMessages(d, 2000);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
    const all = messages.join('\n');
    for (let i = 0; i < 120; i++) expect(all).toContain(`**Person Number ${i}**`);
    // Every message after the first starts with a company heading.
    for (const m of messages.slice(1)) expect(m).toMatch(/^\*\*Company \d\*\*\n- /);
  });

  it('escapes feed text so that it cannot format, link or mention', () => {
    const evil = rec('**Bob** [click](https://evil.example) @everyone <@123>', 'in', 'CEO_`x`', '2026-11-10', { organization: '# Acme\n> quote', urls: ['javascript:alert(1)'] });
    const d = buildDigest([at('2026-11-10T12:00:00Z', evil)], { period })!;
    const text = digestMessages(d).join('\n');
    expect(text).toContain('\\*\\*Bob\\*\\* \\[click\\]\\(https\\://evil.example\\) \\@everyone \\<\\@123\\>');
    expect(text).toContain('CEO\\_\\`x\\`');
    expect(text).toContain('**\\# Acme \\> quote**');
    expect(text).not.toContain('javascript');
    expect(escapeMarkdown('a\u0000b\nc')).toBe('a b c');
  });

  it('makes only http(s) links, with the characters that could end the link encoded', () => {
    expect(safeUrl('https://x.example/a(b)>c d')).toBe('https://x.example/a%28b%29%3Ec%20d');
    expect(safeUrl('ftp://x.example/')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(markdownLink('Reuters', 'https://r.example/x')).toBe('[Reuters](<https://r.example/x>)');
    expect(markdownLink('Reuters', null)).toBe('Reuters');
  });
});

describe('digest messages: a busy period', () => {
  it('stops after maxMessages, the last one saying how many changes were left out', () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      at(`2026-11-1${i % 5}T10:00:00Z`, rec(`Person Number ${i}`, i % 2 ? 'in' : 'out', 'chief financial officer', '2026-11-10', { organization: `Company ${i % 40}` })));
    const d = buildDigest(records, { period })!;
    const all = digestMessages(d, 2000);
    expect(all.length).toBeGreaterThan(5);
    const capped = digestMessages(d, 2000, 5);
    expect(capped).toHaveLength(5);
    expect(capped.every((m) => m.length <= 2000)).toBe(true);
    const shown = capped.join('\n').split('\n').filter((l) => l.startsWith('- ')).length;
    expect(capped[4]).toMatch(new RegExp(`… and ${300 - shown} more changes not shown here: /changes lists them\\.$`));
    expect(capped.slice(0, 4)).toEqual(all.slice(0, 4));
  });
});
