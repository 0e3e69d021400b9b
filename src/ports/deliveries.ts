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
  get(alertKey: string, target: string): DeliveryRecord | undefined;
  /** Puts the alert in the outbox, queued for each target it has no row for yet; a row already there (sent) stays. */
  enqueue(alertKey: string, alertJson: string, targets: readonly string[], now: string): void;
  /** The post to this target starts now: until marked sent or failed, the row says "maybe posted". */
  markSending(alertKey: string, target: string, now: string): void;
  markSent(alertKey: string, target: string, messageId: string | null, now: string, payloadHash?: string | null): void;
  markFailed(alertKey: string, target: string, error: DeliveryFailure, now: string): void;
  /** An edit of a posted message failed: counted, the message stays posted. */
  markEditFailed(alertKey: string, target: string, error: DeliveryFailure, now: string): void;
  pending(): DeliveryRecord[];
  /** Every target's record for one alert (what /why reports, what delivery works through). */
  forAlert(alertKey: string): DeliveryRecord[];
  /** Alerts with work left, oldest first (digests, keyed `digest:…`, are the digest runner's). */
  outbox(): Array<{ alertKey: string; alertJson: string }>;
  /** Digests with work left, oldest first: what src/pipeline/digest-runner.ts posts. */
  digestOutbox(): Array<{ alertKey: string; alertJson: string }>;
  /**
   * Takes a queued, failed (attempts left) or cut-off (pending) digest row for posting; false when
   * another pass or process took it first or it is done. Atomic, so two runners post it once.
   */
  takeDigest(alertKey: string, target: string, now: string, maxAttempts: number, staleBefore: string): boolean;
  /**
   * Removes the alert from the outbox unless it was enqueued again since `alertJson` was read or
   * a target still has work (queued, maybe posted, failed with attempts left); true when removed.
   */
  clearOutbox(alertKey: string, alertJson?: string, maxAttempts?: number): boolean;
}
