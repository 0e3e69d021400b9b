import type { Db } from './db.js';
import { gated } from './gated.js';
import { feedFromRow as toRecord, type FeedRow } from './rows/feeds.js';
import type { FeedStore } from '../ports/feeds.js';

export function createFeedStore(db: Db): FeedStore {
  const byId = db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE id = ?');
  const byUrl = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?');
  const all = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY id');
  const insert = db.prepare(
    `INSERT INTO feeds (url, name, origin, guild_id, interval_minutes, added_at) VALUES (@url, @name, @origin, @guildId, @intervalMinutes, @now)
     ON CONFLICT(url) DO UPDATE SET name = excluded.name, interval_minutes = excluded.interval_minutes`,
  );
  const success = db.prepare(
    `UPDATE feeds SET last_polled_at = @at, last_success_at = @at, etag = @etag, last_modified = @lastModified,
       item_count = COALESCE(@itemCount, item_count), next_poll_at = @nextPollAt, consecutive_failures = 0,
       failing_since = NULL, last_error = NULL, last_status = @status, last_duration_ms = @durationMs WHERE id = @id`,
  );
  // last_error_at stays after recovery so `feeds list` can still show when the feed last failed.
  const failure = db.prepare(
    `UPDATE feeds SET last_polled_at = @at, last_error = @error, last_error_at = @at, next_poll_at = @nextPollAt,
       consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, @at),
       last_status = @status, last_duration_ms = @durationMs,
       disabled = CASE WHEN @disable THEN 1 ELSE disabled END,
       disabled_at = CASE WHEN @disable THEN @at ELSE disabled_at END,
       disabled_reason = CASE WHEN @disable THEN @error ELSE disabled_reason END WHERE id = @id`,
  );
  return gated<FeedStore>(db, {
    upsert(feed, now) {
      insert.run({
        url: feed.url,
        name: feed.name,
        origin: feed.origin ?? 'config',
        guildId: feed.guildId ?? null,
        intervalMinutes: feed.intervalMinutes ?? null,
        now,
      });
      return toRecord(byUrl.get(feed.url)!);
    },
    get: (id) => {
      const r = byId.get(id);
      return r && toRecord(r);
    },
    getByUrl: (url) => {
      const r = byUrl.get(url);
      return r && toRecord(r);
    },
    list: () => all.all().map(toRecord),
    remove: (id) => db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0,
    recordSuccess: (id, s) => void success.run({ id, at: s.at, etag: s.etag, lastModified: s.lastModified, itemCount: s.itemCount, nextPollAt: s.nextPollAt, status: s.status ?? null, durationMs: s.durationMs ?? null }),
    moveUrl(id, url) {
      if (byUrl.get(url)) return false;
      // A config feed remembers the address its config names (the first one, over several moves).
      db.prepare(`UPDATE feeds SET final_url = CASE WHEN origin = 'config' THEN COALESCE(final_url, url) END, url = ? WHERE id = ?`).run(url, id);
      return true;
    },
    clearMovedFrom: (id) => void db.prepare('UPDATE feeds SET final_url = NULL WHERE id = ?').run(id),
    recordFailure: (id, f) => void failure.run({ id, at: f.at, error: f.error, nextPollAt: f.nextPollAt, disable: f.disable ? 1 : 0, status: f.status ?? null, durationMs: f.durationMs ?? null }),
    markBaselineDone: (id) => void db.prepare('UPDATE feeds SET baseline_done = 1 WHERE id = ?').run(id),
    setDisabled: (id, disabled, reason = null, now = new Date().toISOString()) =>
      void (disabled
        ? db.prepare('UPDATE feeds SET disabled = 1, disabled_at = ?, disabled_reason = ? WHERE id = ?').run(now, reason, id)
        : db.prepare(`UPDATE feeds SET disabled = 0, disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0,
            failing_since = NULL, next_poll_at = NULL WHERE id = ?`).run(id)),
  });
}
