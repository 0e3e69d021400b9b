// The worker role's polling: takes poll jobs from the queue and polls each feed with the same
// poller the single process uses (fetch, extract, store, merge, deliver). The job carries only the
// feed's id: the feed is read when the job starts, so a feed changed or removed since it was queued
// is polled as it is now, or not at all.

import type { Logger } from '../core/log.js';
import type { FeedStore } from '../ports/feeds.js';
import { createKeyedLimiter } from '../pipeline/limit.js';
import type { Poller, PollOutcome } from '../pipeline/poller.js';
import { hostKey } from '../pipeline/scheduler.js';
import type { PollQueue } from '../queue/poll-queue.js';

export interface PollWorkerDeps {
  queue: PollQueue;
  feeds: FeedStore;
  poller: Poller;
  logger: Logger;
  /** Polls at once in this worker. */
  concurrency: number;
  /** At most this many polls of one host at once in this worker (default 2). */
  perHostConcurrency?: number;
  onPoll?: (outcome: PollOutcome) => void;
}

export function createPollWorker(deps: PollWorkerDeps) {
  const perHost = createKeyedLimiter(deps.perHostConcurrency ?? 2);
  let running = false;
  return {
    async start(): Promise<void> {
      if (running) return;
      running = true;
      await deps.queue.work(async (job, signal) => {
        const feed = await deps.feeds.get(job.feedId);
        if (!feed || feed.disabled) return;
        if (job.retry > 0) deps.logger.info({ feed: feed.name, retry: job.retry }, 'polling a feed again: its last poll failed or its worker stopped');
        const outcome = await perHost(hostKey(feed.url), () => deps.poller.pollFeed(feed, signal));
        deps.onPoll?.(outcome);
      }, { concurrency: deps.concurrency });
    },
    get running(): boolean {
      return running;
    },
    /** Takes no new job; running polls stop after their current item (up to `graceMs`). */
    async stop(graceMs: number): Promise<void> {
      running = false;
      await deps.queue.stop(graceMs);
    },
  };
}
export type PollWorker = ReturnType<typeof createPollWorker>;
