import type { PollOutcome } from '../pipeline/poller.js';
import type { Metrics } from './metrics.js';

/** The failure's kind ("timeout", "http" …) from the poller's "kind: message" error text. */
export function failureReason(error: string | undefined): string {
  const kind = /^([a-z][a-z-]*):/.exec(error ?? '')?.[1];
  return kind ?? 'other';
}

/**
 * Counts one poll cycle from the scheduler's outcomes (its onCycle hook), so the pipeline itself
 * needs no metrics calls for feeds, items and changes.
 */
export function recordPollCycle(metrics: Metrics, outcomes: readonly PollOutcome[], ms: number, extractor: string): void {
  for (const o of outcomes) {
    metrics.feedPolled(o.status === 'failed' ? 'error' : o.status === 'not-modified' ? 'not_modified' : 'ok');
    if (o.status === 'failed') metrics.feedFailed(failureReason(o.error));
    if (o.newItems) metrics.itemsSeen(o.newItems);
    if (o.changes) metrics.changesExtracted(extractor, o.changes);
  }
  metrics.observePollCycle(ms / 1000);
}
