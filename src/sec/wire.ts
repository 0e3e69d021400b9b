import type { Extractor } from '../core/change.js';
import type { Logger } from '../core/log.js';
import type { SecConfig } from '../config/schema.js';
import { createPoller, type Poller, type PollerOptions } from '../pipeline/poller.js';
import type { FeedRecord, FeedStore } from '../ports/feeds.js';
import type { SecFilingStore } from '../ports/sec-filings.js';
import { createSecClient } from './client.js';
import { createRateLimiter } from './rate-limit.js';
import { createSecSource, isSecFeed, SEC_FEED_NAME, SEC_FEED_URL, type FilingProcessor } from './source.js';

export interface SecPollingDeps {
  config: SecConfig;
  http: { timeoutMs: number; connectTimeoutMs: number; maxBytes: number; allowPrivateAddresses: boolean };
  feeds: FeedStore;
  filings: SecFilingStore;
  extractor: Extractor;
  processFiling: FilingProcessor;
  pollerOptions: PollerOptions;
  onFeedDisabled?: (feed: FeedRecord, error: string) => void | Promise<void>;
  logger: Logger;
  now: () => Date;
}

/**
 * The EDGAR source as the scheduler sees it: a feed record (`sec-edgar:8-K`) polled on
 * `sec.intervalMinutes` with the feeds' backoff and health, read by its own poller. One client
 * and one rate limiter serve every EDGAR request the process makes.
 */
export function createSecPolling(deps: SecPollingDeps): { poller: Poller; close(): void } {
  const c = deps.config;
  const client = createSecClient({
    userAgent: c.userAgent!,
    limiter: createRateLimiter({ perWindow: c.maxRequestsPerSecond }),
    timeoutMs: deps.http.timeoutMs,
    connectTimeoutMs: deps.http.connectTimeoutMs,
    maxBytes: deps.http.maxBytes,
    allowPrivateAddresses: deps.http.allowPrivateAddresses,
  });
  const source = createSecSource({
    options: { bases: { baseUrl: c.baseUrl, dataUrl: c.dataUrl }, latestFilings: c.latestFilings, companies: c.companies, lookbackDays: c.lookbackDays },
    client,
    filings: deps.filings,
    extractor: deps.extractor,
    processFiling: deps.processFiling,
    logger: deps.logger,
    now: deps.now,
  });
  const poller = createPoller({
    feeds: deps.feeds,
    reader: source.reader,
    items: source.items,
    logger: deps.logger,
    now: deps.now,
    options: deps.pollerOptions,
    onFeedDisabled: deps.onFeedDisabled,
  });
  return { poller, close: () => client.close() };
}

/**
 * Keeps the EDGAR source's feed record in step with the config: added when `sec.enabled`,
 * disabled (its filings and events kept) when not. Returns the URL to keep among config feeds.
 */
export async function syncSecFeed(feeds: FeedStore, config: SecConfig, now: string): Promise<string | null> {
  const existing = await feeds.getByUrl(SEC_FEED_URL);
  if (config.enabled) {
    const feed = await feeds.upsert({ url: SEC_FEED_URL, name: SEC_FEED_NAME, intervalMinutes: config.intervalMinutes }, now);
    if (feed.disabled && feed.disabledReason === DISABLED_BY_CONFIG) await feeds.setDisabled(feed.id, false);
    return SEC_FEED_URL;
  }
  if (existing && !existing.disabled) await feeds.setDisabled(existing.id, true, DISABLED_BY_CONFIG, now);
  return existing ? SEC_FEED_URL : null;
}

const DISABLED_BY_CONFIG = 'sec.enabled is false in the config';

/** Sends the EDGAR source's feed record to its poller and every other feed to the feed poller. */
export function routePolls(feedPoller: Poller, secPoller: Poller | null): Poller {
  return {
    pollFeed: (feed, signal) => (secPoller && isSecFeed(feed.url) ? secPoller.pollFeed(feed, signal) : feedPoller.pollFeed(feed, signal)),
  };
}
