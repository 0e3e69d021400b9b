import type { FeedStore } from '../../ports/feeds.js';
import { feedFromRow as toRecord, type FeedRow } from '../rows/feeds.js';
import type { PgDb } from './db.js';

/** The feeds in Postgres: the statements of src/store/feed-store.ts. */
export function createPgFeedStore(db: PgDb): FeedStore {
  const one = async (sql: string, params: unknown[]) => {
    const [row] = await db.query<FeedRow>(sql, params);
    return row && toRecord(row);
  };
  return {
    async upsert(feed, now) {
      const [row] = await db.query<FeedRow>(
        `INSERT INTO feeds (url, name, origin, guild_id, interval_minutes, added_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (url) DO UPDATE SET name = excluded.name, interval_minutes = excluded.interval_minutes RETURNING *`,
        [feed.url, feed.name, feed.origin ?? 'config', feed.guildId ?? null, feed.intervalMinutes ?? null, now],
      );
      return toRecord(row!);
    },
    get: (id) => one('SELECT * FROM feeds WHERE id = $1', [id]),
    getByUrl: (url) => one('SELECT * FROM feeds WHERE url = $1', [url]),
    list: async () => (await db.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).map(toRecord),
    remove: async (id) => (await db.execute('DELETE FROM feeds WHERE id = $1', [id])) > 0,
    async moveUrl(id, url) {
      // The unique URL decides: of two moves to one address, one wins. In a unit of its own (a
      // savepoint inside the caller's): the loser's error must not abort the caller's transaction.
      const moved = await db.work.run(() => db.execute(
        `UPDATE feeds SET final_url = CASE WHEN origin = 'config' THEN COALESCE(final_url, url) END, url = $1
         WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $1)`,
        [url, id],
      )).catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') return 0;
        throw err;
      });
      return moved > 0 || (await db.query('SELECT 1 FROM feeds WHERE id = $1', [id])).length === 0;
    },
    clearMovedFrom: async (id) => void (await db.execute('UPDATE feeds SET final_url = NULL WHERE id = $1', [id])),
    async recordSuccess(id, s) {
      await db.execute(
        `UPDATE feeds SET last_polled_at = $2, last_success_at = $2, etag = $3, last_modified = $4,
           item_count = COALESCE($5, item_count), next_poll_at = $6, consecutive_failures = 0,
           failing_since = NULL, last_error = NULL, last_status = $7, last_duration_ms = $8 WHERE id = $1`,
        [id, s.at, s.etag, s.lastModified, s.itemCount, s.nextPollAt, s.status ?? null, s.durationMs ?? null],
      );
    },
    async recordFailure(id, f) {
      // last_error_at stays after recovery so `feeds list` can still show when the feed last failed.
      await db.execute(
        `UPDATE feeds SET last_polled_at = $2, last_error = $3, last_error_at = $2, next_poll_at = $4,
           consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, $2),
           last_status = $6, last_duration_ms = $7,
           disabled = disabled OR $5,
           disabled_at = CASE WHEN $5 THEN $2 ELSE disabled_at END,
           disabled_reason = CASE WHEN $5 THEN $3 ELSE disabled_reason END WHERE id = $1`,
        [id, f.at, f.error, f.nextPollAt, f.disable, f.status ?? null, f.durationMs ?? null],
      );
    },
    markBaselineDone: async (id) => void (await db.execute('UPDATE feeds SET baseline_done = TRUE WHERE id = $1', [id])),
    async setDisabled(id, disabled, reason = null, now = new Date().toISOString()) {
      await (disabled
        ? db.execute('UPDATE feeds SET disabled = TRUE, disabled_at = $2, disabled_reason = $3 WHERE id = $1', [id, now, reason])
        : db.execute(`UPDATE feeds SET disabled = FALSE, disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0,
            failing_since = NULL, next_poll_at = NULL WHERE id = $1`, [id]));
    },
  };
}
