import { LeadershipChangeSchema } from '../core/change.js';
import { organizationKey, personKey } from '../core/names.js';
import type { Db } from './db.js';
import { gated } from './gated.js';
import type { StoredChange, ChangeStore } from '../ports/changes.js';

interface ChangeRow { id: number; item_id: string; created_at: string; json: string }

const toStored = (r: ChangeRow): StoredChange => ({
  id: r.id,
  itemId: r.item_id,
  createdAt: r.created_at,
  change: LeadershipChangeSchema.parse(JSON.parse(r.json)),
});

export function createChangeStore(db: Db): ChangeStore {
  const insert = db.prepare(
    `INSERT INTO changes (item_id, person, person_key, organization, organization_key, role_category, direction, interim,
       confidence, published_at, created_at, json)
     VALUES (@itemId, @person, @personKey, @organization, @organizationKey, @roleCategory, @direction, @interim,
       @confidence, @publishedAt, @createdAt, @json)`,
  );
  const byId = db.prepare<[number], ChangeRow>('SELECT id, item_id, created_at, json FROM changes WHERE id = ?');
  const byItem = db.prepare<[string], ChangeRow>('SELECT id, item_id, created_at, json FROM changes WHERE item_id = ? ORDER BY id');
  const recent = db.prepare<[string, number, number], ChangeRow>(
    'SELECT id, item_id, created_at, json FROM changes WHERE created_at >= ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
  );
  return gated<ChangeStore>(db, {
    insert(itemId, change, createdAt) {
      const info = insert.run({
        itemId,
        person: change.person.name,
        personKey: personKey(change.person.name),
        organization: change.organization.name,
        organizationKey: organizationKey(change.organization.name),
        roleCategory: change.role.category,
        direction: change.direction,
        interim: change.interim ? 1 : 0,
        confidence: change.confidence,
        publishedAt: change.source.publishedAt,
        createdAt,
        json: JSON.stringify(change),
      });
      return Number(info.lastInsertRowid);
    },
    get: (id) => {
      const r = byId.get(id);
      return r && toStored(r);
    },
    byItem: (itemId) => byItem.all(itemId).map(toStored),
    recent: (q = {}) => recent.all(q.sinceIso ?? '', q.limit ?? 25, q.offset ?? 0).map(toStored),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n,
  });
}
