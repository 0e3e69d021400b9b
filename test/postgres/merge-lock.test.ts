import { describe, expect, it } from 'vitest';
import { eventTokens, type ChangeEvent } from '../../src/core/events/index.js';
import type { EventStore } from '../../src/ports/events.js';
import type { UnitOfWork } from '../../src/ports/unit-of-work.js';
import { openPostgresStores } from '../../src/store/postgres/open.js';
import { seedEvent } from '../support/event-seed.js';
import { hasPostgres } from '../support/postgres.js';
import { clusterForFile } from './cluster.js';

const report = (id: string): ChangeEvent =>
  seedEvent({ id, person: 'Jane Doe', direction: 'in', title: 'chief executive officer', categories: ['CEO'], org: 'Acme Robotics', firstSeen: '2026-11-01T09:00:00.000Z', outlets: [id] });

/**
 * What the merger does per item, on the repository: read the candidates, then create an event or
 * add the report to the one found. Both workers wait at `ready` until the other has begun too,
 * and linger between reading and writing, so without a lock both would read "nothing yet".
 */
async function mergeReport(work: UnitOfWork, events: EventStore, id: string, ready: () => Promise<void>): Promise<void> {
  await work.run(async () => {
    await ready();
    const mine = report(id);
    const [found] = await events.findCandidates({ tokens: eventTokens(mine), direction: 'in', since: '2026-10-01T00:00:00.000Z' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await events.save(found ? { ...found, sources: [...found.sources, ...mine.sources], revision: found.revision + 1 } : mine);
  });
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

describe.runIf(hasPostgres('Postgres event merging under concurrency'))('Postgres event merging under concurrency', () => {
  const pgTest = clusterForFile();

  it('two workers on two connections merging one change at once make one event with both reports', async () => {
    const url = await pgTest.database();
    const [a, b] = await Promise.all([openPostgresStores(url), openPostgresStores(url)]);
    try {
      const ready = barrier(2);
      await Promise.all([
        mergeReport(a!.work, a!.stores.events, 'wire', ready),
        mergeReport(b!.work, b!.stores.events, 'daily', ready),
      ]);
      const page = await a!.stores.events.recentEvents({ now: new Date('2026-11-02T00:00:00.000Z') });
      expect(page.total).toBe(1);
      expect(page.events[0]!.sources.map((s) => s.outlet).sort()).toEqual(['daily', 'wire']);
      expect(page.events[0]!.revision).toBe(2);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('holds the lock to the end of the transaction only: a later unit merges without waiting for anything', async () => {
    const url = await pgTest.database();
    const s = await openPostgresStores(url);
    try {
      await mergeReport(s.work, s.stores.events, 'wire', async () => undefined);
      // A unit that merged is over: its lock went with its COMMIT, so none is held now.
      const { rows } = await s.db.pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
      expect(rows[0]).toEqual({ n: 0 });
      await mergeReport(s.work, s.stores.events, 'daily', async () => undefined);
      expect((await s.stores.events.recentEvents({})).total).toBe(1);
    } finally {
      await s.close();
    }
  });
});
