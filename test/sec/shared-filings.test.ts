import { describe, expect, it } from 'vitest';
import { createBuiltinExtractor } from '../../src/extract/index.js';
import { formatReport } from '../../src/evaluation/score.js';
import { hasShared, sharedPath } from '../support/shared.js';
import { analyse, normalise, readGold, scoreFilings } from './support.js';

// The 36 real filings of ../shared/fixtures/sec with their gold: every Item 5.02 section found
// as the gold has it, no section where there is none, and the extraction score as a floor.

const SUITE = 'SEC shared filings';
const ready = hasShared(SUITE, ['fixtures', 'sec', 'gold.jsonl'], ['fixtures', 'sec', 'filings']);
const gold = ready ? readGold(sharedPath('fixtures', 'sec', 'gold.jsonl')) : [];
const has502 = (title: string) => /Item 5\.02/.test(title) && !/no Item 5\.02/.test(title);

describe.runIf(ready)(SUITE, () => {
  it('has the 36 filings', () => {
    expect(gold).toHaveLength(36);
  });

  it.each(gold.map((g) => [g.id, g] as const))('%s: the Item 5.02 section, or none', (id, g) => {
    const a = analyse(sharedPath('fixtures', 'sec', 'filings', id));
    if (has502(g.title)) {
      expect(a.section).not.toBeNull();
      expect(normalise(a.section!)).toBe(normalise(g.content ?? ''));
    } else {
      expect(a.section).toBeNull();
    }
  });

  it('scores at least its floor on gold.jsonl (the built-in extractor with the filing rules)', async () => {
    const report = await scoreFilings(sharedPath('fixtures', 'sec', 'filings'), gold, createBuiltinExtractor());
    console.log(`SEC gold.jsonl\n${formatReport(report)}`);
    expect(report.loose.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.strict.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.item.precision).toBe(1);
    expect(report.item.recall).toBeGreaterThanOrEqual(0.93);
  });

  it('finds no change in filings without Item 5.02 or whose Item 5.02 is only about pay', async () => {
    const quiet = gold.filter((g) => g.changes.length === 0);
    expect(quiet.length).toBeGreaterThanOrEqual(20);
    const report = await scoreFilings(sharedPath('fixtures', 'sec', 'filings'), quiet, createBuiltinExtractor());
    expect(report.item.predicted).toBe(0);
  });

  it('names the company from the header or the cover page', () => {
    const nvidia = analyse(sharedPath('fixtures', 'sec', 'filings', '0001045810-26-000024.html'));
    expect(nvidia.company).toBe('NVIDIA CORPORATION');
    expect(nvidia.organization).toBe('NVIDIA Corporation');
    const bancorp = analyse(sharedPath('fixtures', 'sec', 'filings', '0000943374-24-000509.txt'));
    expect(bancorp).toMatchObject({ company: '1895 Bancorp of Wisconsin, Inc.', cik: '1847360', form: '8-K', filed: '2024-12-27', items: ['5.02'], format: 'submission' });
    const acorn = analyse(sharedPath('fixtures', 'sec', 'filings', '0001493152-25-001317.nc.txt'));
    expect(acorn).toMatchObject({ company: 'ACORN ENERGY, INC.', organization: 'Acorn Energy, Inc.', items: ['5.02', '9.01'], format: 'nc' });
  });

  it('reads the old "Item 5" numbering of 1998 and 2003 as no Item 5.02 (decision: not read)', () => {
    for (const id of ['0001011438-98-000429.txt', '0001104659-03-004925.html']) {
      const a = analyse(sharedPath('fixtures', 'sec', 'filings', id));
      expect(a.numbering).toBe('old');
      expect(a.section).toBeNull();
    }
  });
});
