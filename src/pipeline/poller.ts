import { createHash } from 'node:crypto';
import type { Logger } from '../core/log.js';
import { FeedError, type FeedReader } from '../feeds/types.js';
import type { FeedRecord, FeedStore } from '../store/feed-store.js';
import type { createItemProcessor, ItemOutcome } from './process-item.js';

export interface PollerOptions {
  alertOnFirstPoll: boolean;
  defaultIntervalMinutes: number;
  maxBackoffMinutes: number;
  disableAfterHours: number;
}

export interface PollOutcome {
  feedId: number;
  feed: string;
  status: 'ok' | 'not-modified' | 'failed';
  newItems: number;
  changes: number;
  alerts: number;
  error?: string;
  disabled?: boolean;
}

export interface PollerDeps {
  feeds: FeedStore;
  reader: FeedReader;
  processItem: ReturnType<typeof createItemProcessor>;
  logger: Logger;
  now: () => Date;
  options: PollerOptions;
  /** Told when a feed is disabled after failing too long (admin channel, log). */
  onFeedDisabled?: (feed: FeedRecord, error: string) => void;
}

const MINUTE = 60_000;

/** A fixed offset per feed within ±10% of its interval, so feeds do not all poll at one second. */
function jitter(url: string, intervalMs: number): number {
  const h = createHash('sha1').update(url).digest().readUInt32BE(0) / 0xffffffff;
  return Math.round((h - 0.5) * 0.2 * intervalMs);
}

export function createPoller(deps: PollerDeps) {
  const intervalMs = (feed: FeedRecord) => (feed.intervalMinutes ?? deps.options.defaultIntervalMinutes) * MINUTE;

  async function pollFeed(feed: FeedRecord): Promise<PollOutcome> {
    const started = deps.now();
    const base: PollOutcome = { feedId: feed.id, feed: feed.name, status: 'ok', newItems: 0, changes: 0, alerts: 0 };
    try {
      const result = await deps.reader.read({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
      const every = Math.max(intervalMs(feed), (result.maxAgeSeconds ?? 0) * 1000);
      const nextPollAt = new Date(started.getTime() + every + jitter(feed.url, every)).toISOString();
      if (result.status === 'not-modified') {
        deps.feeds.recordSuccess(feed.id, { at: started.toISOString(), etag: result.etag, lastModified: result.lastModified, itemCount: null, nextPollAt });
        return { ...base, status: 'not-modified' };
      }
      const baseline = !feed.baselineDone && !deps.options.alertOnFirstPoll;
      const outcomes: ItemOutcome[] = [];
      // Oldest first, so alerts come out in the order things happened.
      for (const entry of [...result.feed.entries].reverse()) outcomes.push(await deps.processItem(entry, feed, baseline));
      if (!feed.baselineDone) deps.feeds.markBaselineDone(feed.id);
      deps.feeds.recordSuccess(feed.id, {
        at: started.toISOString(),
        etag: result.etag,
        lastModified: result.lastModified,
        itemCount: result.feed.entries.length,
        nextPollAt,
      });
      for (const o of outcomes) {
        if (o.kind === 'seen') continue;
        base.newItems++;
        if (o.kind === 'processed') {
          base.changes += o.changes;
          base.alerts += o.alerts;
        }
      }
      return base;
    } catch (err) {
      const error = err instanceof FeedError ? `${err.kind}: ${err.message}` : `internal: ${(err as Error).message}`;
      const failures = feed.consecutiveFailures + 1;
      const backoff = Math.min(deps.options.maxBackoffMinutes * MINUTE, intervalMs(feed) * 2 ** Math.min(failures - 1, 10));
      const retryAfter = err instanceof FeedError && err.retryAfterSeconds ? Math.min(err.retryAfterSeconds * 1000, deps.options.maxBackoffMinutes * MINUTE) : 0;
      const failingSince = Date.parse(feed.failingSince ?? started.toISOString());
      const disable = started.getTime() - failingSince >= deps.options.disableAfterHours * 3600_000;
      deps.feeds.recordFailure(feed.id, {
        at: started.toISOString(),
        error,
        nextPollAt: new Date(started.getTime() + Math.max(backoff, retryAfter)).toISOString(),
        disable,
      });
      deps.logger.warn({ feed: feed.name, url: feed.url, err: error, failures }, 'feed poll failed');
      if (disable) {
        deps.logger.error({ feed: feed.name, url: feed.url, err: error }, 'feed disabled after failing too long');
        deps.onFeedDisabled?.(feed, error);
      }
      return { ...base, status: 'failed', error, disabled: disable };
    }
  }

  return { pollFeed };
}
export type Poller = ReturnType<typeof createPoller>;
