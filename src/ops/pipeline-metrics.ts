import type { PollOutcome } from '../pipeline/poller.js';
import type { Metrics } from './metrics.js';

/** Counts one feed's poll: fetched (by outcome), failed (by reason), new items, changes found. */
export function recordPoll(metrics: Metrics, o: PollOutcome, extractor: string): void {
  metrics.feedPolled(o.status === 'failed' ? 'error' : o.status === 'not-modified' ? 'not_modified' : 'ok');
  if (o.status === 'failed') metrics.feedFailed(o.failure?.kind ?? 'other');
  if (o.newItems) metrics.itemsSeen(o.newItems);
  if (o.changes) metrics.changesExtracted(extractor, o.changes);
}

/**
 * The poller with every feed's poll counted as soon as it ends (a slow feed must not hold back
 * the counters of the others), so the pipeline itself needs no metrics calls.
 */
export function countPolls<P extends { pollFeed(...args: never[]): Promise<PollOutcome> }>(poller: P, metrics: Metrics, extractor: string): P {
  return {
    ...poller,
    pollFeed: async (...args: Parameters<P['pollFeed']>) => {
      const outcome = await poller.pollFeed(...args);
      recordPoll(metrics, outcome, extractor);
      return outcome;
    },
  };
}
