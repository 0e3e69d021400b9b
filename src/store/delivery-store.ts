import type { Db } from './db.js';
import { deliveryFromRow as toRecord, encodeFailure, type DeliveryRow as Row } from './rows/deliveries.js';
import { gated } from './gated.js';
import { DIGEST_PREFIX, type DeliveryStore } from '../ports/deliveries.js';

export function createDeliveryStore(db: Db): DeliveryStore {
  const get = db.prepare<[string, string], Row>('SELECT * FROM deliveries WHERE alert_key = ? AND target = ?');
  const sent = db.prepare(`UPDATE deliveries SET status = 'sent', message_id = COALESCE(?, message_id), attempts = attempts + 1, last_error = NULL, updated_at = ?, payload_hash = COALESCE(?, payload_hash) WHERE alert_key = ? AND target = ?`);
  const saveOutbox = db.prepare(`INSERT INTO delivery_outbox (alert_key, alert_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(alert_key) DO UPDATE SET alert_json = excluded.alert_json, updated_at = excluded.updated_at`);
  const queue = db.prepare(
    `INSERT INTO deliveries (alert_key, target, status, attempts, updated_at) VALUES (?, ?, 'queued', 0, ?)
     ON CONFLICT(alert_key, target) DO NOTHING`,
  );
  const outbox = db.prepare<[], { alert_key: string; alert_json: string }>(`SELECT alert_key, alert_json FROM delivery_outbox WHERE alert_key NOT LIKE '${DIGEST_PREFIX}%' ORDER BY updated_at, rowid`);
  const digestOutbox = db.prepare<[], { alert_key: string; alert_json: string }>(`SELECT alert_key, alert_json FROM delivery_outbox WHERE alert_key LIKE '${DIGEST_PREFIX}%' ORDER BY updated_at, rowid`);
  // Claims the row for one post (an alert's or a digest's): of two callers, one changes it.
  const take = db.prepare(
    `UPDATE deliveries SET status = 'pending', updated_at = @now WHERE alert_key = @key AND target = @target
     AND (status = 'queued' OR (status = 'pending' AND updated_at < @stale)
       OR (status = 'failed' AND attempts < @max AND (last_error IS NULL OR last_error NOT LIKE 'unreachable: %')))`,
  );
  const clearOutbox = db.prepare(
    `DELETE FROM delivery_outbox WHERE alert_key = @key AND (@json IS NULL OR alert_json = @json)
     AND NOT EXISTS (SELECT 1 FROM deliveries WHERE alert_key = @key AND (status IN ('queued', 'pending')
       OR (status = 'failed' AND attempts < @max AND (last_error IS NULL OR last_error NOT LIKE 'unreachable: %'))))`,
  );
  const failed = db.prepare(`UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE alert_key = ? AND target = ?`);
  const editFailed = db.prepare(`UPDATE deliveries SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE alert_key = ? AND target = ?`);
  const enqueue = db.transaction((k: string, json: string, targets: readonly string[], now: string) => {
    saveOutbox.run(k, json, now);
    for (const t of targets) queue.run(k, t, now);
  });
  return gated<DeliveryStore>(db, {
    get: (k, t) => {
      const r = get.get(k, t);
      return r && toRecord(r);
    },
    markSent: (k, t, messageId, now, payloadHash = null) => void sent.run(messageId, now, payloadHash, k, t),
    enqueue: (k, json, targets, now) => enqueue(k, json, targets, now),
    markFailed: (k, t, error, now) => void failed.run(encodeFailure(error), now, k, t),
    markEditFailed: (k, t, error, now) => void editFailed.run(encodeFailure(error), now, k, t),
    outbox: () => outbox.all().map((r) => ({ alertKey: r.alert_key, alertJson: r.alert_json })),
    digestOutbox: () => digestOutbox.all().map((r) => ({ alertKey: r.alert_key, alertJson: r.alert_json })),
    take: (key, target, now, max, stale) => take.run({ key, target, now, max, stale }).changes > 0,
    clearOutbox: (k, json, max = 0) => clearOutbox.run({ key: k, json: json ?? null, max }).changes > 0,
    forAlert: (k) => (db.prepare('SELECT * FROM deliveries WHERE alert_key = ? ORDER BY target').all(k) as Row[]).map(toRecord),
    pending: () => (db.prepare(`SELECT * FROM deliveries WHERE status != 'sent' ORDER BY updated_at`).all() as Row[]).map(toRecord),
  });
}
