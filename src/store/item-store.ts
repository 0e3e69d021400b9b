import type { Db } from './db.js';

export type ItemStatus = 'baseline' | 'processed' | 'failed';

export interface ItemRecord {
  id: string;
  feedId: number;
  url: string | null;
  title: string;
  titleKey: string;
  publishedAt: string | null;
  seenAt: string;
  status: ItemStatus;
  extractor: string | null;
  changeCount: number;
  note: string | null;
}

export interface ItemStore {
  get(id: string): ItemRecord | undefined;
  /** An item seen before under another id: the same canonical URL, or the same title key. */
  findDuplicate(url: string | null, titleKey: string): ItemRecord | undefined;
  findByUrl(url: string): ItemRecord[];
  insert(item: Omit<ItemRecord, 'changeCount' | 'extractor' | 'note'> & { extractor?: string | null; note?: string | null }): void;
  markProcessed(id: string, r: { status: ItemStatus; extractor: string | null; changeCount: number; note?: string | null }): void;
  countByFeed(feedId: number): number;
}

interface ItemRow {
  id: string; feed_id: number; url: string | null; title: string; title_key: string; published_at: string | null;
  seen_at: string; status: string; extractor: string | null; change_count: number; note: string | null;
}

const toRecord = (r: ItemRow): ItemRecord => ({
  id: r.id,
  feedId: r.feed_id,
  url: r.url,
  title: r.title,
  titleKey: r.title_key,
  publishedAt: r.published_at,
  seenAt: r.seen_at,
  status: r.status as ItemStatus,
  extractor: r.extractor,
  changeCount: r.change_count,
  note: r.note,
});

export function createItemStore(db: Db): ItemStore {
  const byId = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE id = ?');
  const byUrl = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE url = ? ORDER BY seen_at');
  const byTitle = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE title_key = ? LIMIT 1');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO items (id, feed_id, url, title, title_key, published_at, seen_at, status, extractor, note)
     VALUES (@id, @feedId, @url, @title, @titleKey, @publishedAt, @seenAt, @status, @extractor, @note)`,
  );
  const processed = db.prepare('UPDATE items SET status = @status, extractor = @extractor, change_count = @changeCount, note = @note WHERE id = @id');
  const count = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM items WHERE feed_id = ?');
  return {
    get: (id) => {
      const r = byId.get(id);
      return r && toRecord(r);
    },
    findDuplicate(url, titleKey) {
      const r = (url ? byUrl.get(url) : undefined) ?? (titleKey ? byTitle.get(titleKey) : undefined);
      return r && toRecord(r);
    },
    findByUrl: (url) => byUrl.all(url).map(toRecord),
    insert: (item) => void insert.run({ extractor: null, note: null, ...item }),
    markProcessed: (id, r) => void processed.run({ id, note: null, ...r }),
    countByFeed: (feedId) => count.get(feedId)?.n ?? 0,
  };
}
