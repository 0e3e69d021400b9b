import type { ItemRecord, ItemStatus } from '../../ports/items.js';

/** An items row, the same on both backends. */
export interface ItemRow {
  id: string; feed_id: number; url: string | null; title: string; title_key: string; published_at: string | null;
  seen_at: string; status: string; extractor: string | null; change_count: number; note: string | null;
  [column: string]: unknown;
}

export const itemFromRow = (r: ItemRow): ItemRecord => ({
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
