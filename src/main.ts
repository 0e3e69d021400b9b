import pino from 'pino';
import type { Extractor } from './core/change.js';
import type { Logger } from './core/log.js';
import type { LoadedConfig } from './config/load.js';
import { createBuiltinExtractor } from './extract/index.js';
import { createFeedReader } from './feeds/reader.js';
import type { FeedReader } from './feeds/types.js';
import type { AlertTarget } from './notify/alert.js';
import { createConsoleTarget } from './notify/console-target.js';
import { createDelivery } from './notify/delivery.js';
import { createBotRest, createChannelTarget } from './notify/discord-channel-target.js';
import { createWebhookTarget, splitWebhookUrls } from './notify/discord-webhook-target.js';
import { createItemProcessor } from './pipeline/process-item.js';
import { createPoller } from './pipeline/poller.js';
import { createScheduler } from './pipeline/scheduler.js';
import { createChangeStore } from './store/change-store.js';
import { openDatabase } from './store/db.js';
import { createDeliveryStore } from './store/delivery-store.js';
import { createFeedStore } from './store/feed-store.js';
import { createItemStore } from './store/item-store.js';

export interface AppOverrides {
  logger?: Logger;
  now?: () => Date;
  extractor?: Extractor;
  reader?: FeedReader;
  targets?: AlertTarget[];
}

export function createDefaultLogger(level = 'info'): Logger {
  // Logs go to stderr: stdout carries command output and console alerts.
  return pino({ level }, pino.destination(2));
}

/** Wires the adapters around the core for one configuration. Nothing starts until asked. */
export function createApp(loaded: LoadedConfig, overrides: AppOverrides = {}) {
  const { config, env } = loaded;
  const logger = overrides.logger ?? createDefaultLogger(env.LOG_LEVEL);
  const now = overrides.now ?? (() => new Date());
  const db = openDatabase(loaded.databasePath);
  const stores = {
    feeds: createFeedStore(db),
    items: createItemStore(db),
    changes: createChangeStore(db),
    deliveries: createDeliveryStore(db),
  };

  // The config file is the source of truth for config feeds; feeds added in Discord stay.
  const configured = new Set(config.feeds.map((f) => f.url));
  for (const f of config.feeds) stores.feeds.upsert({ url: f.url, name: f.name, intervalMinutes: f.intervalMinutes ?? null }, now().toISOString());
  for (const f of stores.feeds.list()) if (f.origin === 'config' && !configured.has(f.url)) stores.feeds.remove(f.id);

  const apiBase = env.DISCORD_API_URL ?? 'https://discord.com/api';
  const closers: Array<() => void> = [];
  const targets: AlertTarget[] = overrides.targets ?? [];
  if (!overrides.targets) {
    for (const url of splitWebhookUrls(env.DISCORD_WEBHOOK_URL)) {
      const t = createWebhookTarget(url, apiBase);
      closers.push(t.destroy);
      targets.push(t);
    }
    if (env.DISCORD_TOKEN && config.discord.channels.length) {
      const rest = createBotRest(env.DISCORD_TOKEN, apiBase);
      for (const channel of config.discord.channels) targets.push(createChannelTarget(rest, channel));
    }
    if (!targets.length) targets.push(createConsoleTarget());
  }

  const extractor = overrides.extractor ?? createBuiltinExtractor({ minConfidence: config.extraction.minConfidence });
  const reader = overrides.reader ?? createFeedReader({
    userAgent: config.polling.userAgent,
    timeoutMs: config.polling.timeoutMs,
    maxBytes: config.polling.maxBytes,
  });
  const delivery = createDelivery({ targets, store: stores.deliveries, logger, now });
  const processItem = createItemProcessor({
    db,
    items: stores.items,
    changes: stores.changes,
    extractor,
    delivery,
    logger,
    now,
    minConfidence: config.extraction.minConfidence,
  });
  const poller = createPoller({
    feeds: stores.feeds,
    reader,
    processItem,
    logger,
    now,
    options: {
      alertOnFirstPoll: config.polling.alertOnFirstPoll,
      defaultIntervalMinutes: config.polling.intervalMinutes,
      maxBackoffMinutes: config.polling.maxBackoffMinutes,
      disableAfterHours: config.polling.disableAfterHours,
    },
  });
  const scheduler = createScheduler({ feeds: stores.feeds, poller, logger, now, concurrency: config.polling.concurrency });

  let closed = false;
  return {
    config,
    env,
    db,
    stores,
    logger,
    targets,
    extractor,
    scheduler,
    /** Stops polling, waits for in-flight work within the bound, closes the database. */
    async close(graceMs = 5000): Promise<void> {
      if (closed) return;
      closed = true;
      await scheduler.stop(graceMs);
      for (const c of closers) c();
      db.close();
    },
  };
}
export type App = ReturnType<typeof createApp>;
