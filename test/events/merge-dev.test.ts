import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMerge, goldChangeSource, runMerge } from '../../src/evaluation/event-evaluation.js';
import { goldItemToNewsItem, parseGoldEventItems } from '../../src/evaluation/event-gold.js';
import { extractChanges } from '../../src/extract/index.js';
import { hasShared, sharedPath } from '../support/shared.js';

const SHARED = hasShared('merge-dev.jsonl', ['eval', 'merge-dev.jsonl']);

// vitest runs a skipped describe's body to collect its tests: read the file only when it exists.
describe.runIf(SHARED)('merge-dev.jsonl', () => {
  const items = SHARED ? parseGoldEventItems(readFileSync(sharedPath('eval', 'merge-dev.jsonl'), 'utf8'), 'merge-dev.jsonl') : [];

  it('with the gold changes as input, every gold event comes out as exactly one event', async () => {
    const report = evaluateMerge(items, await runMerge(items, goldChangeSource));
    expect(report.goldEvents).toBe(49);
    expect(report).toMatchObject({ found: 49, exact: 49, duplicates: 0, wrongMerges: 0, events: 49, spuriousEvents: 0 });
    expect(report.splitEvents).toEqual([]);
    expect(report.mergedEvents).toEqual([]);
  });

  it('with the built-in extractor as input, no two gold events are merged and none is split', async () => {
    const run = await runMerge(items, (item) => extractChanges(goldItemToNewsItem(item)));
    // Figures for docs/extraction.md ("Merging"). A floor at today's figures (49 found, 49 exact,
    // none split or merged, strict and loose), with one split of room for the extractor, which
    // is being changed: a split it causes shows in report.splitEvents.
    for (const level of ['strict', 'loose'] as const) {
      const report = evaluateMerge(items, run, { level });
      console.info(`merge-dev, extractor input (${level}):`, JSON.stringify({ ...report, splitEvents: report.splitEvents.map((s) => s.gold) }));
      expect(report.found).toBeGreaterThanOrEqual(48);
      expect(report.mergedEvents).toEqual([]);
      expect(report.duplicates, JSON.stringify(report.splitEvents)).toBeLessThanOrEqual(1);
    }
  });

  it('the evaluation itself sees a split and a wrong merge', async () => {
    const run = await runMerge(items, goldChangeSource);
    const [first, second] = run.events;
    // Pretend the merger had put the second event's changes into the first, and split one change off.
    const tampered = {
      events: run.events,
      assignments: run.assignments.map((a, i) =>
        a.eventId === second?.id ? { ...a, eventId: first?.id ?? '' } : i === 0 ? { ...a, eventId: 'split-off' } : a),
    };
    const report = evaluateMerge(items, tampered);
    expect(report.wrongMerges).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.exact).toBe(47);
  });
});
