import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type PollOutcome = 'ok' | 'not_modified' | 'error';

/**
 * The counters execwatch exposes at /metrics. Layers call these methods at the points where work
 * happens; no layer touches prom-client itself. Labels stay low in cardinality (no feed URLs).
 */
export interface Metrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** One feed fetched (counted whatever the outcome); failures are also counted by reason. */
  feedPolled(outcome: PollOutcome): void;
  feedFailed(reason: string): void;
  /** New items read from feeds (items seen before are not counted again). */
  itemsSeen(count: number): void;
  changesExtracted(extractor: string, count: number): void;
  /** target: the alert target's id (console, webhook:ID, channel:ID). */
  alertSent(target: string): void;
  alertFailed(target: string): void;
  /** outcome: 'ok' or the failure kind (timeout, rate_limited, schema …). */
  llmCall(model: string, outcome: string): void;
  llmTokens(model: string, prompt: number, completion: number): void;
  articleFetched(outcome: 'ok' | 'cached' | 'error'): void;
  /** A database operation failed (kind: full, io, corrupt, readonly, locked, cantopen, other). */
  storeFailed(kind: string): void;
  /** Starts timing one poll cycle; call the returned function when it ends. */
  startPollCycle(): () => number;
  observePollCycle(seconds: number): void;
  render(): Promise<string>;
}

export interface MetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag). On by default. */
  processMetrics?: boolean;
  prefix?: string;
}

export const POLL_CYCLE_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const p = options.prefix ?? 'execwatch_';
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: p });

  const feedPolls = new Counter({ name: `${p}feed_polls_total`, help: 'Feed fetches, by outcome', labelNames: ['outcome'], registers });
  const feedFailures = new Counter({ name: `${p}feed_failures_total`, help: 'Failed feed fetches, by reason', labelNames: ['reason'], registers });
  const itemsSeen = new Counter({ name: `${p}items_seen_total`, help: 'New items read from feeds', registers });
  const changes = new Counter({ name: `${p}changes_extracted_total`, help: 'Leadership changes extracted, by extractor', labelNames: ['extractor'], registers });
  const alertsSent = new Counter({ name: `${p}alerts_sent_total`, help: 'Alerts delivered, by target', labelNames: ['target'], registers });
  const alertsFailed = new Counter({ name: `${p}alerts_failed_total`, help: 'Alert deliveries that failed, by target', labelNames: ['target'], registers });
  const llmCalls = new Counter({ name: `${p}llm_calls_total`, help: 'LLM extraction calls, by model and outcome', labelNames: ['model', 'outcome'], registers });
  const llmTokens = new Counter({ name: `${p}llm_tokens_total`, help: 'LLM tokens used, by model and kind', labelNames: ['model', 'kind'], registers });
  const storeErrors = new Counter({ name: `${p}store_errors_total`, help: 'Failed database operations, by kind (full, io, corrupt …)', labelNames: ['kind'], registers });
  const articles = new Counter({ name: `${p}article_fetches_total`, help: 'Article pages fetched for extraction, by outcome', labelNames: ['outcome'], registers });
  const pollCycle = new Histogram({
    name: `${p}poll_cycle_duration_seconds`,
    help: 'Wall time of one poll cycle over the due feeds',
    buckets: POLL_CYCLE_BUCKETS,
    registers,
  });

  // Label values are pre-set so a scrape shows zeros before the first event, not a missing series.
  for (const outcome of ['ok', 'not_modified', 'error']) feedPolls.labels(outcome).inc(0);
  for (const kind of ['full', 'io', 'corrupt']) storeErrors.labels(kind).inc(0);

  const nonNegative = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

  return {
    registry,
    contentType: registry.contentType,
    feedPolled: (outcome) => feedPolls.labels(outcome).inc(),
    feedFailed: (reason) => feedFailures.labels(reason).inc(),
    itemsSeen: (count) => itemsSeen.inc(nonNegative(count)),
    changesExtracted: (extractor, count) => changes.labels(extractor).inc(nonNegative(count)),
    alertSent: (target) => alertsSent.labels(target).inc(),
    alertFailed: (target) => alertsFailed.labels(target).inc(),
    llmCall: (model, outcome) => llmCalls.labels(model, outcome).inc(),
    llmTokens: (model, prompt, completion) => {
      llmTokens.labels(model, 'prompt').inc(nonNegative(prompt));
      llmTokens.labels(model, 'completion').inc(nonNegative(completion));
    },
    articleFetched: (outcome) => articles.labels(outcome).inc(),
    storeFailed: (kind) => storeErrors.labels(kind).inc(),
    startPollCycle: () => {
      const end = pollCycle.startTimer();
      return () => end();
    },
    observePollCycle: (seconds) => pollCycle.observe(nonNegative(seconds)),
    render: () => registry.metrics(),
  };
}
