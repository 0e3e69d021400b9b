import type { VegaLiteSpec } from '../timeline/chart-theme.js';
import type { DeliveryStore } from '../ports/deliveries.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { DeliveryLogger } from './delivery.js';
import { DigestPostSchema, type DigestPost, type DigestTarget } from './digest-post.js';
import { unexplainedFailure } from './alert.js';

export interface DigestDeliveryResult {
  key: string;
  target: string;
  outcome: 'sent' | 'failed' | 'paused';
  error?: string;
  /** The chart was drawn and attached. */
  chart?: boolean;
}

export interface DigestDeliveryDeps {
  store: DeliveryStore;
  /** The target a row names (`channel:ID`). */
  resolve: (targetId: string) => DigestTarget | undefined;
  /** Draws a digest's chart as a PNG (loaded lazily: vega is slow to import); absent: no chart. */
  renderChart?: (spec: VegaLiteSpec) => Promise<Buffer>;
  logger: DeliveryLogger;
  now: () => Date;
  breaker?: CircuitBreaker;
  /** Missing permissions or a deleted channel: pause the subscription and tell the admin. */
  onUnreachable?: (targetId: string, reason: string) => void | Promise<void>;
  maxAttempts?: number;
  /** A post started longer ago than this and never finished was cut off (a crash): post it again. */
  staleMs?: number;
}

/**
 * Posts the digests the outbox holds, through the same rows as alerts: one row per (digest,
 * channel), taken atomically before posting and marked sent after, so a digest goes out once
 * however many passes or processes look at it; a failure is retried on later passes.
 */
export function createDigestDelivery(deps: DigestDeliveryDeps) {
  const maxAttempts = deps.maxAttempts ?? 5;
  const staleMs = deps.staleMs ?? 2 * 60_000;
  const iso = () => deps.now().toISOString();

  async function chartOf(post: DigestPost): Promise<Buffer | null> {
    if (!post.chart || !deps.renderChart) return null;
    try {
      return await deps.renderChart(post.chart as VegaLiteSpec);
    } catch (err) {
      deps.logger.warn({ digest: post.periodKey, err: (err as Error).message }, 'digest chart could not be drawn; posting the text alone');
      return null;
    }
  }

  async function toTarget(key: string, post: DigestPost, targetId: string): Promise<DigestDeliveryResult | null> {
    const target = deps.resolve(targetId);
    if (!target) return null;
    if (deps.breaker?.isOpen()) return null;
    const stale = new Date(deps.now().getTime() - staleMs).toISOString();
    if (!(await deps.store.take(key, targetId, iso(), maxAttempts, stale))) return null;
    const chart = await chartOf(post);
    try {
      const messageId = await target.send(post.messages, chart, `${key}|${targetId}`);
      await deps.store.markSent(key, targetId, messageId, iso());
      return { key, target: targetId, outcome: 'sent', chart: chart !== null };
    } catch (err) {
      const c = target.failure ? target.failure(err) : unexplainedFailure(err);
      if (c.kind === 'unreachable') {
        await deps.store.markFailed(key, targetId, { kind: 'unreachable', message: c.message }, iso());
        deps.logger.warn({ target: targetId, digest: key, err: c.message }, 'digest target unreachable; pausing it');
        try {
          await deps.onUnreachable?.(targetId, c.message);
        } catch (e) {
          deps.logger.warn({ target: targetId, err: (e as Error).message }, 'could not pause the target');
        }
        return { key, target: targetId, outcome: 'paused', error: c.message };
      }
      await deps.store.markFailed(key, targetId, { kind: c.kind, message: c.message }, iso());
      deps.logger.warn({ target: targetId, digest: key, err: c.message }, 'digest delivery failed');
      return { key, target: targetId, outcome: 'failed', error: c.message };
    }
  }

  return {
    /** One pass over the digest outbox, oldest first. */
    async deliverPending(): Promise<DigestDeliveryResult[]> {
      const results: DigestDeliveryResult[] = [];
      for (const entry of await deps.store.digestOutbox()) {
        const parsed = DigestPostSchema.safeParse(JSON.parse(entry.alertJson));
        if (!parsed.success) {
          deps.logger.warn({ digest: entry.alertKey }, 'a digest in the outbox cannot be read; dropped');
          for (const row of await deps.store.forAlert(entry.alertKey)) if (row.status !== 'sent') await deps.store.markFailed(entry.alertKey, row.target, { kind: 'unreachable', message: 'unreadable digest' }, iso());
          await deps.store.clearOutbox(entry.alertKey, entry.alertJson, maxAttempts);
          continue;
        }
        for (const row of await deps.store.forAlert(entry.alertKey)) {
          if (row.status === 'sent') continue;
          const r = await toTarget(entry.alertKey, parsed.data, row.target);
          if (r) results.push(r);
        }
        await deps.store.clearOutbox(entry.alertKey, entry.alertJson, maxAttempts);
      }
      return results;
    },
  };
}
export type DigestDelivery = ReturnType<typeof createDigestDelivery>;
