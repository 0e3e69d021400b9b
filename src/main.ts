import type { Extractor } from './core/change.js';
import type { Logger } from './core/log.js';
import { ConfigError, type LoadedConfig } from './config/load.js';
import { createBuiltinExtractor } from './extract/index.js';
import { createConfiguredExtractor } from './llm/configured.js';
import type { BudgetNotice } from './llm/openai-extractor.js';
import { createFeedReader } from './feeds/reader.js';
import type { FeedReader } from './feeds/types.js';
import type { FeedRecord, FeedStore } from './ports/feeds.js';
import type { AlertTarget } from './notify/alert.js';
import { createConsoleTarget } from './notify/console-target.js';
import { createDelivery } from './notify/delivery.js';
import { createCircuitBreaker } from './notify/circuit-breaker.js';
import { createChannelResolver, createSubscriptionRouter, createUnreachableHandler } from './discord/targets/subscriptions.js';
import { createAdminNotice } from './discord/targets/admin-notice.js';
import { createChannelTarget } from './discord/targets/channel-target.js';
import { createDigestResolver } from './discord/targets/digest-target.js';
import { createDigestDelivery } from './notify/digest-delivery.js';
import { createDigestRunner } from './pipeline/digest-runner.js';
import { canonicalApiBase, parseWebhookUrl, splitWebhookUrls } from './discord/targets/webhook-url.js';
import { escapeText } from './discord/markdown.js';
import type { DiscordKit } from './discord/kit.js';
import { createItemProcessor, type PoisonNotice } from './pipeline/process-item.js';
import { createPooledExtractor, createPooledParser, createWorkerPool, type WorkerPool } from './pool/worker-pool.js';
import { createPoller } from './pipeline/poller.js';
import { createScheduler } from './pipeline/scheduler.js';
import { createEventMerger } from './core/events/merger.js';
import { openBackend, type Backend } from './backend.js';
import type { Role } from './roles/role.js';
import { explainStoreError, isSqliteError } from './store/health.js';
import { announceDatabase, createStoreWatch } from './ops/store-watch.js';
import { withConfiguredArticleFetching } from './articles/configured.js';
import { createAddressGuard } from './discord/feed-check.js';
import { createLogger } from './ops/logger.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import type { Readiness } from './ops/http-server.js';
import { countPolls } from './ops/pipeline-metrics.js';
import { createLlmStore } from './store/llm-store.js';
import { createSecPolling, routePolls, syncSecFeed } from './sec/wire.js';

export interface AppOverrides {
  logger?: Logger;
  now?: () => Date;
  extractor?: Extractor;
  reader?: FeedReader;
  targets?: AlertTarget[];
  metrics?: Metrics;
  /** Told when a feed is disabled after failing too long (the admin channel notice). */
  onFeedDisabled?: (feed: FeedRecord, error: string) => void | Promise<void>;
  /** An item over its time budget, recorded as failed (called once per item): the admin notice. */
  onPoisonItem?: (notice: PoisonNotice) => void | Promise<void>;
  /** The LLM's daily budget ran out (called once a day): the admin alert. */
  onLlmBudgetExceeded?: (notice: BudgetNotice) => void | Promise<void>;
  /** discord.js and the bot, loaded by `openApp` only when Discord is configured. */
  discordKit?: DiscordKit;
  /** The part of the bot this process is (`run --role`; default all): what it syncs and how it delivers. */
  role?: Role;
}

const discordConfigured = (env: LoadedConfig['env']): boolean =>
  Boolean(env.DISCORD_TOKEN) || splitWebhookUrls(env.DISCORD_WEBHOOK_URL).length > 0;

/**
 * The webhook URLs, checked before anything starts: each is posted to the host it names, so a
 * DISCORD_API_URL naming another host is a contradiction to fix, not a choice to guess.
 * Messages name hosts only: the URL's token is a secret.
 */
export function checkWebhookUrls(env: LoadedConfig['env']): string[] {
  const urls = splitWebhookUrls(env.DISCORD_WEBHOOK_URL);
  const api = env.DISCORD_API_URL ? canonicalApiBase(env.DISCORD_API_URL) : null;
  for (const [i, url] of urls.entries()) {
    let apiBase: string;
    try {
      apiBase = parseWebhookUrl(url).apiBase;
    } catch (err) {
      throw new ConfigError(`${(err as Error).message} (URL number ${i + 1} of DISCORD_WEBHOOK_URL)`);
    }
    if (api && api !== apiBase) {
      throw new ConfigError(
        `DISCORD_WEBHOOK_URL points at ${new URL(apiBase).host} but DISCORD_API_URL is ${api}: a webhook is posted to the host in its own URL. ` +
          'Unset DISCORD_API_URL, or use webhook URLs of the server it names.',
      );
    }
  }
  return urls;
}

