// The scheduler role's polling: it polls nothing itself. Every tick it lists the feeds and
// queues a poll job for each one that is due; the workers take the jobs. A feed stays due while
// its job waits or runs (its next poll time moves only when a poll records its result), so the
// queue, not this loop, is what keeps a feed from being queued twice (PollQueue.enqueueDue).

import type { Logger } from '../core/log.js';
import type { FeedRecord, FeedStore } from '../ports/feeds.js';
import type { PollQueue } from '../queue/poll-queue.js';

export interface QueueSchedulerDeps {
  feeds: FeedStore;
  queue: PollQueue;
  logger: Logger;
  now: () => Date;
  /** How often due feeds are looked for (default 5 s); each feed keeps its own interval. */
  tickSeconds?: number;
  /** Told after each tick how many polls it queued. */
  onTick?: (queued: number) => void;
}

export const isDueAt = (f: FeedRecord, now: number): boolean => !f.disabled && (!f.nextPollAt || Date.parse(f.nextPollAt) <= now);

export function createQueueScheduler(deps: QueueSchedulerDeps) {
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let lastTickOk = false;

  async function tick(): Promise<number> {
    const now = deps.now().getTime();
    const due = (await deps.feeds.list()).filter((f) => isDueAt(f, now)).map((f) => f.id);
    const queued = await deps.queue.enqueueDue(due);
    if (queued) deps.logger.debug({ due: due.length, queued }, 'polls queued');
    deps.onTick?.(queued);
    return queued;
  }

  const safeTick = (): void => {
    // One tick at a time: a slow database must not pile ticks up.
    if (ticking) return;
    ticking = tick().then(
      () => void (lastTickOk = true),
      (err: Error) => {
        lastTickOk = false;
        deps.logger.error({ err: err.message }, 'could not queue due polls; trying again next tick');
      },
    ).finally(() => (ticking = null));
  };

  return {
    tick,
    start() {
      if (timer) return;
      safeTick();
      timer = setInterval(safeTick, (deps.tickSeconds ?? 5) * 1000);
    },
    /** Started, and its last tick reached the database and the queue. */
    get running(): boolean {
      return timer !== null && lastTickOk;
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
}
export type QueueScheduler = ReturnType<typeof createQueueScheduler>;
