// The poll queue: how the scheduler role hands due feeds to the worker role when several
// processes share one Postgres. One job is one poll of one feed. The contract is what the roles
// rely on, whatever carries it (pg-boss today):
// - a feed has at most one poll queued and at most one running, across every consumer;
// - a job whose consumer dies (kill -9, a lost machine) is taken again by another consumer once
//   its expiry has passed;
// - stop() takes no new job and waits a while for those running.

/** One poll of one feed. */
export interface PollJob {
  feedId: number;
  /** 0 on the first run; 1, 2 … when the job runs again after its consumer failed or died. */
  retry: number;
}

/**
 * Runs one poll. `signal` aborts when the job nears its expiry or the consumer stops: the poll
 * should stop after its current item, so a job never outlives its expiry while its consumer lives
 * (past it, another consumer may take the same feed).
 */
export type PollHandler = (job: PollJob, signal: AbortSignal) => Promise<void>;

/** Jobs not finished yet, by state (what /metrics shows as the queue's depth). */
export interface QueueDepth {
  /** Waiting for a consumer. */
  queued: number;
  /** Failed or lost, waiting for their retry delay. */
  retry: number;
  /** Taken by a consumer. */
  active: number;
}

export interface WorkOptions {
  /** At most this many jobs run at once in this consumer. */
  concurrency: number;
}

export interface PollQueue {
  /** Queues a poll of each feed that has none queued or running; returns how many were queued. */
  enqueueDue(feedIds: readonly number[]): Promise<number>;
  /** Starts taking jobs (returns at once); the handler runs for each until stop(). */
  work(handler: PollHandler, options: WorkOptions): Promise<void>;
  depth(): Promise<QueueDepth>;
  /** Takes no new job, waits up to `graceMs` for running ones, then lets go of the database. */
  stop(graceMs?: number): Promise<void>;
}
