// The poll queue over pg-boss 10, in the same Postgres as the stores (schema `pgboss`).
//
// Queue policy: `stately`. pg-boss 10 keeps, per queue and singletonKey (the feed id), at most
// one job in each of created, retry and active (a unique index), so
// - a feed is never polled twice at once: the database refuses a second active job for the key,
//   whichever consumer asks for it;
// - a feed is never queued twice: a second send for a queued key is dropped.
// The other policies do not give both: `standard` has no per-key limit; `short` limits only the
// queued job (a queued and a running poll of one feed could run together); `singleton` limits
// only the running one (a feed due while it is polled would pile up queued jobs).
//
// One catch of `stately`: a queued job whose key is already active cannot be activated, and
// pg-boss's fetch, which activates the oldest jobs first, then fails as a whole (it returns no
// job at all) until the active one ends, stalling every consumer behind one slow feed. So
// enqueueDue never queues a feed that has a job queued, waiting to retry or running: it reads
// those keys first (one query over pg-boss's job table, which pg-boss 10 documents as its
// schema), then inserts the rest. Only the scheduler enqueues, so nothing can slip between.
//
// Expiry and retry: a job active longer than `expireSeconds` is failed by pg-boss's maintenance
// (run by every instance, once per interval across them) and queued again after
// `retryDelaySeconds`, up to `retryLimit` times, so a worker killed mid-job hands its job to
// another. A live consumer aborts its poll before the expiry (job-loop), so a job is never taken
// again while its first run still goes on.

import PgBoss from 'pg-boss';
import type { Logger } from '../core/log.js';
import { startJobLoop, type JobLoop, type LoopJob } from './job-loop.js';
import type { PollHandler, PollQueue, QueueDepth } from './poll-queue.js';

export const POLL_QUEUE = 'execwatch_poll';

export interface PgBossQueueOptions {
  url: string;
  logger: Logger;
  /** A job running longer than this counts as lost and runs again elsewhere (default 300 s). */
  expireSeconds?: number;
  /** How many times a failed or lost job runs again (default 3). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often lost jobs are looked for (default 30 s): a lost job waits up to this past its expiry. */
  maintenanceSeconds?: number;
  /** How often an idle consumer asks for jobs (default 1000 ms). */
  idleMs?: number;
  /** Connections this process may open for the queue (default 4). */
  maxConnections?: number;
  schema?: string;
}

interface PollData {
  feedId: number;
}

const feedKey = (feedId: number) => String(feedId);

export async function createPgBossQueue(options: PgBossQueueOptions): Promise<PollQueue> {
  const schema = options.schema ?? 'pgboss';
  const boss = new PgBoss({
    connectionString: options.url,
    schema,
    max: options.maxConnections ?? 4,
    application_name: 'execwatch-queue',
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    schedule: false,
    migrate: true,
  });
  // An EventEmitter without an 'error' listener would throw: a lost connection is logged, and
  // pg-boss reconnects through its pool.
  boss.on('error', (err: Error) => options.logger.warn({ err: err.message }, 'job queue error'));
  await boss.start();
  const expireSeconds = options.expireSeconds ?? 300;
  const queue: PgBoss.Queue = {
    name: POLL_QUEUE,
    policy: 'stately',
    expireInSeconds: expireSeconds,
    retryLimit: options.retryLimit ?? 3,
    retryDelay: options.retryDelaySeconds ?? 5,
    retentionMinutes: 60,
  };
  await boss.createQueue(POLL_QUEUE, queue);
  // createQueue keeps an existing queue as it is: a changed expiry or retry takes effect here.
  await boss.updateQueue(POLL_QUEUE, queue);
  const db = boss.getDb();
  const loops: JobLoop[] = [];

  async function unfinishedKeys(): Promise<Set<string>> {
    const { rows } = await db.executeSql(
      `SELECT singleton_key FROM ${schema}.job WHERE name = $1 AND state < 'completed' AND singleton_key IS NOT NULL`,
      [POLL_QUEUE],
    );
    return new Set(rows.map((r: { singleton_key: string }) => r.singleton_key));
  }

  return {
    async enqueueDue(feedIds) {
      if (!feedIds.length) return 0;
      const busy = await unfinishedKeys();
      const fresh = [...new Set(feedIds)].filter((id) => !busy.has(feedKey(id)));
      if (!fresh.length) return 0;
      await boss.insert(fresh.map((feedId) => ({ name: POLL_QUEUE, data: { feedId }, singletonKey: feedKey(feedId) })));
      return fresh.length;
    },

    async work(handler: PollHandler, { concurrency }) {
      loops.push(startJobLoop<PollData & { retry: number }>({
        concurrency,
        idleMs: options.idleMs,
        logger: options.logger,
        fetch: async (n) => {
          const jobs = await boss.fetch<PollData>(POLL_QUEUE, { batchSize: n, includeMetadata: true });
          return jobs.map((j): LoopJob<PollData & { retry: number }> => ({
            id: j.id,
            data: { feedId: j.data.feedId, retry: j.retryCount },
            // EXTRACT(epoch …) comes back as a numeric, which pg hands over as a string.
            expireInSeconds: Number(j.expireInSeconds) || expireSeconds,
          }));
        },
        complete: (id) => boss.complete(POLL_QUEUE, id),
        fail: (id, err) => boss.fail(POLL_QUEUE, id, { message: err.message }),
        run: (job, signal) => handler({ feedId: job.data.feedId, retry: job.data.retry }, signal),
      }));
    },

    async depth(): Promise<QueueDepth> {
      const { rows } = await db.executeSql(
        `SELECT state, count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND state < 'completed' GROUP BY state`,
        [POLL_QUEUE],
      );
      const of = (state: string) => (rows as { state: string; n: number }[]).find((r) => r.state === state)?.n ?? 0;
      return { queued: of('created'), retry: of('retry'), active: of('active') };
    },

    async stop(graceMs = 10_000) {
      await Promise.all(loops.splice(0).map((l) => l.stop(graceMs)));
      // Jobs still running after the grace are left active: they expire and run again elsewhere
      // (failing them now would let another worker start the feed while this one still polls it).
      await boss.stop({ graceful: false, close: true, wait: true });
    },
  };
}
