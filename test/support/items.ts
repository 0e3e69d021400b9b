import type { Db } from '../../src/store/db.js';

/** How many items of a feed are stored, read straight from the table (no store method needs it). */
export const itemsOfFeed = (db: Db, feedId: number): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM items WHERE feed_id = ?').get(feedId) as { n: number }).n;
