import type Database from 'better-sqlite3';

/** 'ok': text found; 'none': the page had no readable article; 'error': the fetch failed. */
export type ArticleStatus = 'ok' | 'none' | 'error';

export interface CachedArticle {
  url: string;
  status: ArticleStatus;
  text: string | null;
  note: string | null;
  fetchedAt: string;
}

export interface ArticleCache {
  get(url: string): CachedArticle | null;
  put(entry: CachedArticle): void;
  /** Removes entries fetched before `before` (ISO time); returns how many. */
  prune(before: string): number;
}

/** The table comes from migration 0006 (src/store/migrations/0006_ops.ts). */

interface Row {
  url: string;
  status: ArticleStatus;
  text: string | null;
  note: string | null;
  fetched_at: string;
}

export function createSqliteArticleCache(db: Database.Database): ArticleCache {
  const get = db.prepare<[string], Row>('SELECT url, status, text, note, fetched_at FROM article_cache WHERE url = ?');
  const put = db.prepare(
    `INSERT INTO article_cache (url, status, text, note, fetched_at) VALUES (@url, @status, @text, @note, @fetchedAt)
     ON CONFLICT(url) DO UPDATE SET status = excluded.status, text = excluded.text, note = excluded.note, fetched_at = excluded.fetched_at`,
  );
  const prune = db.prepare('DELETE FROM article_cache WHERE fetched_at < ?');
  return {
    get(url) {
      const row = get.get(url);
      return row ? { url: row.url, status: row.status, text: row.text, note: row.note, fetchedAt: row.fetched_at } : null;
    },
    put(entry) {
      put.run(entry);
    },
    prune(before) {
      return prune.run(before).changes;
    },
  };
}
