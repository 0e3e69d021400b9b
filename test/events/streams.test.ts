import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  evaluateMerge, goldChangeSource, misreadChangeSource, runMerge, type ChangeSource, type EventEvaluation,
} from '../../src/evaluation/event-evaluation.js';
import { goldItemToNewsItem, parseGoldEventItems } from '../../src/evaluation/event-gold.js';
import { extractChanges } from '../../src/extract/index.js';
import { repositories } from './support.js';

// Streams of real-style reports by several outlets, written for these tests (test/fixtures/events):
// hard-stream.jsonl reproduces the causes of duplicates and wrong merges seen on real streams
// and was developed against; check-stream.jsonl was written after the design and measured, not
// tuned on. Each item's `misread` changes are what an extractor that errs gives (a role read
// twice, a surname alone, the parent for a unit, a denial read as a change, a lost interim flag).
const streams = ['hard-stream', 'check-stream'].map((name) => ({
  name,
  items: parseGoldEventItems(readFileSync(new URL(`../fixtures/events/${name}.jsonl`, import.meta.url), 'utf8'), `${name}.jsonl`),
}));
const extractor: ChangeSource = (item) => extractChanges(goldItemToNewsItem(item));

const figures: string[] = [];
afterAll(async () => console.info(`event streams (docs/extraction.md, "Merging"):\n${figures.join('\n')}`));
const measure = async (stream: (typeof streams)[number], input: string, source: ChangeSource, level: 'strict' | 'loose') => {
  const report = evaluateMerge(stream.items, await runMerge(stream.items, source), { level });
  const { goldEvents, found, exact, duplicates, wrongMerges, events } = report;
  figures.push(`${stream.name} ${input} ${level}: ${JSON.stringify({ goldEvents, found, exact, duplicates, wrongMerges, events, split: report.splitEvents.map((s) => s.gold) })}`);
  return report;
};
const floor = (report: EventEvaluation, found: number, duplicates: number) => {
  expect(report.mergedEvents).toEqual([]);
  expect(report.found).toBeGreaterThanOrEqual(found);
  expect(report.duplicates, JSON.stringify(report.splitEvents)).toBeLessThanOrEqual(duplicates);
};

describe.each(streams)('$name.jsonl', (stream) => {
  const goldEvents = new Set(stream.items.flatMap((i) => (i.changes ?? []).map((c) => c.event))).size;

  it('with gold changes, every real event is exactly one event', async () => {
    const report = await measure(stream, 'gold', goldChangeSource, 'strict');
    expect(report).toMatchObject({ goldEvents, found: goldEvents, exact: goldEvents, duplicates: 0, wrongMerges: 0, events: goldEvents });
  });

  it('with misread changes, no wrong merge and at most two splits (the misreadings merging cannot undo)', async () => {
    for (const level of ['strict', 'loose'] as const) floor(await measure(stream, 'misread', misreadChangeSource, level), goldEvents, 2);
  });

  it('with the built-in extractor, no wrong merge and at most one split of what it finds', async () => {
    // Floors at today's figures: hard-stream finds 33 strict / 37 loose with no split, check-stream
    // 18 with one split (an interim flag the extractor lost).
    const strict = await measure(stream, 'extractor', extractor, 'strict');
    const loose = await measure(stream, 'extractor', extractor, 'loose');
    floor(strict, stream.name === 'hard-stream' ? 31 : 17, 1);
    floor(loose, stream.name === 'hard-stream' ? 35 : 17, 1);
  });

  it('merges the same through the SQLite event store', async () => {
    const sqlite = repositories.find((r) => r.name.startsWith('SQLite'))?.open();
    if (!sqlite) throw new Error('no SQLite repository');
    try {
      const stored = await runMerge(stream.items, misreadChangeSource, {}, sqlite.repository);
      const memory = await runMerge(stream.items, misreadChangeSource);
      expect(stored.events.map((e) => e.id)).toEqual(memory.events.map((e) => e.id));
      expect(evaluateMerge(stream.items, stored)).toEqual(evaluateMerge(stream.items, memory));
    } finally {
      await sqlite.close();
    }
  });
});
