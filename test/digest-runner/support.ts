import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventMerger } from '../../src/core/events/merger.js';
import { parseDigestSchedule, type DigestScheduleInput } from '../../src/digest/schedule.js';
import { createBuiltinExtractor } from '../../src/extract/index.js';
import type { FeedEntry } from '../../src/feeds/types.js';
import { createDelivery } from '../../src/notify/delivery.js';
import { createDigestDelivery } from '../../src/notify/digest-delivery.js';
import { createDigestResolver } from '../../src/discord/targets/digest-target.js';
import { createBotRest } from '../../src/discord/targets/rest.js';
import { createChannelResolver, createSubscriptionRouter } from '../../src/discord/targets/subscriptions.js';
import { createDigestRunner } from '../../src/pipeline/digest-runner.js';
import { createItemProcessor } from '../../src/pipeline/process-item.js';
import type { VegaLiteSpec } from '../../src/timeline/chart-theme.js';
import type { SubscriptionFilters } from '../../src/ports/subscriptions.js';
import { openSqliteStores } from '../../src/store/open-sqlite.js';
import { captureLogger } from '../discord/harness.js';

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'execwatch-digests-')), 'execwatch.db');

export const noFilter: SubscriptionFilters = { companies: [], people: [], roles: [], directions: [], minConfidence: 0 };

/** A clock the test moves: every part of the world reads it. */
export const createClock = (iso: string) => {
  let t = Date.parse(iso);
  return { now: () => new Date(t), set: (at: string) => void (t = Date.parse(at)) };
};

export interface Story {
  /** A headline the built-in extractor reads, such as "Globex names Ann Able chief financial officer". */
  headline: string;
  slug: string;
}

export const story = (headline: string): Story => ({ headline, slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, '-') });

/**
 * The app's digest path on a real SQLite file: the item pipeline with the built-in extractor
 * (so events are stored as in production), alert delivery routed by subscription, and the digest
 * runner, all on one clock, posting to the Discord emulator (or any Discord-shaped server) with
 * the real discord.js REST client.
 */
export async function openWorld(opts: { apiUrl: string; token: string; path?: string; clock: ReturnType<typeof createClock>; renderChart?: (spec: VegaLiteSpec) => Promise<Buffer> }) {
  const { path, db, opened } = openSqliteStores(opts.path ?? tempDbPath());
  const { stores, work } = opened;
  const { now } = opts.clock;
  const logs = captureLogger();
  const rest = createBotRest(opts.token, opts.apiUrl);
  const router = createSubscriptionRouter(stores.subscriptions, rest);
  const delivery = createDelivery({
    targets: [], store: stores.deliveries, logger: logs.logger, now,
    route: async (alert) => router(alert), resolve: createChannelResolver(rest),
  });
  const processor = createItemProcessor({
    work, items: stores.items, changes: stores.changes, extractor: createBuiltinExtractor(), delivery,
    events: createEventMerger({ repository: stores.events, now }), logger: logs.logger, now, minConfidence: 0.5,
    onPoisonItem: () => undefined,
  });
  const feed = await stores.feeds.upsert({ url: 'https://feeds.example/news.xml', name: 'Example News' }, now().toISOString());
  const digests = createDigestRunner({
    work, subscriptions: stores.subscriptions, events: stores.digestEvents, deliveries: stores.deliveries, logger: logs.logger, now,
    delivery: createDigestDelivery({ store: stores.deliveries, resolve: createDigestResolver(rest), logger: logs.logger, now, renderChart: opts.renderChart }),
  });
  return {
    path, db, stores, digests, logs: logs.lines,
    /** The story is read (its item seen) at `at`, and its alerts delivered. */
    async report(s: Story, at: string) {
      opts.clock.set(at);
      const entry: FeedEntry = {
        id: `https://news.example/${s.slug}`, title: s.headline, summary: `${s.headline}, the company said.`, content: null,
        url: `https://news.example/${s.slug}`, publishedAt: at,
      };
      await processor.process(entry, feed, false);
      await delivery.retryPending();
    },
    /** A tick of the digest runner at `at`. */
    tick(at: string) {
      opts.clock.set(at);
      return digests.tick();
    },
    subscribe(channelId: string, filters: Partial<SubscriptionFilters>, mode: { schedule: DigestScheduleInput; postEmpty?: boolean } | null) {
      return stores.subscriptions.upsert({
        guildId: 'guild', channelId, filters: { ...noFilter, ...filters }, createdBy: null,
        mode: mode ? { mode: 'digest', schedule: parseDigestSchedule(mode.schedule), postEmpty: mode.postEmpty ?? false } : { mode: 'alert' },
      }, now().toISOString());
    },
    close: () => opened.close(),
  };
}