/** `createApp`, after loading the Discord parts when the environment asks for them. */
export async function openApp(loaded: LoadedConfig, overrides: AppOverrides = {}) {
  const discordKit = overrides.discordKit ?? (discordConfigured(loaded.env) ? await import('./discord/kit.js') : undefined);
  return createApp(loaded, { ...overrides, discordKit });
}

export function createDefaultLogger(level = 'info', env: Readonly<Record<string, unknown>> = process.env): Logger {
  // Logs go to stderr: stdout carries command output and console alerts. Secrets are scrubbed.
  return createLogger({ level, env, sink: process.stderr });
}

/**
 * The config file is the source of truth for config feeds (feeds added in Discord stay). A config
 * feed that moved (a permanent redirect) is still the feed its old address names, until the
 * config names the new one; the operator is reminded on every start.
 */
async function syncConfigFeeds(
  feeds: LoadedConfig['config']['feeds'], store: FeedStore, configPath: string, logger: Logger, now: () => Date, keep: string | null,
): Promise<void> {
  const configured = new Set(feeds.map((f) => f.url));
  // The SEC source's feed record (src/sec/wire.ts) is the config's too, though not under feeds:.
  if (keep) configured.add(keep);
  // Nothing to remember for a user feed (earlier versions kept any redirect's target in that
  // column) or for a config feed whose address the config names.
  for (const f of await store.list()) if (f.movedFrom && (f.origin !== 'config' || configured.has(f.url))) await store.clearMovedFrom(f.id);
  const stored = (await store.list()).filter((f) => f.origin === 'config');
  for (const f of feeds) {
    const movedAway = (await store.getByUrl(f.url)) ? undefined : stored.find((s) => s.movedFrom === f.url);
    if (movedAway) logger.warn({ feed: f.name, url: f.url, movedTo: movedAway.url }, `a feed of the config moved permanently: update its url in ${configPath}`);
    await store.upsert({ url: movedAway?.url ?? f.url, name: f.name, intervalMinutes: f.intervalMinutes ?? null }, now().toISOString());
  }
  for (const f of await store.list()) {
    if (f.origin === 'config' && !configured.has(f.url) && !(f.movedFrom && configured.has(f.movedFrom))) await store.remove(f.id);
  }
}

/**
 * Opens the configured backend; the scheduler (or the single process) writes the config's feeds
 * to it. Other roles leave them to the scheduler: several processes syncing at once would race.
 */
async function openStoresFor(loaded: LoadedConfig, role: Role, logger: Logger, now: () => Date): Promise<Backend> {
  const { config } = loaded;
  const backend = await openBackend(loaded, now, (config.roles.concurrency ?? config.polling.concurrency) + 4);
  const { feeds } = backend.opened.stores;
  try {
    if (role === 'all' || role === 'scheduler') {
      const secFeed = await syncSecFeed(feeds, config.sec, now().toISOString());
      await syncConfigFeeds(config.feeds, feeds, loaded.path, logger, now, secFeed);
      if (!(await feeds.list()).some((f) => !f.disabled)) {
        logger.warn({ config: loaded.path }, `no feeds to poll: add some under "feeds:" in ${loaded.path} (or with /feeds add in Discord); until then execwatch reads nothing`);
      }
    }
  } catch (err) {
    await backend.close();
    throw isSqliteError(err) ? explainStoreError(err, loaded.databasePath) : err;
  }
  return backend;
}

/**
 * Wires the adapters around the core for one configuration. Nothing starts until asked.
 * Asynchronous: the config's feeds are written to the store before anything reads them.
 */
