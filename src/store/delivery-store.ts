import type { Db } from './db.js';

export interface DeliveryRecord {
  alertKey: string;
  target: string;
  messageId: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

/** One row per (alert, target): the idempotency key that keeps a retry or restart from posting twice. */
export interface DeliveryStore {
  get(alertKey: string, target: string): DeliveryRecord | undefined;
  /** Claims the (alert, target) pair before sending; false when it was already claimed. */
  claim(alertKey: string, target: string, now: string): boolean;
  markSent(alertKey: string, target: string, messageId: string | null, now: string): void;
  markFailed(alertKey: string, target: string, error: string, now: string): void;
  pending(): DeliveryRecord[];
}

interface Row { alert_key: string; target: string; message_id: string | null; status: string; attempts: number; last_error: string | null; updated_at: string }

const toRecord = (r: Row): DeliveryRecord => ({
  alertKey: r.alert_key,
  target: r.target,
  messageId: r.message_id,
  status: r.status as DeliveryRecord['status'],
  attempts: r.attempts,
  lastError: r.last_error,
  updatedAt: r.updated_at,
});

export function createDeliveryStore(db: Db): DeliveryStore {
  const get = db.prepare<[string, string], Row>('SELECT * FROM deliveries WHERE alert_key = ? AND target = ?');
  const claim = db.prepare(
    `INSERT INTO deliveries (alert_key, target, status, attempts, updated_at) VALUES (?, ?, 'pending', 0, ?)
     ON CONFLICT(alert_key, target) DO NOTHING`,
  );
  const sent = db.prepare(`UPDATE deliveries SET status = 'sent', message_id = COALESCE(?, message_id), attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE alert_key = ? AND target = ?`);
  const failed = db.prepare(`UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE alert_key = ? AND target = ?`);
  return {
    get: (k, t) => {
      const r = get.get(k, t);
      return r && toRecord(r);
    },
    claim: (k, t, now) => claim.run(k, t, now).changes > 0,
    markSent: (k, t, messageId, now) => void sent.run(messageId, now, k, t),
    markFailed: (k, t, error, now) => void failed.run(error, now, k, t),
    pending: () => (db.prepare(`SELECT * FROM deliveries WHERE status != 'sent' ORDER BY updated_at`).all() as Row[]).map(toRecord),
  };
}
