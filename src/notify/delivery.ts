import { createHash } from 'node:crypto';
import type { DeliveryRecord, DeliveryStore } from '../ports/deliveries.js';
import { unexplainedFailure, type Alert, type AlertTarget } from './alert.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { createKeyedQueue } from './target-queue.js';

export interface DeliveryLogger {
  warn(obj: object, msg: string): void;
}

export type DeliveryOutcome = 'sent' | 'edited' | 'skipped' | 'deferred' | 'paused' | 'failed';

export interface DeliveryResult {
  alertKey: string;
  target: string;
  /**
   * sent / edited; skipped (already there, nothing to change); deferred (the breaker is open: stays
   * queued); paused (the target is unreachable: missing permissions, deleted channel); failed (retried later).
   */
  outcome: DeliveryOutcome;
  error?: string;
  /** The post was retried after a crash on a target that cannot deduplicate: it may now be there twice. */
  possibleDuplicate?: boolean;
}

/** Deliveries of this process by their latest outcome per (alert, target): what `once` reports. */
export interface DeliveryTotals {
  sent: number;
  edited: number;
  deferred: number;
  failed: number;
  paused: number;
  possibleDuplicates: number;
}

export interface Delivery {
  /**
   * Writes the alert to the outbox, once per target it routes to (the static targets plus the
   * subscriptions it matches). Called inside the item's unit of work, the alert is committed with
   * the item or not at all (store work only: routing reads subscriptions, never the network).
   * Resolves to the number of targets.
   */
  enqueue(alert: Alert): Promise<number>;
  /** Starts delivering what the outbox holds, in the background (after an item commits). */
  kick(): void;
  /**
   * Delivers what the outbox holds, failed deliveries included: at start-up (what a crash left),
   * every minute, and at the end of `once`. One pass runs at a time; returns the alerts tried.
   */
  retryPending(): Promise<number>;
  /** enqueue, then deliver: this alert's results (tests, tools). */
  deliver(alert: Alert): Promise<DeliveryResult[]>;
  totals(): DeliveryTotals;
  /** No new pass starts; waits up to `graceMs` for the running one. */
  stop(graceMs: number): Promise<void>;
}

export interface DeliveryDeps {
  targets: readonly AlertTarget[];
  /** Extra targets per alert: the subscribed channels whose filters it passes (a store read). */
  route?: (alert: Alert) => Promise<readonly AlertTarget[]>;
  /** A target by id when it is neither static nor routed in this run (a channel after a restart). */
  resolve?: (targetId: string) => AlertTarget | undefined;
  store: DeliveryStore;
  logger: DeliveryLogger;
  now?: () => Date;
  breaker?: CircuitBreaker;
  /** A target refused for good (50013, 10003 …): pause its subscription and tell the admin. */
  onUnreachable?: (targetId: string, reason: string, alert: Alert) => void | Promise<void>;
  metrics?: { alertSent(target: string): void; alertFailed(target: string): void };
  /** Attempts per (alert, target) before giving up on transient failures. */
  maxAttempts?: number;
  /**
   * A post started before this instant and never finished was cut off (its poster died): it is
   * taken over. Default: when this delivery was created, so one process takes over what a crashed
   * run left at once; workers sharing a store pass now minus their lease.
   */
  staleBefore?: () => string;
}

/** Discord honours an enforced nonce for a few minutes; a retry later than this may post twice. */
const NONCE_WINDOW_MS = 4 * 60_000;

