import type { Db } from './db.js';

export interface DeliveryRecord {
  alertKey: string;
  target: string;
  messageId: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  updatedAt: string;
  /** Fingerprint of what was posted: an edit is only sent when it would change something. */
  payloadHash: string | null;
}

/** One row per (alert, target): the idempotency key that keeps a retry or restart from posting twice. */
export interface DeliveryStore {
  get(alertKey: string, target: string): DeliveryRecord | undefined;
  /** Claims the (alert, target) pair before sending; false when it was already claimed. */
  claim(alertKey: string, target: string, now: string): boolean;
  markSent(alertKey: string, target: string, messageId: string | null, now: string, payloadHash?: string | null): void;
  markFailed(alertKey: string, target: string, error: string, now: string): void;
  pending(): DeliveryRecord[];
  /** Every target's record for one alert (what /why reports). */
  forAlert(alertKey: string): DeliveryRecord[];
  /** The outbox: alerts whose delivery has started, kept until every target is done with them. */
  saveOutbox(alertKey: string, alertJson: string, now: string): void;
  outbox(): Array<{ alertKey: string; alertJson: string }>;
  clearOutbox(alertKey: string): void;
}

interface Row { alert_key: string; target: string; message_id: string | null; status: string; attempts: number; last_error: string | null; updated_at: string; payload_hash: string | null }

const toRecord = (r: Row): DeliveryRecord => ({
  alertKey: r.alert_key,
  target: r.target,
  messageId: r.message_id,
  status: r.status as DeliveryRecord['status'],
  attempts: r.attempts,
  lastError: r.last_error,
  updatedAt: r.updated_at,
  payloadHash: r.payload_hash,
});

export function createDeliveryStore(db: Db): DeliveryStore {
  const get = db.prepare<[string, string], Row>('SELECT * FROM deliveries WHERE alert_key = ? AND target = ?');
  const claim = db.prepare(
    `INSERT INTO deliveries (alert_key, target, status, attempts, updated_at) VALUES (?, ?, 'pending', 0, ?)
     ON CONFLICT(alert_key, target) DO NOTHING`,
  );
  const sent = db.prepare(`UPDATE deliveries SET status = 'sent', message_id = COALESCE(?, message_id), attempts = attempts + 1, last_error = NULL, updated_at = ?, payload_hash = COALESCE(?, payload_hash) WHERE alert_key = ? AND target = ?`);
  const saveOutbox = db.prepare(`INSERT INTO delivery_outbox (alert_key, alert_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(alert_key) DO UPDATE SET alert_json = excluded.alert_json, updated_at = excluded.updated_at`);
  const outbox = db.prepare<[], { alert_key: string; alert_json: string }>('SELECT alert_key, alert_json FROM delivery_outbox ORDER BY updated_at');
  const clearOutbox = db.prepare('DELETE FROM delivery_outbox WHERE alert_key = ?');
  const failed = db.prepare(`UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE alert_key = ? AND target = ?`);
  return {
    get: (k, t) => {
      const r = get.get(k, t);
      return r && toRecord(r);
    },
    claim: (k, t, now) => claim.run(k, t, now).changes > 0,
    markSent: (k, t, messageId, now, payloadHash = null) => void sent.run(messageId, now, payloadHash, k, t),
    markFailed: (k, t, error, now) => void failed.run(error, now, k, t),
    saveOutbox: (k, json, now) => void saveOutbox.run(k, json, now),
    outbox: () => outbox.all().map((r) => ({ alertKey: r.alert_key, alertJson: r.alert_json })),
    clearOutbox: (k) => void clearOutbox.run(k),
    forAlert: (k) => (db.prepare('SELECT * FROM deliveries WHERE alert_key = ? ORDER BY target').all(k) as Row[]).map(toRecord),
    pending: () => (db.prepare(`SELECT * FROM deliveries WHERE status != 'sent' ORDER BY updated_at`).all() as Row[]).map(toRecord),
  };
}
