import { z } from 'zod';

// Every section is strict: an unknown key is a typo that would otherwise be ignored silently.

const FeedSchema = z.strictObject({
  name: z.string().min(1),
  /** An http(s) URL, or a local file path (relative to the config file) for tests and trials. */
  url: z.string().min(1),
  intervalMinutes: z.number().int().min(1).max(1440).optional(),
  /** Fetch the article page when items carry only a title or a short summary. */
  fetchArticles: z.boolean().optional(),
});
export type FeedConfig = z.infer<typeof FeedSchema>;

const PollingSchema = z.strictObject({
  intervalMinutes: z.number().int().min(1).max(1440).default(15),
  /** The first poll of a new feed records its items without alerting, so an install does not flood a channel. */
  alertOnFirstPoll: z.boolean().default(false),
  /**
   * …except items published within this many hours, which the first poll reads and alerts (0:
   * none). Leadership changes are rare, so a day or two of them cannot flood a channel.
   */
  backfillHours: z.number().min(0).max(24 * 30).default(48),
  userAgent: z.string().min(1).default('execwatch/0.1 (+https://github.com/execwatch/execwatch)'),
  timeoutMs: z.number().int().min(1000).max(300_000).default(20_000),
  connectTimeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  maxBytes: z.number().int().min(1024).max(200 * 1024 * 1024).default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  concurrency: z.number().int().min(1).max(256).default(16),
  perHostConcurrency: z.number().int().min(1).max(64).default(2),
  /** Allow feeds on loopback/private addresses (tests, or a feed server on your own network). */
  allowPrivateAddresses: z.boolean().default(false),
  /** A feed failing for longer than this is disabled and reported. */
  disableAfterHours: z.number().min(1).max(24 * 90).default(72),
  maxBackoffMinutes: z.number().int().min(1).max(7 * 24 * 60).default(360),
});

const ExtractionSchema = z.strictObject({
  /** Changes below this confidence are stored but do not alert. */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** Worker threads for parsing and the built-in extractor (default: the cores, at most 4); 0 runs them in the main thread, without a time budget. */
  workers: z.number().int().min(0).max(64).optional(),
  /** The longest one item's extraction may take; past it the item is recorded as failed (a poison item) and never read again. */
  itemBudgetMs: z.number().int().min(100).max(600_000).default(10_000),
});

/** USD per million tokens. */
const TokenPriceSchema = z.strictObject({
  input: z.number().min(0),
  output: z.number().min(0),
});

/** Which extractor runs; the LLM settings (docs/llm.md). */
const ExtractorSchema = z.strictObject({
  /** auto: the LLM when OPENAI_API_KEY is set, else the built-in extractor. */
  kind: z.enum(['auto', 'builtin', 'openai']).default('auto'),
  model: z.string().min(1).default('gpt-4o-mini'),
  /** An OpenAI-compatible server (Ollama, vLLM …); OPENAI_BASE_URL when unset. */
  baseURL: z.url().optional(),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  concurrency: z.number().int().min(1).max(64).default(2),
  /** Items sent to the LLM per UTC day (null: no limit); past it, the built-in extractor only. */
  maxItemsPerDay: z.number().int().min(0).nullable().default(1000),
  /** Tokens (prompt + completion) per UTC day (null: no limit). */
  maxTokensPerDay: z.number().int().min(0).nullable().default(1_500_000),
  /** auto: json_schema, switching to JSON mode when the server lacks it. */
  responseFormat: z.enum(['auto', 'json_schema', 'json_object']).default('auto'),
  maxOutputTokens: z.number().int().min(64).max(100_000).default(2000),
  /** Per-model prices for cost estimates, added to the built-in table (docs/llm.md). */
  prices: z.record(z.string().min(1), TokenPriceSchema).default({}),
});
export type ExtractorConfig = z.infer<typeof ExtractorSchema>;

/** The operations endpoint: /healthz, /readyz, /metrics (docs/operations.md). */
const HttpSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** EXECWATCH_HTTP_PORT overrides it (the Docker image's health check reads that variable). */
  port: z.number().int().min(0).max(65535).default(8080),
  /** 0.0.0.0 so a container's health check and Prometheus reach it; 127.0.0.1 keeps it local. */
  host: z.string().min(1).default('0.0.0.0'),
});

const EventsSchema = z.strictObject({
  /** Longest gap in days between two reports of one change (counted from its effective date too). */
  windowDays: z.number().min(1).max(365).default(14),
  /** A change whose corroborated confidence is below this waits for a second outlet before it alerts (0: never waits). */
  holdBelowConfidence: z.number().min(0).max(1).default(0),
});

const DiscordSchema = z.strictObject({
  /** Channel ids the bot posts every alert to (in addition to /subscribe subscriptions). */
  channels: z.array(z.string().regex(/^\d{5,25}$/, 'a Discord channel id (digits)')).default([]),
  /** Channel id for operational notices (a feed disabled, a subscription paused). */
  adminChannel: z.string().regex(/^\d{5,25}$/, 'a Discord channel id (digits)').nullable().default(null),
  /** Gateway shards: null (one), a number, or 'auto' (as many as Discord recommends; past 2,500 guilds). */
  shards: z.union([z.literal('auto'), z.number().int().min(1).max(1024)]).nullable().default(null),
});

