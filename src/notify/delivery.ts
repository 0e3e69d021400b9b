import { createHash } from 'node:crypto';
import type { DeliveryStore } from '../store/delivery-store.js';
import type { Alert, AlertTarget } from './alert.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { classifyDiscordError } from './discord-errors.js';
import { renderEmbed } from './embed.js';
import { createKeyedQueue } from './target-queue.js';

export interface DeliveryLogger {
  warn(obj: object, msg: string): void;
}

export interface DeliveryResult {
  target: string;
  /**
   * sent / edited; skipped (already there, nothing to change); deferred (the breaker is open: stays
   * pending); paused (the target is unreachable: missing permissions, deleted channel); failed (retried later).
   */
  outcome: 'sent' | 'edited' | 'skipped' | 'deferred' | 'paused' | 'failed';
  error?: string;
}

export interface Delivery {
  /**
   * Posts an alert to every target once: the static targets plus the subscriptions it matches.
   * A later call with the same key edits what was posted (when the alert reads differently).
   */
  deliver(alert: Alert, targets?: readonly AlertTarget[]): Promise<DeliveryResult[]>;
  /** Finishes what a crash, an open breaker or a failure left undelivered; returns the alerts retried. */
  retryPending(): Promise<number>;
}

export interface DeliveryDeps {
  targets: readonly AlertTarget[];
  /** Extra targets per alert: the subscribed channels whose filters it passes. */
  route?: (alert: Alert) => readonly AlertTarget[];
  store: DeliveryStore;
  logger: DeliveryLogger;
  now?: () => Date;
  breaker?: CircuitBreaker;
  /** A target refused for good (50013, 10003 …): pause its subscription and tell the admin. */
  onUnreachable?: (targetId: string, reason: string, alert: Alert) => void | Promise<void>;
  metrics?: { alertSent(target: string): void; alertFailed(target: string): void };
  /** Attempts per (alert, target) before giving up on transient failures. */
  maxAttempts?: number;
}

const UNREACHABLE = 'unreachable: ';

export function payloadHash(alert: Alert): string {
  return createHash('sha256').update(JSON.stringify(renderEmbed(alert))).digest('hex').slice(0, 32);
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const maxAttempts = deps.maxAttempts ?? 5;
  const queue = createKeyedQueue();

  async function failure(alert: Alert, target: AlertTarget, err: unknown, wasSent: boolean): Promise<DeliveryResult> {
    const c = classifyDiscordError(err);
    deps.metrics?.alertFailed(target.id);
    if (c.kind === 'unreachable') {
      if (!wasSent) deps.store.markFailed(alert.key, target.id, `${UNREACHABLE}${c.message}`, now());
      deps.logger.warn({ target: target.id, alert: alert.key, err: c.message }, 'alert target unreachable; pausing it');
      try {
        await deps.onUnreachable?.(target.id, c.message, alert);
      } catch (e) {
        deps.logger.warn({ target: target.id, err: (e as Error).message }, 'could not pause the target');
      }
      return { target: target.id, outcome: 'paused', error: c.message };
    }
    if (!wasSent) deps.store.markFailed(alert.key, target.id, `${c.kind}: ${c.message}`, now());
    deps.logger.warn({ target: target.id, alert: alert.key, err: c.message }, 'alert delivery failed');
    return { target: target.id, outcome: 'failed', error: c.message };
  }

  async function toTarget(alert: Alert, target: AlertTarget, hash: string): Promise<DeliveryResult> {
    const existing = deps.store.get(alert.key, target.id);
    if (existing?.status === 'sent') {
      if (!existing.messageId || !target.edit || existing.payloadHash === hash) return { target: target.id, outcome: 'skipped' };
      if (deps.breaker?.isOpen()) return { target: target.id, outcome: 'deferred' };
      try {
        await target.edit(existing.messageId, alert);
        deps.store.markSent(alert.key, target.id, null, now(), hash);
        return { target: target.id, outcome: 'edited' };
      } catch (err) {
        return failure(alert, target, err, true);
      }
    }
    if (existing?.status === 'failed' && (existing.lastError?.startsWith(UNREACHABLE) || existing.attempts >= maxAttempts)) {
      return { target: target.id, outcome: 'skipped' };
    }
    // The claim is written before the post: after a crash the row says "maybe posted", and the
    // retry carries the same idempotency key (a channel's enforced nonce) so Discord dedupes it.
    deps.store.claim(alert.key, target.id, now());
    if (deps.breaker?.isOpen()) return { target: target.id, outcome: 'deferred' };
    try {
      const messageId = await target.send(alert, { idempotencyKey: `${alert.key}|${target.id}` });
      deps.store.markSent(alert.key, target.id, messageId, now(), hash);
      deps.metrics?.alertSent(target.id);
      return { target: target.id, outcome: 'sent' };
    } catch (err) {
      return failure(alert, target, err, false);
    }
  }

  function targetsFor(alert: Alert, explicit?: readonly AlertTarget[]): AlertTarget[] {
    const all = explicit ?? [...deps.targets, ...(deps.route?.(alert) ?? [])];
    const byId = new Map<string, AlertTarget>();
    for (const t of all) if (!byId.has(t.id)) byId.set(t.id, t);
    return [...byId.values()];
  }

  async function deliver(alert: Alert, explicit?: readonly AlertTarget[]): Promise<DeliveryResult[]> {
    const targets = targetsFor(alert, explicit);
    deps.store.saveOutbox(alert.key, JSON.stringify(alert), now());
    const hash = payloadHash(alert);
    const results = await Promise.all(targets.map((t) => queue.run(t.id, () => toTarget(alert, t, hash))));
    const unfinished = results.some((r) => {
      if (r.outcome === 'deferred') return true;
      if (r.outcome !== 'failed') return false;
      return (deps.store.get(alert.key, r.target)?.attempts ?? 0) < maxAttempts;
    });
    if (!unfinished) deps.store.clearOutbox(alert.key);
    return results;
  }

  return {
    deliver,
    async retryPending() {
      let retried = 0;
      for (const { alertJson } of deps.store.outbox()) {
        if (deps.breaker?.isOpen()) break;
        await deliver(JSON.parse(alertJson) as Alert);
        retried += 1;
      }
      return retried;
    },
  };
}
