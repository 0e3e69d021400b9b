import { describe, expect, it } from 'vitest';
import { change } from '../events/support.js';
import { adapters } from './adapters.js';
import { freshStores, itemRecord, seedFeed } from './support.js';

describe.each(adapters)('ChangeStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  async function withItems(...ids: string[]) {
    const feed = await seedFeed(s());
    for (const id of ids) await s().stores.items.insert(itemRecord(feed, id));
  }

  it('stores a change as given and reads it back by id and by item, in order', async () => {
    const { changes } = s().stores;
    await withItems('i1', 'i2');
    const a = change({ person: 'Jane Doe', item: 'i1', at: '2026-11-01T08:00:00.000Z', org: 'Acme Robotics' });
    const b = change({ person: 'Omar Haddad', direction: 'out', role: 'CFO', item: 'i1', at: '2026-11-01T08:00:00.000Z' });
    const idA = await changes.insert('i1', a, '2026-11-01T09:00:00.000Z');
    const idB = await changes.insert('i1', b, '2026-11-01T09:00:00.000Z');
    await changes.insert('i2', a, '2026-11-01T09:05:00.000Z');
    expect(idB).toBeGreaterThan(idA);
    expect(await changes.get(idA)).toEqual({ id: idA, itemId: 'i1', createdAt: '2026-11-01T09:00:00.000Z', change: a });
    expect((await changes.byItem('i1')).map((c) => c.change.person.name)).toEqual(['Jane Doe', 'Omar Haddad']);
    expect(await changes.byItem('none')).toEqual([]);
    expect(await changes.get(idA + 1000)).toBeUndefined();
    expect(await changes.count()).toBe(3);
  });

  it('pages recent changes newest first, from a given time', async () => {
    const { changes } = s().stores;
    await withItems('i1');
    const ids: number[] = [];
    for (const h of ['08', '09', '10', '11', '12']) {
      ids.push(await changes.insert('i1', change({ person: `Person ${h}`, item: 'i1', at: '2026-11-01T00:00:00.000Z' }), `2026-11-01T${h}:00:00.000Z`));
    }
    expect((await changes.recent({ limit: 2 })).map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect((await changes.recent({ limit: 2, offset: 2 })).map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect((await changes.recent({ sinceIso: '2026-11-01T10:00:00.000Z' })).map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
  });
});
