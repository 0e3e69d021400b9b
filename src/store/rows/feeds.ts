import type { FeedRecord } from '../../ports/feeds.js';

// A feeds row as either backend returns it (flags: 0/1 in SQLite, booleans in Postgres).

export interface FeedRow {
  id: number; url: string; name: string; origin: string; guild_id: string | null; interval_minutes: number | null;
  added_at: string; etag: string | null; last_modified: string | null; last_polled_at: string | null;
  last_success_at: string | null; last_error: string | null; last_error_at: string | null; failing_since: string | null;
  consecutive_failures: number; next_poll_at: string | null; item_count: number; baseline_done: boolean | number; disabled: boolean | number;
  last_status: number | null; last_duration_ms: number | null; disabled_at: string | null; disabled_reason: string | null; final_url: string | null;
  [column: string]: unknown;
}

export const feedFromRow = (r: FeedRow): FeedRecord => ({
  id: r.id,
  url: r.url,
  name: r.name,
  origin: r.origin === 'user' ? 'user' : 'config',
  guildId: r.guild_id,
  intervalMinutes: r.interval_minutes,
  addedAt: r.added_at,
  etag: r.etag,
  lastModified: r.last_modified,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  failingSince: r.failing_since,
  consecutiveFailures: r.consecutive_failures,
  nextPollAt: r.next_poll_at,
  itemCount: r.item_count,
  baselineDone: Boolean(r.baseline_done),
  disabled: Boolean(r.disabled),
  lastStatus: r.last_status,
  lastDurationMs: r.last_duration_ms,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  movedFrom: r.final_url,
});
