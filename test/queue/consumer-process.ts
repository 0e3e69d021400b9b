// A queue consumer in a process of its own, for the kill -9 test: it takes poll jobs, prints
// `started <feedId> <retry>` for each and never finishes one (the test kills it mid-job).
import { silentLogger } from '../../src/core/log.js';
import { createPgBossQueue } from '../../src/queue/pg-boss-queue.js';

const queue = await createPgBossQueue({
  url: process.env.DATABASE_URL!,
  logger: silentLogger,
  expireSeconds: Number(process.env.EXPIRE_SECONDS ?? 2),
  retryDelaySeconds: 0,
  maintenanceSeconds: 1,
  idleMs: 100,
});
await queue.work(async (job) => {
  process.stdout.write(`started ${job.feedId} ${job.retry}\n`);
  await new Promise(() => undefined);
}, { concurrency: 1 });
process.stdout.write('ready\n');