/** Fingerprint of what the target posts for the alert (its `payload`, else the alert). */
export function payloadHash(alert: Alert, target: AlertTarget): string {
  return createHash('sha256').update(JSON.stringify(target.payload ? target.payload(alert) : alert)).digest('hex').slice(0, 32);
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const now = () => deps.now?.() ?? new Date();
  const iso = () => now().toISOString();
  const maxAttempts = deps.maxAttempts ?? 5;
  const startedAt = iso();
  const staleBefore = deps.staleBefore ?? (() => startedAt);
  const queue = createKeyedQueue();
  const known = new Map<string, AlertTarget>(deps.targets.map((t) => [t.id, t]));
  const latest = new Map<string, DeliveryResult>();
  let possibleDuplicates = 0;

  const record = (r: DeliveryResult): DeliveryResult => {
    if (r.outcome !== 'skipped') latest.set(`${r.alertKey}|${r.target}`, r);
    if (r.possibleDuplicate) possibleDuplicates += 1;
    return r;
  };

  async function failure(alert: Alert, target: AlertTarget, err: unknown, wasSent: boolean): Promise<DeliveryResult> {
    const c = target.failure ? target.failure(err) : unexplainedFailure(err);
    const base = { alertKey: alert.key, target: target.id, error: c.message };
    deps.metrics?.alertFailed(target.id);
    if (c.kind === 'unreachable') {
      if (!wasSent) await deps.store.markFailed(alert.key, target.id, { kind: c.kind, message: c.message }, iso());
      deps.logger.warn({ target: target.id, alert: alert.key, err: c.message }, 'alert target unreachable; pausing it');
      try {
        await deps.onUnreachable?.(target.id, c.message, alert);
      } catch (e) {
        deps.logger.warn({ target: target.id, err: (e as Error).message }, 'could not pause the target');
      }
      return { ...base, outcome: 'paused' };
    }
    const error = { kind: c.kind, message: c.message };
    if (wasSent) await deps.store.markEditFailed(alert.key, target.id, error, iso());
    else await deps.store.markFailed(alert.key, target.id, error, iso());
    deps.logger.warn({ target: target.id, alert: alert.key, err: c.message }, wasSent ? 'alert edit failed' : 'alert delivery failed');
    return { ...base, outcome: 'failed' };
  }

  /** One (alert, target) as its row stands when its turn in the target's queue comes; null: not now. */
  async function toTarget(alert: Alert, target: AlertTarget, retryFailed: boolean): Promise<DeliveryResult | null> {
    const hash = payloadHash(alert, target);
    const base = { alertKey: alert.key, target: target.id };
    const row = await deps.store.get(alert.key, target.id);
    if (!row) return null;
    if (row.status === 'sent') {
      if (!row.messageId || !target.edit || row.payloadHash === hash || row.attempts > maxAttempts) return { ...base, outcome: 'skipped' };
      if (deps.breaker?.isOpen()) return { ...base, outcome: 'deferred' };
      try {
        await target.edit(row.messageId, alert);
        await deps.store.markSent(alert.key, target.id, null, iso(), hash);
        return { ...base, outcome: 'edited' };
      } catch (err) {
        return failure(alert, target, err, true);
      }
    }
    if (row.status === 'failed') {
      if (row.lastError?.kind === 'unreachable' || row.attempts >= maxAttempts) return { ...base, outcome: 'skipped' };
      // A failure is retried by the minute's pass, not by every new item's.
      if (!retryFailed) return null;
    }
    if (deps.breaker?.isOpen()) return { ...base, outcome: 'deferred' };
    // "pending" here means a run started this post and never recorded its end. The retry carries
    // the same idempotency key: a bot channel's enforced nonce makes Discord return the first
    // message; a webhook has no such key, so the alert may now be posted twice.
    const retried = row.status === 'pending';
    const possibleDuplicate = retried && (!target.dedupes || now().getTime() - Date.parse(row.updatedAt) > NONCE_WINDOW_MS);
    if (possibleDuplicate) deps.logger.warn({ target: target.id, alert: alert.key }, 'posting again an alert whose earlier post was cut off (a crash): it may appear twice');
    // Claimed, not just marked: of two workers that read the row queued, one posts.
    if (!(await deps.store.take(alert.key, target.id, iso(), maxAttempts, staleBefore()))) return null;
    try {
      const messageId = await target.send(alert, { idempotencyKey: `${alert.key}|${target.id}` });
      await deps.store.markSent(alert.key, target.id, messageId, iso(), hash);
      deps.metrics?.alertSent(target.id);
      return { ...base, outcome: 'sent', ...(possibleDuplicate ? { possibleDuplicate } : {}) };
    } catch (err) {
      return { ...(await failure(alert, target, err, false)), ...(possibleDuplicate ? { possibleDuplicate } : {}) };
    }
  }

  function targetOf(row: DeliveryRecord): AlertTarget | undefined {
    let t = known.get(row.target);
    if (!t && deps.resolve) {
      t = deps.resolve(row.target);
      if (t) known.set(t.id, t);
    }
    return t;
  }

  /** Every target row of one outbox entry through its target's queue; clears the entry when all are done. */
  async function deliverEntry(alertKey: string, alertJson: string, retryFailed: boolean): Promise<DeliveryResult[]> {
    const alert = JSON.parse(alertJson) as Alert;
    const runs: Array<Promise<DeliveryResult | null>> = [];
    for (const row of await deps.store.forAlert(alertKey)) {
      const target = targetOf(row);
      if (target) {
        runs.push(queue.run(target.id, () => toTarget(alert, target, retryFailed)));
      } else if (row.status !== 'sent' && !(row.status === 'failed' && row.lastError?.kind === 'unreachable')) {
        // The configuration no longer has it (a webhook removed): nothing will ever take this alert.
        await deps.store.markFailed(alertKey, row.target, { kind: 'unreachable', message: 'the target is no longer configured' }, iso());
        deps.logger.warn({ target: row.target, alert: alertKey }, 'alert target no longer configured; its queued alert is dropped');
      }
    }
    const results = (await Promise.all(runs)).filter((r): r is DeliveryResult => r !== null);
    // The store knows which posts are unfinished; an edit still to retry it cannot tell from a done post.
    let editLeft = false;
    for (const r of results) {
      const row = r.outcome === 'failed' ? await deps.store.get(alertKey, r.target) : undefined;
      editLeft = r.outcome === 'deferred' || (row?.status === 'sent' && row.attempts <= maxAttempts);
      if (editLeft) break;
    }
    if (!editLeft) await deps.store.clearOutbox(alertKey, alertJson, maxAttempts);
    return results.map(record);
  }

  let running: Promise<DeliveryResult[]> | null = null;
  let again = false;
  let againRetry = false;
  let stopped = false;

  async function passes(retryFailed: boolean): Promise<DeliveryResult[]> {
    const all: DeliveryResult[] = [];
    let retry = retryFailed;
    for (;;) {
      again = false;
      againRetry = false;
      // Entries are started in outbox order; each target's queue keeps that order for its posts.
      const entries = await deps.store.outbox();
      const done = await Promise.all(entries.map((e) => deliverEntry(e.alertKey, e.alertJson, retry)));
      all.push(...done.flat());
      if (!again || stopped) return all;
      retry = againRetry;
    }
  }

  /** One pass at a time: a call during a pass makes it run once more, and waits for that. */
  function drain(retryFailed: boolean): Promise<DeliveryResult[]> {
    if (stopped) return Promise.resolve([]);
    if (running) {
      again = true;
      againRetry ||= retryFailed;
      return running;
    }
    running = passes(retryFailed).finally(() => {
      running = null;
    });
    return running;
  }

  async function targetsFor(alert: Alert): Promise<AlertTarget[]> {
    const byId = new Map<string, AlertTarget>();
    for (const t of [...deps.targets, ...((await deps.route?.(alert)) ?? [])]) if (!byId.has(t.id)) byId.set(t.id, t);
    return [...byId.values()];
  }

  async function enqueue(alert: Alert): Promise<number> {
    const targets = await targetsFor(alert);
    for (const t of targets) known.set(t.id, t);
    if (targets.length || (await deps.store.forAlert(alert.key)).length) await deps.store.enqueue(alert.key, JSON.stringify(alert), targets.map((t) => t.id), iso());
    return targets.length;
  }

  return {
    enqueue,
    kick() {
      drain(false).catch((err: Error) => deps.logger.warn({ err: err.message }, 'alert delivery pass failed'));
    },
    async retryPending() {
      const results = await drain(true);
      return new Set(results.filter((r) => r.outcome !== 'deferred').map((r) => r.alertKey)).size;
    },
    async deliver(alert) {
      await enqueue(alert);
      return (await drain(false)).filter((r) => r.alertKey === alert.key);
    },
    totals() {
      const t: DeliveryTotals = { sent: 0, edited: 0, deferred: 0, failed: 0, paused: 0, possibleDuplicates };
      for (const r of latest.values()) if (r.outcome !== 'skipped') t[r.outcome] += 1;
      return t;
    },
    async stop(graceMs) {
      stopped = true;
      if (running) await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
