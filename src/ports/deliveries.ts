// Deliveries and the outbox: what the pipeline enqueues and notify/delivery.ts works through.

/** Outbox keys of digests (`digest:<subscription>:<period>`): kept apart from alerts' keys. */
export const DIGEST_PREFIX = 'digest:';

/**
 * Why a post failed. unreachable: the bot may not or cannot post there any more (never retried);
 * invalid: Discord refused the request itself; transient: retried until the attempts run out.
 */
export type DeliveryFailureKind = 'unreachable' | 'invalid' | 'transient';

export interface DeliveryFailure {
  kind: DeliveryFailureKind;
  message: string;
}

export interface DeliveryRecord {
  alertKey: string;
  target: string;
  messageId: string | null;
  /**
   * queued: in the outbox, not tried yet; pending: a post started and its end was not recorded (a
   * crash in between: it may be in Discord); sent; failed (retried until the attempts run out).
   */
  status: 'queued' | 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: DeliveryFailure | null;
  updatedAt: string;
  /** Fingerprint of what was posted: an edit is only sent when it would change something. */
  payloadHash: string | null;
}

/**
 * The outbox: one row per alert (its latest rendering) and one row per (alert, target), the
 * idempotency key that keeps a retry or restart from posting twice. Both are written in the
 * transaction that stores the item the alert comes from, so a crash loses none of them.
 */
export interface DeliveryStore {
  get(alertKey: string, target: string): Promise<DeliveryRecord | undefined>;
  /** Puts the alert in the outbox, queued for each target it has no row for yet; a row already there (sent) stays. */
  enqueue(alertKey: string, alertJson: string, targets: readonly string[], now: string): Promise<void>;
  markSent(alertKey: string, target: string, messageId: string | null, now: string, payloadHash?: string | null): Promise<void>;
  markFailed(alertKey: string, target: string, error: DeliveryFailure, now: string): Promise<void>;
  /** An edit of a posted message failed: counted, the message stays posted. */
  markEditFailed(alertKey: string, target: string, error: DeliveryFailure, now: string): Promise<void>;
  pending(): Promise<DeliveryRecord[]>;
  /** Every target's record for one alert (what /why reports, what delivery works through). */
  forAlert(alertKey: string): Promise<DeliveryRecord[]>;
  /** Alerts with work left, oldest first (digests, keyed `digest:…`, are the digest runner's). */
  outbox(): Promise<Array<{ alertKey: string; alertJson: string }>>;
  /** Digests with work left, oldest first: what src/pipeline/digest-runner.ts posts. */
  digestOutbox(): Promise<Array<{ alertKey: string; alertJson: string }>>;
  /**
   * Takes the (alert, target) row for a post (an alert's or a digest's): it becomes pending,
   * stamped `now`. Taken when queued, failed with attempts left (below `maxAttempts`, not
   * unreachable), or pending since before `staleBefore` (its poster died mid-post). False when
   * another pass, worker or process took it first, or it is done. Atomic: of two callers, one wins.
   */
  take(alertKey: string, target: string, now: string, maxAttempts: number, staleBefore: string): Promise<boolean>;
  /**
   * Removes the alert from the outbox unless it was enqueued again since `alertJson` was read or
   * a target still has work (queued, maybe posted, failed with attempts left); true when removed.
   */
  clearOutbox(alertKey: string, alertJson?: string, maxAttempts?: number): Promise<boolean>;
}
