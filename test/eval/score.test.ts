import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGoldChange } from '../../src/core/change.js';
import { extractChanges } from '../../src/extract/index.js';
import { goldItemToNewsItem, JsonlError, parseJsonl, type GoldItem } from '../../src/evaluation/gold.js';
import { formatReport, scoreItems } from '../../src/evaluation/score.js';
import { hasShared, sharedPath } from '../support/shared.js';

const GOLD_PATH = sharedPath('eval', 'dev.jsonl');
const SCORE_MJS = sharedPath('eval', 'score.mjs');
const withCorpus = hasShared('the scorer against score.mjs and dev.jsonl', ['eval', 'dev.jsonl'], ['eval', 'score.mjs']);
const gold = withCorpus ? parseJsonl(readFileSync(GOLD_PATH, 'utf8'), GOLD_PATH) : [];
const dir = mkdtempSync(join(tmpdir(), 'execwatch-score-'));

type Preds = Array<{ id: string; changes: unknown[] }>;

function reference(preds: Preds, flags: string[]): string {
  const file = join(dir, `pred-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return execFileSync(process.execPath, [SCORE_MJS, GOLD_PATH, file, ...flags], { encoding: 'utf8' });
}

function ours(preds: Preds, errors: boolean) {
  return scoreItems(gold, new Map(preds.map((p) => [p.id, p])), { errors });
}

// A few prediction sets that exercise every branch of the scorer.
const perfect: Preds = gold.map((g) => ({ id: g.id, changes: g.changes }));
const empty: Preds = [];
const noisy: Preds = gold.map((g, i) => ({
  id: g.id,
  changes: [
    ...g.changes.filter((_, k) => (i + k) % 3 !== 0).map((c) => ({
      ...c,
      person: i % 4 === 0 && c.person ? c.person.split(' ').pop() : c.person, // surname only
      role: i % 5 === 0 ? 'chief technology officer' : c.role, // wrong category
      organization: i % 7 === 0 ? 'Somewhere Else Inc' : c.organization,
    })),
    ...(i % 6 === 0 ? [{ person: 'Nobody Real', direction: 'in', role: 'CEO', organization: 'Acme', interim: false }] : []),
    ...(i % 11 === 0 ? [{ person: null, direction: 'out' }, { person: 'X', direction: 'sideways' }, 'junk'] : []),
  ],
}));
const extractor: Preds = gold.map((g: GoldItem) => ({ id: g.id, changes: extractChanges(goldItemToNewsItem(g)).map(toGoldChange) }));

describe.runIf(withCorpus)('scoreItems agrees with ../shared/eval/score.mjs', () => {
  for (const [name, preds] of Object.entries({ perfect, empty, noisy, extractor })) {
    it(`${name}: same numbers and errors (--json --errors), same printed report`, () => {
      const ref = JSON.parse(reference(preds, ['--json', '--errors']));
      expect(ours(preds, true)).toEqual(ref);
      const { errors: _omit, ...numbers } = ref;
      expect(ours(preds, false)).toEqual(numbers);
      if (name === 'perfect' || name === 'empty') return; // the printed form is checked on the two richer sets
      const text = reference(preds, ['--errors']).trimEnd();
      expect(formatReport(ours(preds, true), { errors: true })).toBe(text);
      // without --errors score.mjs prints just the summary that follows the error list
      expect(formatReport(ours(preds, false), { errors: false })).toBe(text.slice(text.indexOf('\n\n') + 2).replace(/^\n/, ''));
    });
  }

  it('a perfect prediction scores 1 everywhere, an empty one recall 0', () => {
    const p = ours(perfect, false);
    expect(p.loose.f1).toBe(1);
    expect(p.strict.f1).toBe(1);
    const e = ours(empty, false);
    expect(e.loose.recall).toBe(0);
    expect(e.item.predicted).toBe(0);
  });
});

describe('parseJsonl', () => {
  it('names the file and line of a bad line', () => {
    const good = { id: 'g1', kind: 'headline', title: 'Acme names Jane Doe CEO', summary: null, content: null, published: '2026-03-01', changes: [] };
    const text = `${JSON.stringify(good)}\n\n{"id": "x", "title": 3}\n`;
    expect(() => parseJsonl(text, 'f.jsonl')).toThrow(JsonlError);
    expect(() => parseJsonl(text, 'f.jsonl')).toThrow(/^f\.jsonl:3: title: /);
    expect(() => parseJsonl('{oops\n', 'g.jsonl')).toThrow(/^g\.jsonl:1: not JSON/);
  });

  it.runIf(withCorpus)('reads every dev item and maps it to a news item', () => {
    expect(gold.length).toBeGreaterThan(100);
    const n = goldItemToNewsItem(gold[0] as GoldItem);
    expect(n.id).toBe(gold[0]?.id);
    expect(n.title).toBe(gold[0]?.title);
  });
});
