import type { Migration } from './types.js';

/** The article-page cache (src/articles/article-cache.ts): one row per fetched URL. */
export const migration: Migration = {
  version: 6,
  name: 'ops',
  up: `
    CREATE TABLE article_cache (
      url TEXT PRIMARY KEY,
      status TEXT NOT NULL,                       -- 'ok' | 'none' | 'error'
      text TEXT,
      note TEXT,
      fetched_at TEXT NOT NULL
    );
    CREATE INDEX article_cache_fetched ON article_cache(fetched_at);
  `,
};