export async function createApp(loaded: LoadedConfig, overrides: AppOverrides = {}) {
  const { config, env } = loaded;
  const kit = overrides.discordKit ?? null;
  if (discordConfigured(env) && !kit) throw new Error('Discord is configured in the environment: open the app with openApp(), which loads discord.js');
  const webhookUrls = checkWebhookUrls(env);
  const logger = overrides.logger ?? createDefaultLogger(env.LOG_LEVEL, env);
  const metrics = overrides.metrics ?? createMetrics();
  const now = overrides.now ?? (() => new Date());
  const role = overrides.role ?? 'all';
  const backend = await openStoresFor(loaded, role, logger, now);
  const { records, local: db } = backend;
  const { stores, work } = backend.opened;

  const apiBase = env.DISCORD_API_URL ?? 'https://discord.com/api';
  const closers: Array<() => void> = [];
  const targets: AlertTarget[] = overrides.targets ?? [];
  // Invalid Discord requests (401/403/429) are counted across every client; too many pause delivery.
  const breaker = createCircuitBreaker({ onOpen: (n) => logger.error({ invalidRequests: n }, 'too many invalid Discord requests: delivery paused for 10 minutes') });
  const botRest = kit && env.DISCORD_TOKEN ? kit.createBotRest(env.DISCORD_TOKEN, apiBase, breaker) : null;
  if (!overrides.targets) {
    if (kit) {
      for (const url of webhookUrls) {
        const t = kit.createWebhookTarget(url, breaker);
        closers.push(t.destroy);
        targets.push(t);
      }
    }
    if (botRest) for (const channel of config.discord.channels) targets.push(createChannelTarget(botRest, channel));
    // With a bot token, /subscribe decides where alerts go; the console is for installs with no Discord.
    if (!targets.length && !botRest) targets.push(createConsoleTarget());
  }

  const adminNotice = createAdminNotice({ rest: botRest, adminChannel: config.discord.adminChannel, logger });
  const storeHealth = createStoreWatch({ file: backend.shown, logger, metrics, notice: adminNotice });
  if (backend.sqlite) announceDatabase(backend.sqlite, loaded.databasePath, logger, adminNotice);
  const onFeedDisabled = overrides.onFeedDisabled ?? ((feed: FeedRecord, error: string) => adminNotice(
    `execwatch disabled the feed "${escapeText(feed.name)}" (${escapeText(feed.url)}) after it failed for ${config.polling.disableAfterHours} h: ${escapeText(error)}. ` +
      `Fix it, then re-enable it with \`execwatch feeds enable ${feed.id}\` (or remove it).`,
    { feed: feed.name },
  ));
  const onLlmBudgetExceeded = overrides.onLlmBudgetExceeded ?? ((n: BudgetNotice) => adminNotice(
    `execwatch reached its daily LLM ${n.which} budget (${n.limit}) for ${n.model} on ${n.day}: the built-in extractor handles items until the next UTC day.`,
    { budget: n.which },
  ));

  const onPoisonItem = overrides.onPoisonItem ?? ((n: PoisonNotice) => adminNotice(
    `execwatch gave up on an item of "${n.feed}" (${n.url ?? n.itemId}): ${n.reason}. It is recorded as failed and will not be read again; the feed's other items go on.`,
    { feed: n.feed, item: n.itemId },
  ));

  // Parsing and the built-in extractor run in worker threads with a time budget per item, so no
  // document or item can hold the event loop (health checks, Discord, other feeds' timeouts).
  const workers = config.extraction.workers;
  const pool: WorkerPool | null = workers === 0 ? null : createWorkerPool({ threads: workers, itemBudgetMs: config.extraction.itemBudgetMs });
  // extractor.kind auto: the LLM when OPENAI_API_KEY is set, the built-in extractor as its fallback.
  const builtin = pool ? createPooledExtractor(pool) : createBuiltinExtractor();
  const extractor = overrides.extractor
    ?? createConfiguredExtractor({ settings: config.extractor, env, store: createLlmStore(db), builtin, logger, now, onBudgetExceeded: onLlmBudgetExceeded, onCall: (e) => { metrics.llmCall(e.model, e.outcome); metrics.llmTokens(e.model, e.promptTokens, e.completionTokens); } }).extractor;
  const ownReader = overrides.reader ? null : createFeedReader({
    userAgent: config.polling.userAgent,
    timeoutMs: config.polling.timeoutMs,
    connectTimeoutMs: config.polling.connectTimeoutMs,
    maxBytes: config.polling.maxBytes,
    maxRedirects: config.polling.maxRedirects,
    allowPrivateAddresses: config.polling.allowPrivateAddresses,
    parse: pool ? createPooledParser(pool) : undefined,
  });
  if (ownReader) closers.push(ownReader.close);
  const reader = overrides.reader ?? ownReader!;
  const onUnreachable = createUnreachableHandler({ subscriptions: stores.subscriptions, rest: botRest, adminChannel: config.discord.adminChannel, logger, now });
  const router = botRest ? createSubscriptionRouter(stores.subscriptions, botRest) : null;
  const delivery = createDelivery({
    targets, store: stores.deliveries, logger, now, metrics, breaker,
    route: router ? async (alert) => router(alert) : undefined,
    resolve: botRest ? createChannelResolver(botRest) : undefined,
    onUnreachable,
    // A worker takes over a post another worker claimed longer ago than the lease (it died mid-post).
    ...(role === 'worker' ? { staleBefore: () => new Date(now().getTime() - config.roles.deliveryLeaseSeconds * 1000).toISOString() } : {}),
  });
  // Digest subscriptions exist only with a bot (/subscribe … mode:digest); their charts are drawn
  // by vega, imported on the first digest that has one.
  const digests = botRest
    ? createDigestRunner({
      work, subscriptions: stores.subscriptions, events: stores.digestEvents, deliveries: stores.deliveries, logger, now,
      delivery: createDigestDelivery({
        store: stores.deliveries, resolve: createDigestResolver(botRest), logger, now, breaker, onUnreachable,
        renderChart: async (spec) => (await (await import('./render/chart.js')).renderChartPng(spec)).png,
      }),
    })
    : null;
  const itemDeps = {
    work,
    items: stores.items,
    changes: stores.changes,
    extractor,
    delivery,
    events: createEventMerger({ repository: stores.events, options: config.events, now }),
    logger,
    now,
    minConfidence: config.extraction.minConfidence,
    onPoisonItem,
  };
  const itemProcessor = createItemProcessor({
    ...itemDeps,
    extractor: withConfiguredArticleFetching(extractor, config, { db, logger, metrics, onClose: (c) => closers.push(c) }),
  });
  const pollerOptions = {
    alertOnFirstPoll: config.polling.alertOnFirstPoll,
    // A database that replaces a lost one must not post again what the lost one had posted.
    backfillHours: backend.sqlite?.replaced ? 0 : config.polling.backfillHours,
    defaultIntervalMinutes: config.polling.intervalMinutes,
    maxBackoffMinutes: config.polling.maxBackoffMinutes,
    disableAfterHours: config.polling.disableAfterHours,
  };
  // SEC EDGAR (src/sec): its own poller on the same scheduler, its filings through the same pipeline.
  const sec = config.sec.enabled
    ? createSecPolling({
      config: config.sec, http: config.polling, feeds: stores.feeds, filings: stores.filings, extractor, pollerOptions, onFeedDisabled, logger, now,
      processFiling: (filingExtractor, mergeOptions) => createItemProcessor({ ...itemDeps, extractor: filingExtractor, mergeOptions }).process,
    })
    : null;
  if (sec) closers.push(sec.close);
  const poller = countPolls(routePolls(createPoller({
    feeds: stores.feeds,
    reader,
    items: itemProcessor,
    logger,
    now,
    options: pollerOptions,
    onFeedDisabled,
    store: storeHealth,
  }), sec?.poller ?? null), metrics, extractor.name);
  const scheduler = createScheduler({
    feeds: stores.feeds, poller, logger, now, concurrency: config.polling.concurrency, perHostConcurrency: config.polling.perHostConcurrency,
    onCycle: (_outcomes, ms) => metrics.observePollCycle(ms / 1000),
    store: storeHealth,
  });
  // The gateway bot (slash commands) runs only with a token; alerts need only REST.
  const discord = kit && env.DISCORD_TOKEN
    ? kit.createDiscordApp({
      token: env.DISCORD_TOKEN, apiBase, stores: { ...stores, records }, reader, logger, now,
      guard: createAddressGuard({ allowPrivateAddresses: config.polling.allowPrivateAddresses }),
      minConfidence: config.extraction.minConfidence,
      shards: config.discord.shards,
    })
    : null;

  let closed = false;
  return {
    config,
    env,
    /** The SQLite database (on Postgres: this process's in-memory one, see Backend.local). */
    db,
    /** Which backend, and how to reach it. */
    backend,
    role,
    stores,
    /** The unit of work the stores share (what lands together, or not at all). */
    work,
    /** What `/changes`, `/timeline` and `execwatch export` read. */
    records,
    logger,
    targets,
    extractor,
    scheduler,
    /** One feed's poll (fetch, extract, store, merge, deliver): what the scheduler and a worker run. */
    poller,
    metrics,
    delivery,
    /** The database's health: failures counted and explained, whether writes work. */
    storeHealth,
    /** What /readyz checks: the database open and writable, the scheduler running, the bot logged in. */
    async readiness(): Promise<Readiness> {
      const store = storeHealth.state();
      const failing = !store.writable && store.lastError;
      return {
        role,
        store: (await backend.reachable()) && store.writable,
        scheduler: scheduler.running,
        discord: discord ? discord.bot.isReady() : null,
        ...(failing ? { errors: { store: failing.message } } : {}),
      };
    },
    /** The gateway bot, when DISCORD_TOKEN is set: `await app.discord?.bot.start()`. */
    discord,
    /** Digest subscriptions' runner (with a bot token): `start()` ticks every minute. */
    digests,
    /** Finishes deliveries a crash or a Discord outage left undone; run at start-up. */
    resumeDeliveries: () => delivery.retryPending(),
    /** The worker threads (null with extraction.workers 0). */
    pool,
    /**
     * Stops polling (in-flight polls stop after their current item; extractions running in the
     * pool are cut short and left for the next start), lets delivery finish within the bound,
     * closes the database.
     */
    async close(graceMs = 5000): Promise<void> {
      if (closed) return;
      closed = true;
      const polls = scheduler.stop(graceMs);
      await pool?.close();
      await polls;
      await delivery.stop(graceMs);
      await digests?.stop();
      await discord?.bot.stop();
      for (const c of closers) c();
      await backend.close();
    },
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
