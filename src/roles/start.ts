// What `execwatch run` starts for each role, once the app is wired (src/main.ts) and its ops
// endpoint is up. Each returns how ready it is and how to stop what it started; app.close()
// then closes the rest (database, Discord client, worker threads).

import { ConfigError } from '../config/load.js';
import type { App } from '../main.js';
import type { Readiness } from '../ops/http-server.js';
import { createPgBossQueue } from '../queue/pg-boss-queue.js';
import type { PollQueue } from '../queue/poll-queue.js';
import { createPollWorker } from './poll-worker.js';
import { createQueueScheduler } from './queue-scheduler.js';
import { registerQueueMetrics } from './queue-metrics.js';
import type { Role } from './role.js';

export interface RunningRole {
  readiness(): Promise<Readiness>;
  /** Stops what the role started (polls stop after their current item, up to `graceMs`). */
  stop(graceMs: number): Promise<void>;
}

/** Deliveries left undone (a crash, a Discord outage, a worker that died) go out now and then every `seconds`. */
function retryDeliveries(app: App, seconds: number): () => void {
  const retry = () => void app.resumeDeliveries().catch((err: Error) => {
    if (!app.storeHealth.failed(err)) app.logger.warn({ err: err.message }, 'delivery retry failed');
  });
  retry();
  const timer = setInterval(retry, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The worker threads load their code first, so no item's time budget counts a thread's start-up. */
const warmPool = (app: App): Promise<void> =>
  app.pool ? app.pool.warm().catch((err: Error) => app.logger.warn({ err: err.message }, 'worker threads did not start; they are started again on demand')) : Promise.resolve();

function startBot(app: App): void {
  app.discord?.bot.start().catch((err: Error) => app.logger.error({ err: err.message }, 'the Discord bot could not log in; slash commands are off, alerts still go out'));
}

function openQueue(app: App): Promise<PollQueue> {
  return createPgBossQueue({ url: app.backend.postgresUrl!, logger: app.logger, expireSeconds: app.config.roles.jobExpireSeconds, maxConnections: 3 });
}

/** The whole bot in one process (SQLite or Postgres): what `run` always did. */
function startAll(app: App): RunningRole {
  let stopped = false;
  void warmPool(app).then(() => {
    if (!stopped) app.scheduler.start();
  });
  const stopRetry = retryDeliveries(app, 60);
  app.digests?.start();
  startBot(app);
  return {
    readiness: () => app.readiness(),
    async stop() {
      stopped = true;
      stopRetry();
    },
  };
}

/** Queues due polls (polls nothing itself) and runs the digests. */
async function startScheduler(app: App): Promise<RunningRole> {
  const queue = await openQueue(app);
  registerQueueMetrics(app.metrics.registry, queue);
  const scheduler = createQueueScheduler({ feeds: app.stores.feeds, queue, logger: app.logger, now: () => new Date(), tickSeconds: app.config.roles.tickSeconds });
  scheduler.start();
  app.digests?.start();
  return {
    readiness: async () => ({ ...(await app.readiness()), scheduler: scheduler.running, discord: null }),
    async stop() {
      await scheduler.stop();
      await queue.stop(0);
    },
  };
}

/** Takes poll jobs: polls, extracts, stores, merges, delivers; retries undone deliveries. */
async function startWorker(app: App): Promise<RunningRole> {
  const queue = await openQueue(app);
  const { config } = app;
  const worker = createPollWorker({
    queue, feeds: app.stores.feeds, poller: app.poller, logger: app.logger,
    concurrency: config.roles.concurrency ?? config.polling.concurrency, perHostConcurrency: config.polling.perHostConcurrency,
  });
  let stopped = false;
  const started = warmPool(app).then(async () => {
    if (!stopped) await worker.start();
  });
  const stopRetry = retryDeliveries(app, config.roles.retryEverySeconds);
  return {
    readiness: async () => ({ ...(await app.readiness()), scheduler: worker.running, discord: null }),
    async stop(graceMs) {
      stopped = true;
      stopRetry();
      await started;
      await worker.stop(graceMs);
    },
  };
}

/** The one Discord gateway connection: slash commands. */
function startGateway(app: App): RunningRole {
  if (!app.discord) throw new ConfigError('--role gateway holds the Discord bot: set DISCORD_TOKEN.');
  startBot(app);
  return {
    readiness: async () => ({ ...(await app.readiness()), scheduler: true }),
    async stop() {},
  };
}

export async function startRole(app: App, role: Role): Promise<RunningRole> {
  switch (role) {
    case 'all':
      return startAll(app);
    case 'scheduler':
      return startScheduler(app);
    case 'worker':
      return startWorker(app);
    case 'gateway':
      return startGateway(app);
  }
}