/** The split roles on Postgres (`execwatch run --role …`, docs/scaling.md). */
const RolesSchema = z.strictObject({
  /** Polls at once per worker (default: polling.concurrency). */
  concurrency: z.number().int().min(1).max(256).optional(),
  /** A poll job running longer counts as lost (its worker died) and runs on another worker. */
  jobExpireSeconds: z.number().int().min(10).max(3600).default(300),
  /** A delivery a worker claimed longer ago than this (it died mid-post) is taken over by another. */
  deliveryLeaseSeconds: z.number().int().min(10).max(3600).default(120),
  /** How often a worker retries deliveries left undone. */
  retryEverySeconds: z.number().int().min(5).max(3600).default(60),
  /** How often the scheduler looks for due feeds. */
  tickSeconds: z.number().int().min(1).max(60).default(5),
});

// SEC fair access asks every automated client to declare who it is, with a way to reach them.
const CONTACT_EMAIL = /(?<![^\s@<>(),;"])[^\s@<>(),;"]+@[^\s@<>(),;"]+\.[A-Za-z]{2,}/;
const CompanySchema = z.union([z.number().int().positive(), z.string().trim().regex(/^(?:\d{1,10}|[A-Za-z][A-Za-z0-9.-]{0,9})$/, 'a CIK (digits) or a ticker')]).transform(String);

/** SEC EDGAR Form 8-K Item 5.02 as a source (docs/sec.md). */
const SecSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Who is asking, with a contact e-mail address: "Acme Research ops@acme.example". Required to enable. */
  userAgent: z.string().trim().min(1).nullable().default(null),
  intervalMinutes: z.number().int().min(1).max(1440).default(10),
  /** Read the latest-filings feed of every company's 8-Ks (false: only the companies below). */
  latestFilings: z.boolean().default(true),
  /** A watch list of CIKs or tickers, read from their submissions (filings the latest feed may have scrolled past). */
  companies: z.array(CompanySchema).default([]),
  /** Filings older than this in a company's submissions are not read. */
  lookbackDays: z.number().int().min(1).max(90).default(14),
  /** EDGAR's limit is 10 requests per second for all of a client's traffic. */
  maxRequestsPerSecond: z.number().min(0.1).max(10).default(10),
  baseUrl: z.url().default('https://www.sec.gov'),
  dataUrl: z.url().default('https://data.sec.gov'),
}).superRefine((sec, ctx) => {
  if (sec.enabled && !(sec.userAgent && CONTACT_EMAIL.test(sec.userAgent))) {
    ctx.addIssue({
      code: 'custom',
      path: ['userAgent'],
      message: 'a User-Agent with a contact e-mail address before sec.enabled can be true (SEC fair access), e.g. "Acme Research ops@acme.example"',
    });
  }
});
export type SecConfig = z.infer<typeof SecSchema>;

/** Where the data lives when it is not the SQLite file in dataDir (docs/scaling.md). */
const DatabaseSchema = z.strictObject({
  /**
   * postgres://user@host:5432/db selects Postgres instead of SQLite; DATABASE_URL overrides it.
   * A password belongs in DATABASE_URL (the environment), not in this file.
   */
  url: z.string().trim().min(1).nullable().default(null),
});

export const ConfigSchema = z.strictObject({
  /** Where the SQLite database lives; EXECWATCH_DATA_DIR overrides it. */
  dataDir: z.string().min(1).default('./data'),
  database: DatabaseSchema.default(DatabaseSchema.parse({})),
  polling: PollingSchema.default(PollingSchema.parse({})),
  extraction: ExtractionSchema.default(ExtractionSchema.parse({})),
  events: EventsSchema.default(EventsSchema.parse({})),
  extractor: ExtractorSchema.default(ExtractorSchema.parse({})),
  discord: DiscordSchema.default(DiscordSchema.parse({})),
  http: HttpSchema.default(HttpSchema.parse({})),
  sec: SecSchema.default(SecSchema.parse({})),
  roles: RolesSchema.default(RolesSchema.parse({})),
  feeds: z.array(FeedSchema).default([]),
});
export type Config = z.infer<typeof ConfigSchema>;

const optionalSecret = z.string().trim().min(1).optional().catch(undefined);

/** Secrets and locations come from the environment only, never from the config file. */
export const EnvSchema = z.object({
  EXECWATCH_CONFIG: z.string().min(1).optional(),
  EXECWATCH_DATA_DIR: z.string().min(1).optional(),
  /** postgres://… selects Postgres (overrides database.url); it may carry a password, so it is never echoed. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  DISCORD_TOKEN: optionalSecret,
  /** One or more webhook URLs, separated by commas or whitespace. */
  DISCORD_WEBHOOK_URL: optionalSecret,
  DISCORD_API_URL: z.url().optional(),
  OPENAI_API_KEY: optionalSecret,
  OPENAI_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Overrides http.port. */
  EXECWATCH_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});
export type Env = z.infer<typeof EnvSchema>;
