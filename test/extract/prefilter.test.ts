import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldItemToNewsItem, parseJsonl } from '../../src/evaluation/gold.js';
import { isRelevant, relevanceScore } from '../../src/extract/prefilter.js';
import { hasShared, sharedPath } from '../support/shared.js';

const withCorpus = hasShared('prefilter recall on the labelled sets', ['eval', 'dev.jsonl'], ['eval', 'merge-dev.jsonl']);

describe('relevance prefilter', () => {
  for (const file of ['dev.jsonl', 'merge-dev.jsonl']) {
    it.runIf(withCorpus)(`lets through at least 99% of the ${file} items that report a change`, () => {
      const gold = parseJsonl(readFileSync(sharedPath('eval', file), 'utf8'), file);
      const positives = gold.filter((g) => g.changes.length > 0);
      const missed = positives.filter((g) => !isRelevant(goldItemToNewsItem(g))).map((g) => g.id);
      expect(missed.length / positives.length, missed.join(', ')).toBeLessThanOrEqual(0.01);
    });
  }

  it('scores items with no executive vocabulary at zero and clear changes high', () => {
    const item = (title: string) => ({ id: 'x', title, summary: null, content: null, url: null, feed: null, publishedAt: null });
    expect(relevanceScore(item('Apple unveils a new iPhone with a faster chip'))).toBe(0);
    expect(isRelevant(item('Apple unveils a new iPhone with a faster chip'))).toBe(false);
    expect(relevanceScore(item('Nortech CEO Tom Lindqvist steps down'))).toBeGreaterThanOrEqual(0.8);
    expect(isRelevant(item('Nortech names Priya Raman chief financial officer'))).toBe(true);
  });
});
