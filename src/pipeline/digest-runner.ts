import cron, { type ScheduledTask } from 'node-cron';
import type { ChangeEvent } from '../core/events/model.js';
import type { Logger } from '../core/log.js';
import { buildDigest, digestMessages, type Digest } from '../digest/content.js';
import { periodsDue, type DigestPeriod, type DuePeriod } from '../digest/schedule.js';
import type { DigestDelivery, DigestDeliveryResult } from '../notify/digest-delivery.js';
import type { DigestPost } from '../notify/digest-post.js';
import { matchesFilters } from '../notify/subscription-match.js';
import { DIGEST_PREFIX, type DeliveryStore } from '../ports/deliveries.js';
import type { DigestEventSource } from '../ports/digests.js';
import type { DigestSettings, Subscription, SubscriptionFilters, SubscriptionStore } from '../ports/subscriptions.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { changeRecordFromEvent } from '../timeline/from-event.js';
import type { ChangeRecord } from '../timeline/change-record.js';
import { alertForEvent } from './event-alert.js';

export interface DigestRunnerDeps {
  /** The period's outbox row and its bookkeeping land together (IMMEDIATE: see the store's unit of work). */
  work: UnitOfWork;
  subscriptions: SubscriptionStore;
  events: DigestEventSource;
  deliveries: DeliveryStore;
  delivery: DigestDelivery;
  logger: Logger;
  now: () => Date;
  /** How long after its due time a digest still counts as on time (default 15 minutes). */
  graceMs?: number;
  /** At most this many missed periods are posted late (default 7). */
  maxLate?: number;
  /** A chart comes with more than this many changes (default 5). */
  chartAbove?: number;
}

/** A digest is at most this many messages (about 100 changes); the last says how many more there were. */
export const MAX_MESSAGES = 5;

/** The outbox key that makes a digest go out once per subscription and period. */
export const digestKey = (subscriptionId: number, period: DigestPeriod): string => `${DIGEST_PREFIX}${subscriptionId}:${period.key}`;

/**
 * One subscription's digest of one period from the events recorded in it: those that pass its
 * filters (the alerts' own matching), or null for an empty period unless it posts empty ones.
 */
export function subscriptionDigest(
  sub: SubscriptionFilters & { digest: Pick<DigestSettings, 'postEmpty'> | null }, events: readonly ChangeEvent[], due: DuePeriod, chartAbove?: number,
): Digest | null {
  const records = events.filter((e) => matchesFilters(sub, alertForEvent(e))).map(changeRecordFromEvent).filter((r): r is ChangeRecord => r !== null);
  return buildDigest(records, { period: due.period, late: due.late, postEmpty: sub.digest?.postEmpty ?? false, chartAbove, preselected: true });
}

export interface DigestTickResult {
  /** Digests put in the outbox this tick (periods with nothing to say are recorded, not enqueued). */
  enqueued: string[];
  posts: DigestDeliveryResult[];
}

/**
 * Every minute: for each digest subscription, the periods that ended since its last one
 * (`periodsDue`), each built from the events recorded in it that pass the subscription's filters
 * (the alerts' own matching), put in the outbox together with the period's end in one
 * transaction; then the outbox is posted. A restart finds the period recorded or the digest in
 * the outbox, never neither, so each period is posted once.
 */
export function createDigestRunner(deps: DigestRunnerDeps) {
  let task: ScheduledTask | null = null;
  let running: Promise<DigestTickResult> | null = null;

  /** Puts each subscription's due digests in the outbox; returns their keys. */
  async function enqueueDue(): Promise<string[]> {
    const now = deps.now();
    const enqueued: string[] = [];
    const byPeriod = new Map<string, Promise<ChangeEvent[]>>();
    const eventsIn = (p: DigestPeriod): Promise<ChangeEvent[]> => {
      const k = `${p.start.toISOString()}|${p.end.toISOString()}`;
      let events = byPeriod.get(k);
      if (!events) byPeriod.set(k, (events = deps.events.eventsRecordedIn(p.start, p.end)));
      return events;
    };
    for (const sub of await deps.subscriptions.listDigests()) {
      try {
        await enqueueFor(sub, now, eventsIn, enqueued);
      } catch (err) {
        // One subscription's trouble (a bad row, a busy database) does not hold up the others.
        deps.logger.error({ channel: sub.channelId, err: (err as Error).message }, 'digest could not be built');
      }
    }
    return enqueued;
  }

  /** One subscription's due periods, each in the outbox (or recorded as empty) in its own transaction. */
  async function enqueueFor(sub: Subscription, now: Date, eventsIn: (p: DigestPeriod) => Promise<ChangeEvent[]>, enqueued: string[]): Promise<void> {
    const d = sub.digest;
    if (!d) return;
    const { due, skipped } = periodsDue(d.schedule, { now, after: new Date(d.after), graceMs: deps.graceMs, maxLate: deps.maxLate });
    if (skipped) deps.logger.warn({ channel: sub.channelId, skipped }, 'digest periods missed too long ago are skipped; the most recent ones are posted late');
    for (const { period, late } of due) {
      const digest = subscriptionDigest(sub, await eventsIn(period), { period, late }, deps.chartAbove);
      const key = digestKey(sub.id, period);
      const post: DigestPost | null = digest && {
        kind: 'digest', subscriptionId: sub.id, channelId: sub.channelId, periodKey: period.key, late,
        messages: digestMessages(digest, 2000, MAX_MESSAGES), chart: digest.chart,
      };
      // The unit takes the write lock first, so a second process waits and then reads the period as done.
      const done = await deps.work.run(async () => {
        // Another runner on this database may have taken the period since the list was read.
        const current = await deps.subscriptions.get(sub.channelId);
        if (current?.id !== sub.id || !current.digest || Date.parse(current.digest.after) >= period.end.getTime()) return false;
        if (post) await deps.deliveries.enqueue(key, JSON.stringify(post), [`channel:${sub.channelId}`], now.toISOString());
        await deps.subscriptions.setDigestAfter(sub.id, period.end.toISOString(), now.toISOString());
        return post !== null;
      });
      if (done) enqueued.push(key);
    }
  }

  async function tickOnce(): Promise<DigestTickResult> {
    const enqueued = await enqueueDue();
    const posts = await deps.delivery.deliverPending();
    for (const p of posts.filter((r) => r.outcome === 'sent')) deps.logger.info({ digest: p.key, target: p.target, chart: p.chart }, 'digest posted');
    return { enqueued, posts };
  }

  /** One tick at a time: a call during a tick waits for it. */
  function tick(): Promise<DigestTickResult> {
    running ??= tickOnce().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    tick,
    /** A tick at the start of every minute (node-cron), and one now: what a restart missed goes out late. */
    start() {
      const run = () => void tick().catch((err: Error) => deps.logger.error({ err: err.message }, 'digest tick failed'));
      task = cron.schedule('* * * * *', run, { noOverlap: true, name: 'execwatch-digests' });
      run();
    },
    async stop(): Promise<void> {
      await task?.stop();
      await task?.destroy();
      task = null;
      await running?.catch(() => undefined);
    },
  };
}
export type DigestRunner = ReturnType<typeof createDigestRunner>;
