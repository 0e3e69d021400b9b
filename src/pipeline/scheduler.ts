import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/log.js';
import type { FeedRecord, FeedStore } from '../ports/feeds.js';
import type { StoreHealth } from '../ports/store-health.js';
import { createKeyedLimiter, createLimiter } from './limit.js';
import type { Poller, PollOutcome } from './poller.js';

export interface SchedulerDeps {
  feeds: FeedStore;
  poller: Poller;
  logger: Logger;
  now: () => Date;
  concurrency: number;
  /** At most this many polls of one host at once (default 2), so one site is never hammered. */
  perHostConcurrency?: number;
  /** How often due feeds are looked for; each feed keeps its own interval. */
  tickSeconds?: number;
  onCycle?: (outcomes: PollOutcome[], ms: number) => void;
  /** The database's health: scheduled polling waits while writes fail, and says when they work again. */
  store?: StoreHealth;
  /** How long scheduled polling waits after a database failure before it tries again (default 60 s). */
  storeRetryMs?: number;
}

export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase() || 'local';
  } catch {
    return 'local';
  }
}

export function createScheduler(deps: SchedulerDeps) {
  const inFlight = new Map<number, Promise<PollOutcome>>();
  const limit = createLimiter(deps.concurrency);
  const perHost = createKeyedLimiter(deps.perHostConcurrency ?? 2);
  // The host slot is taken first: a poll waiting for its host does not hold a global slot.
  let stopSignal = new AbortController();
  const run = (f: FeedRecord) => perHost(hostKey(f.url), () => limit(() => deps.poller.pollFeed(f, stopSignal.signal)));
  let task: ScheduledTask | null = null;
  let stopping = false;

  const isDue = (f: FeedRecord, now: number) => !f.disabled && !inFlight.has(f.id) && (!f.nextPollAt || Date.parse(f.nextPollAt) <= now);

  /** Polls the given feeds (no feed twice at once) and resolves when all are done. */
  async function pollFeeds(feeds: FeedRecord[]): Promise<PollOutcome[]> {
    const started = Date.now();
    const failuresBefore = deps.store?.state().failures ?? 0;
    const runs = feeds
      .filter((f) => !inFlight.has(f.id))
      .map((f) => {
        const p = run(f).finally(() => inFlight.delete(f.id));
        inFlight.set(f.id, p);
        return p;
      });
    const outcomes = await Promise.all(runs);
    // A whole cycle without a database failure is what says writes work again (one feed's 304
    // going through while another feed's items cannot be written does not).
    if (outcomes.length && deps.store && deps.store.state().failures === failuresBefore) deps.store.succeeded();
    if (outcomes.length) deps.onCycle?.(outcomes, Date.now() - started);
    return outcomes;
  }

  /** After a database failure, scheduled polls wait a while: every poll would fail the same way. */
  function waitingForStore(now: number): boolean {
    const s = deps.store?.state();
    return Boolean(s && !s.writable && s.lastErrorAt !== null && now - s.lastErrorAt < (deps.storeRetryMs ?? 60_000));
  }

  async function tick(): Promise<void> {
    if (stopping || waitingForStore(Date.now())) return;
    const now = deps.now().getTime();
    const due = (await deps.feeds.list()).filter((f) => isDue(f, now));
    if (due.length) await pollFeeds(due);
  }

  // A database that cannot even list the feeds is the store's trouble: readiness and metrics say so.
  const tickFailed = (err: Error) => {
    if (!deps.store?.failed(err)) deps.logger.error({ err: err.message }, 'scheduler tick failed');
  };

  return {
    /** One poll of every enabled feed, whatever its schedule (`execwatch once`). */
    pollAll: async () => pollFeeds((await deps.feeds.list()).filter((f) => !f.disabled)),
    pollFeeds,
    tick,
    start() {
      stopping = false;
      if (stopSignal.signal.aborted) stopSignal = new AbortController();
      const every = Math.max(1, Math.min(59, deps.tickSeconds ?? 10));
      task = cron.schedule(`*/${every} * * * * *`, () => {
        tick().catch(tickFailed);
      }, { noOverlap: true, name: 'execwatch-poll' });
      void tick().catch(tickFailed);
    },
    get running() {
      return task !== null && !stopping;
    },
    /** Stops scheduling, tells in-flight polls to stop after their current item, and waits (up to `graceMs`) for them. */
    async stop(graceMs = 5000): Promise<void> {
      stopping = true;
      stopSignal.abort();
      await task?.stop();
      await task?.destroy();
      task = null;
      const pending = [...inFlight.values()];
      if (!pending.length) return;
      await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
