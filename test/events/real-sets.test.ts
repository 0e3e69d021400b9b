import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generationsDiffer } from '../../src/core/events/index.js';
import { goldChangeSource, runMerge, type ChangeSource } from '../../src/evaluation/event-evaluation.js';
import { goldItemToNewsItem, parseGoldEventItems } from '../../src/evaluation/event-gold.js';
import { HONORIFICS, sameName } from '../../src/core/names.js';
import { extractChanges } from '../../src/extract/index.js';
import { hasShared, sharedPath } from '../support/shared.js';

// The real dev sets are not event streams (one outlet, no event ids; AG News and BBC items carry
// no date, so they all land at one moment): they are a hard test of the one thing merging must
// never do, putting two people into one event. Every merged event's changes must name one person.
const sets = ['real-reuters-dev', 'real-agnews-dev', 'real-bbc-dev'];
const sources: Array<[string, ChangeSource]> = [['gold', goldChangeSource], ['extractor', (item) => extractChanges(goldItemToNewsItem(item))]];

describe.runIf(hasShared('real sets as merge streams', ...sets.map((s) => ['eval', `${s}.jsonl`])))('real dev sets merged as one stream', () => {
  it.each(sets.flatMap((set) => sources.map(([name, source]) => ({ set, name, source }))))('$set, $name changes: one person per event', async ({ set, source }) => {
    const items = parseGoldEventItems(readFileSync(sharedPath('eval', `${set}.jsonl`), 'utf8'), set);
    const run = await runMerge(items, source);
    const conflicts: string[] = [];
    const byEvent = new Map<string, typeof run.assignments>();
    for (const a of run.assignments) byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), a]);
    for (const assigned of byEvent.values()) {
      for (const [i, x] of assigned.entries()) {
        for (const y of assigned.slice(i + 1)) {
          const [a, b] = [x.change.person.name, y.change.person.name];
          if (!sameName(a, b, HONORIFICS) || generationsDiffer(a, b) || x.change.direction !== y.change.direction) conflicts.push(`${x.itemId} ${a} / ${y.itemId} ${b}`);
        }
      }
    }
    expect(conflicts).toEqual([]);
    expect(byEvent.size).toBeGreaterThan(0);
  });
});
