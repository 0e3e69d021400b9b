import { DIGEST_PREFIX, type DeliveryStore } from '../../ports/deliveries.js';
import { deliveryFromRow as toRecord, encodeFailure, type DeliveryRow as Row } from '../rows/deliveries.js';
import type { PgDb } from './db.js';

/** A failed row that may be tried again: attempts left and not unreachable. */
const RETRYABLE = `(status = 'failed' AND attempts < $3 AND (last_error IS NULL OR last_error NOT LIKE 'unreachable: %'))`;

/** Deliveries and the outbox in Postgres: the statements of src/store/delivery-store.ts. */
export function createPgDeliveryStore(db: PgDb): DeliveryStore {
  const outboxRows = async (digests: boolean) =>
    (await db.query<{ alert_key: string; alert_json: string }>(
      `SELECT alert_key, alert_json FROM delivery_outbox WHERE alert_key ${digests ? '' : 'NOT '}LIKE '${DIGEST_PREFIX}%' ORDER BY updated_at, seq`,
    )).map((r) => ({ alertKey: r.alert_key, alertJson: r.alert_json }));
  return {
    async get(k, t) {
      const [row] = await db.query<Row>('SELECT * FROM deliveries WHERE alert_key = $1 AND target = $2', [k, t]);
      return row && toRecord(row);
    },
    enqueue: (k, json, targets, now) =>
      db.atomic(async () => {
        await db.execute(`INSERT INTO delivery_outbox (alert_key, alert_json, updated_at) VALUES ($1, $2, $3)
          ON CONFLICT (alert_key) DO UPDATE SET alert_json = excluded.alert_json, updated_at = excluded.updated_at`, [k, json, now]);
        if (targets.length === 0) return;
        await db.execute(
          `INSERT INTO deliveries (alert_key, target, status, attempts, updated_at)
           SELECT $1, t, 'queued', 0, $3 FROM unnest($2::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n
           ON CONFLICT (alert_key, target) DO NOTHING`,
          [k, [...targets], now],
        );
      }),
    async markSent(k, t, messageId, now, payloadHash = null) {
      await db.execute(
        `UPDATE deliveries SET status = 'sent', message_id = COALESCE($1, message_id), attempts = attempts + 1, last_error = NULL,
           updated_at = $2, payload_hash = COALESCE($3, payload_hash) WHERE alert_key = $4 AND target = $5`,
        [messageId, now, payloadHash, k, t],
      );
    },
    async markFailed(k, t, error, now) {
      await db.execute(`UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $1, updated_at = $2 WHERE alert_key = $3 AND target = $4`,
        [encodeFailure(error), now, k, t]);
    },
    async markEditFailed(k, t, error, now) {
      await db.execute(`UPDATE deliveries SET attempts = attempts + 1, last_error = $1, updated_at = $2 WHERE alert_key = $3 AND target = $4`,
        [encodeFailure(error), now, k, t]);
    },
    pending: async () => (await db.query<Row>(`SELECT * FROM deliveries WHERE status <> 'sent' ORDER BY updated_at, alert_key, target`)).map(toRecord),
    forAlert: async (k) => (await db.query<Row>('SELECT * FROM deliveries WHERE alert_key = $1 ORDER BY target', [k])).map(toRecord),
    outbox: () => outboxRows(false),
    digestOutbox: () => outboxRows(true),
    // One UPDATE with the conditions in its WHERE: Postgres re-checks them on the row it locked,
    // so of two workers taking one row at once, the second finds it pending and takes nothing.
    take: async (key, target, now, max, stale) =>
      (await db.execute(
        `UPDATE deliveries SET status = 'pending', updated_at = $4 WHERE alert_key = $1 AND target = $2
         AND (status = 'queued' OR (status = 'pending' AND updated_at < $5) OR ${RETRYABLE})`,
        [key, target, max, now, stale],
      )) > 0,
    clearOutbox: async (k, json, max = 0) =>
      (await db.execute(
        `DELETE FROM delivery_outbox WHERE alert_key = $1 AND ($2::text IS NULL OR alert_json = $2)
         AND NOT EXISTS (SELECT 1 FROM deliveries WHERE alert_key = $1 AND (status IN ('queued', 'pending') OR ${RETRYABLE}))`,
        [k, json ?? null, max],
      )) > 0,
  };
}
