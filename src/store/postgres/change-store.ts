import { LeadershipChangeSchema } from '../../core/change.js';
import { organizationKey, personKey } from '../../core/names.js';
import type { ChangeStore, StoredChange } from '../../ports/changes.js';
import type { PgDb } from './db.js';

interface ChangeRow { id: number; item_id: string; created_at: string; json: string; [column: string]: unknown }

const toStored = (r: ChangeRow): StoredChange => ({
  id: r.id,
  itemId: r.item_id,
  createdAt: r.created_at,
  change: LeadershipChangeSchema.parse(JSON.parse(r.json)),
});

const COLUMNS = 'id, item_id, created_at, json';

/** The stored changes, in Postgres: src/store/change-store.ts's rows. */
export function createPgChangeStore(db: PgDb): ChangeStore {
  return {
    async insert(itemId, change, createdAt) {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO changes (item_id, person, person_key, organization, organization_key, role_category, direction, interim,
           confidence, published_at, created_at, json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [itemId, change.person.name, personKey(change.person.name), change.organization.name, organizationKey(change.organization.name),
          change.role.category, change.direction, change.interim, change.confidence, change.source.publishedAt, createdAt, JSON.stringify(change)],
      );
      return row!.id;
    },
    async get(id) {
      const [row] = await db.query<ChangeRow>(`SELECT ${COLUMNS} FROM changes WHERE id = $1`, [id]);
      return row && toStored(row);
    },
    byItem: async (itemId) => (await db.query<ChangeRow>(`SELECT ${COLUMNS} FROM changes WHERE item_id = $1 ORDER BY id`, [itemId])).map(toStored),
    recent: async (q = {}) =>
      (await db.query<ChangeRow>(`SELECT ${COLUMNS} FROM changes WHERE created_at >= $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [q.sinceIso ?? '', q.limit ?? 25, q.offset ?? 0])).map(toStored),
    count: async () => (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM changes'))[0]?.n ?? 0,
  };
}
