import type { DeliveryFailure, DeliveryFailureKind, DeliveryRecord } from '../../ports/deliveries.js';

export interface DeliveryRow {
  alert_key: string; target: string; message_id: string | null; status: string; attempts: number; last_error: string | null;
  updated_at: string; payload_hash: string | null;
  [column: string]: unknown;
}

// A failure is kept in one column as "kind: message", as the SQLite store keeps it (db copy moves
// it as it is); the statements that pick retries read the kind from its start.
const FAILURE_KINDS: readonly DeliveryFailureKind[] = ['unreachable', 'invalid', 'transient'];
export const encodeFailure = (f: DeliveryFailure): string => `${f.kind}: ${f.message}`;
function decodeFailure(text: string | null): DeliveryFailure | null {
  if (text === null) return null;
  const at = text.indexOf(': ');
  const kind = FAILURE_KINDS.find((k) => k === text.slice(0, at));
  return kind ? { kind, message: text.slice(at + 2) } : { kind: 'transient', message: text };
}

export const deliveryFromRow = (r: DeliveryRow): DeliveryRecord => ({
  alertKey: r.alert_key,
  target: r.target,
  messageId: r.message_id,
  status: r.status as DeliveryRecord['status'],
  attempts: r.attempts,
  lastError: decodeFailure(r.last_error),
  updatedAt: r.updated_at,
  payloadHash: r.payload_hash,
});
