import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventMerger, type EventRepository } from '../../src/core/events/index.js';
import { evaluateMerge, goldChangeSource, runMerge } from '../../src/evaluation/event-evaluation.js';
import { parseGoldEventItems } from '../../src/evaluation/event-gold.js';
import { openPostgresStores } from '../../src/store/postgres/open.js';
import { change, itemOf } from '../events/support.js';
import { hasPostgres } from '../support/postgres.js';
import { hasShared, sharedPath } from '../support/shared.js';
import { clusterForFile } from './cluster.js';

/** The Postgres event store with the latency of a slow worker: each save waits a little, so that merges do overlap. */
function slow(repository: EventRepository): EventRepository {
  return {
    ...repository,
    save: async (e) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return repository.save(e);
    },
  };
}

function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++waiting === parties) open();
    return opened;
  };
}

describe.runIf(hasPostgres('the event merger on Postgres'))('the event merger on Postgres', () => {
  const pgTest = clusterForFile();

  it('two workers merging two reports of one change at the same moment make one event', async () => {
    const url = await pgTest.database();
    const workers = await Promise.all([openPostgresStores(url), openPostgresStores(url)]);
    try {
      const ready = barrier(2);
      const at = '2026-11-01T09:00:00.000Z';
      // Both units begin together; without the merge lock both would read "no event yet".
      await Promise.all(workers.map(async (w, i) => {
        const item = i ? 'daily-1' : 'wire-1';
        const merger = createEventMerger({ repository: slow(w.stores.events), now: () => new Date(at) });
        await ready();
        return w.work.run(async () => merger.mergeItem(itemOf(item, at), [change({ item, at, person: 'Jane Doe', org: 'Acme Robotics', role: 'chief executive officer' })]));
      }));
      const page = await workers[0]!.stores.events.recentEvents({ now: new Date('2026-11-02T00:00:00.000Z') });
      expect(page.total).toBe(1);
      expect(page.events[0]!.sources.map((s) => s.itemId).sort()).toEqual(['daily-1', 'wire-1']);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  const withMergeDev = hasShared('the event merger on Postgres over merge-dev.jsonl', ['eval', 'merge-dev.jsonl']);
  it.runIf(withMergeDev)('merges merge-dev.jsonl exactly as the in-memory repository does', async () => {
    const items = parseGoldEventItems(readFileSync(sharedPath('eval', 'merge-dev.jsonl'), 'utf8'));
    const s = await openPostgresStores(await pgTest.database());
    try {
      const run = await runMerge(items, goldChangeSource, {}, s.stores.events);
      expect(evaluateMerge(items, run)).toMatchObject({ found: 49, exact: 49, duplicates: 0, wrongMerges: 0 });
      const memory = await runMerge(items, goldChangeSource);
      expect(run.events.map((e) => e.id)).toEqual(memory.events.map((e) => e.id));
      expect((await s.stores.events.recentEvents({ limit: 1 })).total).toBe(49);
    } finally {
      await s.close();
    }
  });
});
