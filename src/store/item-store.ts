import type { Db } from './db.js';
import { gated } from './gated.js';
import { itemFromRow as toRecord, type ItemRow } from './rows/items.js';
import type { ItemStore } from '../ports/items.js';

/** How long a title alone identifies a story: recurring headlines ("Weekly roundup") may repeat later. */
export const TITLE_WINDOW_DAYS = 14;

/** A URL that names one article, not a whole site (feeds that link every item to the home page). */
export function isArticleUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.pathname.length > 1 || u.search.length > 1;
  } catch {
    return false;
  }
}

/** Short titles ("Podcast", "Daily briefing") repeat without being the same story. */
export function isDistinctiveTitleKey(key: string): boolean {
  return key.split(' ').length >= 4 || key.length >= 28;
}

export function createItemStore(db: Db): ItemStore {
  const byId = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE id = ?');
  const byUrl = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE url = ? ORDER BY seen_at');
  const byTitle = db.prepare<[string, string], ItemRow>('SELECT * FROM items WHERE title_key = ? AND seen_at >= ? ORDER BY seen_at LIMIT 1');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO items (id, feed_id, url, title, title_key, published_at, seen_at, status, extractor, note)
     VALUES (@id, @feedId, @url, @title, @titleKey, @publishedAt, @seenAt, @status, @extractor, @note)`,
  );
  const processed = db.prepare('UPDATE items SET status = @status, extractor = @extractor, change_count = @changeCount, note = @note WHERE id = @id');
  return gated<ItemStore>(db, {
    get: (id) => {
      const r = byId.get(id);
      return r && toRecord(r);
    },
    findDuplicate(url, titleKey, now) {
      let r = url && isArticleUrl(url) ? byUrl.get(url) : undefined;
      if (!r && now && titleKey && isDistinctiveTitleKey(titleKey)) {
        r = byTitle.get(titleKey, new Date(Date.parse(now) - TITLE_WINDOW_DAYS * 86_400_000).toISOString());
      }
      return r && toRecord(r);
    },
    findByUrl: (url) => byUrl.all(url).map(toRecord),
    insert: (item) => void insert.run({ extractor: null, note: null, ...item }),
    markProcessed: (id, r) => void processed.run({ id, note: null, ...r }),
  });
}
