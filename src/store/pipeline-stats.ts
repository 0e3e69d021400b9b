import type { Db } from './db.js';

/** What the pipeline did, read back from the tables it writes: `execwatch stats`. */
export interface PipelineSummary {
  /** First UTC day counted, or null for all time (feeds are always shown as they are now). */
  since: string | null;
  feeds: {
    total: number;
    enabled: number;
    failing: Array<{ name: string; since: string; failures: number; error: string | null }>;
    disabled: Array<{ name: string; reason: string | null }>;
  };
  items: { total: number; processed: number; baseline: number; duplicates: number; failed: number };
  changes: { total: number; byExtractor: Record<string, number> };
  events: { total: number; alerted: number; held: number; recordedOnly: number };
  alerts: {
    sent: number;
    failed: number;
    pending: number;
    byTarget: Array<{ target: string; sent: number; failed: number; pending: number }>;
  };
}

const n = (v: unknown): number => Number(v ?? 0);

export function createPipelineStats(db: Db) {
  return {
    summary(since?: string | null): PipelineSummary {
      const from = since ? `${since}T00:00:00.000Z` : '';
      const feeds = db.prepare<[], { name: string; disabled: number; failing_since: string | null; consecutive_failures: number; last_error: string | null; disabled_reason: string | null }>(
        'SELECT name, disabled, failing_since, consecutive_failures, last_error, disabled_reason FROM feeds ORDER BY id',
      ).all();
      const items = db.prepare<[string], Record<string, number>>(
        `SELECT COUNT(*) AS total,
           SUM(status = 'processed' AND (note IS NULL OR note NOT LIKE 'duplicate of %')) AS processed,
           SUM(status = 'baseline') AS baseline,
           SUM(note LIKE 'duplicate of %') AS duplicates,
           SUM(status = 'failed') AS failed
         FROM items WHERE seen_at >= ?`,
      ).get(from) ?? {};
      const changes = db.prepare<[string], { extractor: string | null; n: number }>(
        'SELECT i.extractor AS extractor, COUNT(*) AS n FROM changes c JOIN items i ON i.id = c.item_id WHERE c.created_at >= ? GROUP BY i.extractor',
      ).all(from);
      const events = db.prepare<[string], Record<string, number>>(
        `SELECT COUNT(*) AS total, SUM(alert_state = 'released') AS alerted, SUM(alert_state = 'held') AS held,
           SUM(alert_state = 'suppressed') AS recordedOnly
         FROM events WHERE merged_into IS NULL AND first_seen >= ?`,
      ).get(from) ?? {};
      const targets = db.prepare<[string], { target: string; sent: number; failed: number; pending: number }>(
        `SELECT target, SUM(status = 'sent') AS sent, SUM(status = 'failed') AS failed, SUM(status = 'pending') AS pending
         FROM deliveries WHERE updated_at >= ? GROUP BY target ORDER BY target`,
      ).all(from).map((t) => ({ target: t.target, sent: n(t.sent), failed: n(t.failed), pending: n(t.pending) }));
      const sum = (k: 'sent' | 'failed' | 'pending') => targets.reduce((a, t) => a + t[k], 0);
      return {
        since: since ?? null,
        feeds: {
          total: feeds.length,
          enabled: feeds.filter((f) => !f.disabled).length,
          failing: feeds.filter((f) => !f.disabled && f.failing_since).map((f) => ({ name: f.name, since: f.failing_since!, failures: f.consecutive_failures, error: f.last_error })),
          disabled: feeds.filter((f) => f.disabled).map((f) => ({ name: f.name, reason: f.disabled_reason })),
        },
        items: { total: n(items.total), processed: n(items.processed), baseline: n(items.baseline), duplicates: n(items.duplicates), failed: n(items.failed) },
        changes: { total: changes.reduce((a, c) => a + c.n, 0), byExtractor: Object.fromEntries(changes.map((c) => [c.extractor ?? 'unknown', c.n])) },
        events: { total: n(events.total), alerted: n(events.alerted), held: n(events.held), recordedOnly: n(events.recordedOnly) },
        alerts: { sent: sum('sent'), failed: sum('failed'), pending: sum('pending'), byTarget: targets },
      };
    },
  };
}
