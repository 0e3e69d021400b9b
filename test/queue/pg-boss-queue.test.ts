import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import { createPgBossQueue } from '../../src/queue/pg-boss-queue.js';
import type { PollJob, PollQueue } from '../../src/queue/poll-queue.js';
import { hasPostgres, startPostgres, type PostgresCluster } from '../support/postgres.js';
import { waitUntil } from '../support/run-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(hasPostgres('poll queue (pg-boss)'))('poll queue over pg-boss', () => {
  let cluster: PostgresCluster;
  let n = 0;
  const freshDb = async () => cluster.createDatabase(`queue_${++n}`);
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => cluster?.stop());

  it('queues a feed once while it is queued or being polled, and again once its poll ended', async () => {
    const queue = await createPgBossQueue({ url: await freshDb(), logger: silentLogger, idleMs: 50 });
    try {
      expect(await queue.enqueueDue([1, 2, 2])).toBe(2);
      expect(await queue.enqueueDue([1, 2, 3])).toBe(1);
      expect(await queue.depth()).toEqual({ queued: 3, retry: 0, active: 0 });

      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const started: number[] = [];
      await queue.work(async (job) => {
        started.push(job.feedId);
        if (job.feedId === 1) await held;
      }, { concurrency: 3 });
      await waitUntil('three polls started', () => (started.length >= 3 ? true : undefined));
      await waitUntil('feed 1 alone active', async () => ((await queue.depth()).active === 1 ? true : undefined));
      // Feed 1 is being polled: not queued again. Feeds 2 and 3 are done: queued again.
      expect(await queue.enqueueDue([1, 2, 3])).toBe(2);
      release();
      await waitUntil('feeds 2 and 3 polled again', () => (started.length >= 5 ? true : undefined));
      expect(started.filter((f) => f === 1)).toHaveLength(1);
      expect(await queue.enqueueDue([1])).toBe(1);
    } finally {
      await queue.stop(1000);
    }
  });

  it('never runs two polls of one feed at once across two consumers, while the scheduler keeps enqueueing', async () => {
    const url = await freshDb();
    const consumers: PollQueue[] = [
      await createPgBossQueue({ url, logger: silentLogger, idleMs: 20 }),
      await createPgBossQueue({ url, logger: silentLogger, idleMs: 20 }),
    ];
    const active = new Map<number, number>();
    let overlaps = 0;
    const runs = new Map<number, Set<number>>(); // feed → the consumers that polled it
    const polls: PollJob[] = [];
    try {
      for (const [i, queue] of consumers.entries()) {
        await queue.work(async (job) => {
          const now = (active.get(job.feedId) ?? 0) + 1;
          active.set(job.feedId, now);
          if (now > 1) overlaps += 1;
          polls.push(job);
          runs.set(job.feedId, (runs.get(job.feedId) ?? new Set()).add(i));
          await sleep(15 + Math.random() * 30);
          active.set(job.feedId, (active.get(job.feedId) ?? 1) - 1);
        }, { concurrency: 6 });
      }
      const feeds = Array.from({ length: 8 }, (_, i) => i + 1);
      const scheduler = consumers[0]!;
      // A scheduler ticking far faster than polls end: every feed is due again and again.
      for (let tick = 0; tick < 120; tick++) {
        await scheduler.enqueueDue(feeds);
        await sleep(10);
      }
      await waitUntil('the queue drained', async () => {
        const d = await scheduler.depth();
        return d.queued + d.active + d.retry === 0 ? true : undefined;
      });
      expect(overlaps).toBe(0);
      // The check means something only if each feed was polled many times, by both consumers.
      for (const f of feeds) {
        expect(polls.filter((p) => p.feedId === f).length).toBeGreaterThan(3);
      }
      expect([...runs.values()].some((s) => s.size === 2)).toBe(true);
    } finally {
      await Promise.all(consumers.map((q) => q.stop(1000)));
    }
  }, 60_000);

  it('hands the job of a consumer killed with SIGKILL mid-poll to another consumer after its expiry', async () => {
    const url = await freshDb();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'consumer-process.ts')], {
      env: { ...process.env, DATABASE_URL: url, EXPIRE_SECONDS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const scheduler = await createPgBossQueue({ url, logger: silentLogger, expireSeconds: 2, retryDelaySeconds: 0, maintenanceSeconds: 1, idleMs: 50 });
    let other: PollQueue | null = null;
    try {
      await waitUntil('the child consumer ready', () => (out.includes('ready') ? true : undefined), 30_000).catch((e: Error) => {
        throw new Error(`${e.message}\n${err}`);
      });
      expect(await scheduler.enqueueDue([7])).toBe(1);
      await waitUntil('the child took the job', () => (out.includes('started 7 0') ? true : undefined));
      child.kill('SIGKILL');
      await exited;
      expect(await scheduler.depth()).toMatchObject({ active: 1 });
      // The dead consumer's job is still active: the feed is not queued again meanwhile.
      expect(await scheduler.enqueueDue([7])).toBe(0);

      other = await createPgBossQueue({ url, logger: silentLogger, expireSeconds: 2, retryDelaySeconds: 0, maintenanceSeconds: 1, idleMs: 50 });
      const taken: PollJob[] = [];
      await other.work(async (job) => {
        taken.push(job);
      }, { concurrency: 2 });
      await waitUntil('the job ran again on the other consumer', () => (taken.length ? true : undefined), 30_000);
      expect(taken).toEqual([{ feedId: 7, retry: 1 }]);
      await waitUntil('the job completed', async () => ((await scheduler.depth()).active === 0 ? true : undefined));
      expect(await scheduler.depth()).toEqual({ queued: 0, retry: 0, active: 0 });
    } finally {
      child.kill('SIGKILL');
      await other?.stop(1000);
      await scheduler.stop(1000);
    }
  }, 60_000);
});
