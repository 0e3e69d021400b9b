import type { ItemStore } from '../../ports/items.js';
import { isArticleUrl, isDistinctiveTitleKey, TITLE_WINDOW_DAYS } from '../item-store.js';
import { itemFromRow as toRecord, type ItemRow } from '../rows/items.js';
import type { PgDb } from './db.js';

/** The items seen, in Postgres: the statements and duplicate rules of src/store/item-store.ts. */
export function createPgItemStore(db: PgDb): ItemStore {
  const first = async (sql: string, params: unknown[]) => {
    const [row] = await db.query<ItemRow>(sql, params);
    return row && toRecord(row);
  };
  return {
    get: (id) => first('SELECT * FROM items WHERE id = $1', [id]),
    async findDuplicate(url, titleKey, now) {
      let found = url && isArticleUrl(url) ? await first('SELECT * FROM items WHERE url = $1 ORDER BY seen_at LIMIT 1', [url]) : undefined;
      if (!found && now && titleKey && isDistinctiveTitleKey(titleKey)) {
        const since = new Date(Date.parse(now) - TITLE_WINDOW_DAYS * 86_400_000).toISOString();
        found = await first('SELECT * FROM items WHERE title_key = $1 AND seen_at >= $2 ORDER BY seen_at LIMIT 1', [titleKey, since]);
      }
      return found;
    },
    findByUrl: async (url) => (await db.query<ItemRow>('SELECT * FROM items WHERE url = $1 ORDER BY seen_at', [url])).map(toRecord),
    async insert(item) {
      await db.execute(
        `INSERT INTO items (id, feed_id, url, title, title_key, published_at, seen_at, status, extractor, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
        [item.id, item.feedId, item.url, item.title, item.titleKey, item.publishedAt, item.seenAt, item.status, item.extractor ?? null, item.note ?? null],
      );
    },
    async markProcessed(id, r) {
      await db.execute('UPDATE items SET status = $2, extractor = $3, change_count = $4, note = $5 WHERE id = $1',
        [id, r.status, r.extractor, r.changeCount, r.note ?? null]);
    },
  };
}
