import type { Extractor } from '../core/change.js';
import type { Logger } from '../core/log.js';
import type { Config } from '../config/schema.js';
import type Database from 'better-sqlite3';
import { createSqliteArticleCache } from './article-cache.js';
import { createArticleFetcher, type ArticleFetcherDeps } from './article-fetcher.js';
import { withArticleFetching } from './enrich.js';

export interface ArticleWiringDeps {
  db: Database.Database;
  guard: ArticleFetcherDeps['guard'];
  logger: Logger;
  metrics?: ArticleFetcherDeps['metrics'];
}

/**
 * The extractor with article fetching for the feeds that ask for it (`fetchArticles: true`),
 * with the feeds' own User-Agent, time and size bounds; the extractor itself when none does.
 */
export function withConfiguredArticleFetching(extractor: Extractor, config: Pick<Config, 'feeds' | 'polling'>, deps: ArticleWiringDeps): Extractor {
  const feeds = new Set(config.feeds.filter((f) => f.fetchArticles).map((f) => f.name));
  if (!feeds.size) return extractor;
  const fetcher = createArticleFetcher({
    cache: createSqliteArticleCache(deps.db),
    guard: deps.guard,
    userAgent: config.polling.userAgent,
    timeoutMs: config.polling.timeoutMs,
    maxBytes: Math.min(config.polling.maxBytes, 5 * 1024 * 1024),
    maxRedirects: config.polling.maxRedirects,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  return withArticleFetching(extractor, fetcher, (item) => item.feed !== null && feeds.has(item.feed));
}
