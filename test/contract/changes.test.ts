import { describe, expect, it } from 'vitest';
import { change } from '../events/support.js';
import { adapters } from './adapters.js';
import { freshStores, itemRecord, seedFeed } from './support.js';

describe.each(adapters)('ChangeStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  function withItems(...ids: string[]) {
    const feed = seedFeed(s());
    for (const id of ids) s().stores.items.insert(itemRecord(feed, id));
  }

  it('stores a change as given and reads it back by id and by item, in order', () => {
    const { changes } = s().stores;
    withItems('i1', 'i2');
    const a = change({ person: 'Jane Doe', item: 'i1', at: '2026-11-01T08:00:00.000Z', org: 'Acme Robotics' });
    const b = change({ person: 'Omar Haddad', direction: 'out', role: 'CFO', item: 'i1', at: '2026-11-01T08:00:00.000Z' });
    const idA = changes.insert('i1', a, '2026-11-01T09:00:00.000Z');
    const idB = changes.insert('i1', b, '2026-11-01T09:00:00.000Z');
    changes.insert('i2', a, '2026-11-01T09:05:00.000Z');
    expect(idB).toBeGreaterThan(idA);
    expect(changes.get(idA)).toEqual({ id: idA, itemId: 'i1', createdAt: '2026-11-01T09:00:00.000Z', change: a });
    expect(changes.byItem('i1').map((c) => c.change.person.name)).toEqual(['Jane Doe', 'Omar Haddad']);
    expect(changes.byItem('none')).toEqual([]);
    expect(changes.get(idA + 1000)).toBeUndefined();
    expect(changes.count()).toBe(3);
  });

  it('pages recent changes newest first, from a given time', () => {
    const { changes } = s().stores;
    withItems('i1');
    const ids = ['08', '09', '10', '11', '12'].map((h) =>
      changes.insert('i1', change({ person: `Person ${h}`, item: 'i1', at: '2026-11-01T00:00:00.000Z' }), `2026-11-01T${h}:00:00.000Z`));
    expect(changes.recent({ limit: 2 }).map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(changes.recent({ limit: 2, offset: 2 }).map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(changes.recent({ sinceIso: '2026-11-01T10:00:00.000Z' }).map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
  });
});
