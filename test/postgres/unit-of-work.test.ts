import { describe, expect, it } from 'vitest';
import { openPostgresStores } from '../../src/store/postgres/open.js';
import { hasPostgres } from '../support/postgres.js';
import { clusterForFile } from './cluster.js';

const T0 = '2026-11-01T09:00:00.000Z';

describe.runIf(hasPostgres('Postgres units of work'))('Postgres units of work', () => {
  const pgTest = clusterForFile();

  it('runs units side by side on their own connections, each unseen by the other until it commits', async () => {
    const s = await openPostgresStores(await pgTest.database());
    try {
      const { deliveries } = s.stores;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const first = s.work.run(async () => {
        await deliveries.enqueue('event:a', '{}', ['channel:1'], T0);
        wrote();
        await held;
        return (await deliveries.outbox()).map((o) => o.alertKey);
      });
      await written;
      // A second unit while the first is open: it does not wait for it, and does not see its row.
      const second = await s.work.run(async () => {
        await deliveries.enqueue('event:b', '{}', ['channel:1'], T0);
        return (await deliveries.outbox()).map((o) => o.alertKey);
      });
      expect(second).toEqual(['event:b']);
      expect((await deliveries.outbox()).map((o) => o.alertKey)).toEqual(['event:b']);
      release();
      expect(await first).toEqual(['event:a', 'event:b']);
      expect((await deliveries.outbox()).map((o) => o.alertKey)).toEqual(['event:a', 'event:b']);
      // Every connection went back to the pool.
      expect(s.db.pool.totalCount - s.db.pool.idleCount).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('takes nested units started together in turns: one failing undoes only its own writes', async () => {
    const s = await openPostgresStores(await pgTest.database());
    try {
      const { deliveries } = s.stores;
      await s.work.run(async () => {
        const results = await Promise.allSettled(['a', 'b', 'c'].map((k) => s.work.run(async () => {
          await deliveries.enqueue(`event:${k}`, '{}', ['channel:1'], T0);
          await new Promise((resolve) => setTimeout(resolve, 10));
          if (k === 'b') throw new Error('b fails');
        })));
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      });
      expect((await deliveries.outbox()).map((o) => o.alertKey)).toEqual(['event:a', 'event:c']);
    } finally {
      await s.close();
    }
  });

  it('of two units moving feeds to one address at once, one wins and the other unit carries on', async () => {
    const s = await openPostgresStores(await pgTest.database());
    try {
      const { feeds, deliveries } = s.stores;
      const a = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
      const b = await feeds.upsert({ url: 'https://b.example/rss', name: 'B' }, T0);
      let moved!: () => void;
      const aMoved = new Promise<void>((resolve) => (moved = resolve));
      let finish!: () => void;
      const aMayCommit = new Promise<void>((resolve) => (finish = resolve));
      const first = s.work.run(async () => {
        const ok = await feeds.moveUrl(a.id, 'https://new.example/rss');
        moved();
        await aMayCommit;
        return ok;
      });
      await aMoved;
      const second = s.work.run(async () => {
        const ok = await feeds.moveUrl(b.id, 'https://new.example/rss');
        await deliveries.enqueue('event:after-move', '{}', ['channel:1'], T0);
        return ok;
      });
      // The second waits on the first's uncommitted address, then loses to it.
      setTimeout(finish, 200);
      expect(await Promise.all([first, second])).toEqual([true, false]);
      expect((await feeds.get(b.id))?.url).toBe('https://b.example/rss');
      expect((await deliveries.outbox()).map((o) => o.alertKey)).toEqual(['event:after-move']);
    } finally {
      await s.close();
    }
  });
});
