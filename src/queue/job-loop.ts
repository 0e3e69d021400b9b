// The consumer side of a queue: keeps up to `concurrency` jobs running, asks for as many as it
// has free slots, and settles each job on its own as soon as it ends.
//
// pg-boss's own work() is not used: a work() loop runs one batch at a time and settles the batch
// together, so one slow feed would hold every slot of its batch, and it waits a polling interval
// between batches even when jobs are waiting. Fetching into free slots keeps the slots busy.

import type { Logger } from '../core/log.js';

export interface LoopJob<T> {
  id: string;
  data: T;
  /** How long the job may run before the queue counts its consumer as dead. */
  expireInSeconds: number;
}

export interface JobLoopDeps<T> {
  /** Takes up to `n` jobs (marks them active); [] when none is waiting. */
  fetch(n: number): Promise<LoopJob<T>[]>;
  complete(id: string): Promise<void>;
  fail(id: string, err: Error): Promise<void>;
  run(job: LoopJob<T>, signal: AbortSignal): Promise<void>;
  concurrency: number;
  /** How long an idle loop waits before asking again (default 1000 ms). */
  idleMs?: number;
  /** The signal aborts this long before the job's expiry, so a slow poll stops in time (default 0.2 of it). */
  abortBeforeExpiry?: (expireInSeconds: number) => number;
  logger: Logger;
}

export interface JobLoop {
  /** Stops fetching, aborts running jobs' signals and waits up to `graceMs` for them to end. */
  stop(graceMs: number): Promise<void>;
  /** Jobs running now. */
  readonly running: number;
}

export function startJobLoop<T>(deps: JobLoopDeps<T>): JobLoop {
  const running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let stopping = false;
  // Resolved when a slot frees or stop() is called: what an idle or full loop waits for.
  let wake: () => void = () => undefined;
  const nap = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const beforeExpiry = deps.abortBeforeExpiry ?? ((s: number) => Math.max(1, s * 0.2));

  function start(job: LoopJob<T>): void {
    const abort = new AbortController();
    const leadMs = Math.max(0, job.expireInSeconds - beforeExpiry(job.expireInSeconds)) * 1000;
    const timer = setTimeout(() => abort.abort(new Error('the job nears its expiry')), leadMs);
    const done = deps.run(job, abort.signal)
      .then(() => deps.complete(job.id), (err: unknown) => deps.fail(job.id, err instanceof Error ? err : new Error(String(err))))
      // Settling failed (the database went away): the job expires and runs again elsewhere.
      .catch((err: Error) => deps.logger.warn({ err: err.message, job: job.id }, 'could not settle a queue job; it will expire and run again'))
      .finally(() => {
        clearTimeout(timer);
        running.delete(job.id);
        wake();
      });
    running.set(job.id, { done, abort });
  }

  const loop = (async () => {
    while (!stopping) {
      const free = deps.concurrency - running.size;
      if (free <= 0) {
        await nap(deps.idleMs ?? 1000);
        continue;
      }
      let jobs: LoopJob<T>[] = [];
      try {
        jobs = await deps.fetch(free);
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message }, 'could not fetch queue jobs; trying again');
      }
      if (stopping) {
        // Taken after stop() was called: run anyway (they are active now), the grace covers them.
        for (const job of jobs) start(job);
        break;
      }
      for (const job of jobs) start(job);
      if (!jobs.length) await nap(deps.idleMs ?? 1000);
    }
  })();

  return {
    get running() {
      return running.size;
    },
    async stop(graceMs) {
      stopping = true;
      wake();
      await loop;
      for (const r of running.values()) r.abort.abort(new Error('the consumer is stopping'));
      const all = Promise.allSettled([...running.values()].map((r) => r.done));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
