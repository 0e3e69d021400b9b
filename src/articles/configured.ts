import type Database from 'better-sqlite3';
import type { Extractor } from '../core/change.js';
import type { Logger } from '../core/log.js';
import type { Config } from '../config/schema.js';
import { createHttpFetcher } from '../feeds/http-fetch.js';
import { createSqliteArticleCache } from './article-cache.js';
import { createArticleFetcher, type ArticleFetcherDeps } from './article-fetcher.js';
import { createRobotsPolicy } from './robots.js';
import { withArticleFetching } from './enrich.js';

/** Article pages are documents, not feeds: a smaller cap than a feed's is plenty. */
const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;
/** Items older than this are not re-read, so neither are their pages: the cache forgets them. */
const CACHE_DAYS = 30;

export interface ArticleWiringDeps {
  db: Database.Database;
  logger: Logger;
  metrics?: ArticleFetcherDeps['metrics'];
  /** Receives the function that closes the article fetcher's connections at shutdown. */
  onClose: (close: () => void) => void;
}

/**
 * The extractor with article fetching for the feeds that ask for it (`fetchArticles: true`),
 * through an HTTP fetcher built like the feeds' (the same SSRF guard, User-Agent, time, size and
 * redirect bounds); the extractor itself when no feed asks.
 */
export function withConfiguredArticleFetching(extractor: Extractor, config: Pick<Config, 'feeds' | 'polling'>, deps: ArticleWiringDeps): Extractor {
  const feeds = new Set(config.feeds.filter((f) => f.fetchArticles).map((f) => f.name));
  if (!feeds.size) return extractor;
  const http = createHttpFetcher({
    userAgent: config.polling.userAgent,
    connectTimeoutMs: config.polling.connectTimeoutMs,
    timeoutMs: config.polling.timeoutMs,
    maxBytes: Math.min(config.polling.maxBytes, ARTICLE_MAX_BYTES),
    maxRedirects: config.polling.maxRedirects,
    guard: { allowPrivate: config.polling.allowPrivateAddresses },
  });
  deps.onClose(() => http.close());
  const cache = createSqliteArticleCache(deps.db);
  cache.prune(new Date(Date.now() - CACHE_DAYS * 86_400_000).toISOString());
  const robots = createRobotsPolicy({ http, userAgent: config.polling.userAgent });
  const fetcher = createArticleFetcher({ cache, http, robots, logger: deps.logger, metrics: deps.metrics });
  return withArticleFetching(extractor, fetcher, (item) => item.feed !== null && feeds.has(item.feed));
}
