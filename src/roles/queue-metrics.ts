// The poll queue's depth in /metrics (the scheduler's): read from Postgres at each scrape.

import { Gauge, type Registry } from 'prom-client';
import type { PollQueue } from '../queue/poll-queue.js';

export function registerQueueMetrics(registry: Registry, queue: PollQueue, prefix = 'execwatch_'): void {
  new Gauge({
    name: `${prefix}poll_queue_jobs`,
    help: 'Poll jobs not finished, by state (queued: waiting for a worker; retry: failed or lost, waiting to run again; active: being polled)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await queue.depth();
      this.set({ state: 'queued' }, depth.queued);
      this.set({ state: 'retry' }, depth.retry);
      this.set({ state: 'active' }, depth.active);
    },
  });
}
