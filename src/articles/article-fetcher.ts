import { boundItemText } from '../core/bounds.js';
import type { NewsItem } from '../core/change.js';
import { silentLogger, type Logger } from '../core/log.js';
import type { ArticleCache, CachedArticle } from './article-cache.js';
import type { RobotsPolicy } from './robots.js';
import type * as MainTextModule from './main-text.js';

// linkedom and Readability take a second or more to load on a busy machine: loaded on the first
// article, so that start-up (and the container's health check) does not wait for them.
let mainText: Promise<typeof MainTextModule> | null = null;
const loadMainText = () => (mainText ??= import('./main-text.js'));

/** What the article fetcher needs of HTTP: the shape of the feeds' fetcher (src/feeds/http-fetch.ts). */
export interface ArticleHttp {
  /** GETs a URL, following redirects; HTTP errors come back as results, failures as throws. */
  get(url: string, headers?: Record<string, string>): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    /** The decompressed body. */
    body: Uint8Array;
    finalUrl: string;
  }>;
}

export interface ArticleFetcherDeps {
  cache: ArticleCache;
  /**
   * The feeds' own HTTP fetcher, so that article pages get the same SSRF guard (checked at connect
   * time and on every redirect), User-Agent, time, size and redirect bounds as feeds.
   */
  http: ArticleHttp;
  /** What each site's robots.txt allows; a page it forbids is not fetched (the item keeps its own text). */
  robots?: RobotsPolicy;
  /** Article fetches at once, across all feeds. */
  concurrency?: number;
  /** A failed fetch is tried again after this long; found text is kept until pruned. */
  retryFailuresAfterMs?: number;
  logger?: Logger;
  metrics?: { articleFetched(outcome: 'ok' | 'cached' | 'error'): void };
  now?: () => Date;
}

export interface ArticleFetcher {
  /** The main text of the article at `url`, or null when there is none. Never throws. */
  fetchArticleText(url: string): Promise<string | null>;
}

class ArticleFetchError extends Error {}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** The charset from the Content-Type header, else from the page's own <meta>, else UTF-8. */
function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: try the next source.
    }
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Fetches article pages for items that carry only a title or a short summary, and keeps their
 * main text. Bounded (time, size and redirects by the feeds' fetcher; concurrency here), polite
 * (the feeds' User-Agent naming the project; one fetch per URL however many items share it) and
 * cached in SQLite, so a page is fetched once and a failing page is not hammered.
 */
export function createArticleFetcher(deps: ArticleFetcherDeps): ArticleFetcher {
  const retryAfterMs = deps.retryFailuresAfterMs ?? 6 * 3600_000;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<string | null>>();
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  let active = 0;
  const waiting: Array<() => void> = [];

  async function withSlot<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next waiter, so the limit is never exceeded.
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  }

  // The cache is an optimisation: a failing store (a closed database at shutdown) must not turn
  // into a failed extraction.
  function cacheGet(url: string): CachedArticle | null {
    try {
      return deps.cache.get(url);
    } catch (err) {
      logger.warn({ url, err: (err as Error).message }, 'article cache unreadable');
      return null;
    }
  }
  function cachePut(entry: CachedArticle): void {
    try {
      deps.cache.put(entry);
    } catch (err) {
      logger.warn({ url: entry.url, err: (err as Error).message }, 'article cache not written');
    }
  }

  async function download(url: string): Promise<{ html: string; finalUrl: string }> {
    const res = await deps.http.get(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' });
    if (res.status < 200 || res.status > 299) throw new ArticleFetchError(`HTTP ${res.status}`);
    const header = res.headers['content-type'];
    const type = Array.isArray(header) ? header[0] ?? null : header ?? null;
    if (type && !HTML_TYPES.test(type)) throw new ArticleFetchError(`not an HTML page (${type.split(';')[0]})`);
    return { html: decodeBody(res.body, type), finalUrl: res.finalUrl };
  }

  async function fetchFresh(url: string): Promise<string | null> {
    const record = (status: CachedArticle['status'], text: string | null, note: string | null) =>
      cachePut({ url, status, text, note, fetchedAt: now().toISOString() });
    try {
      if (!/^https?:\/\//i.test(url)) throw new ArticleFetchError('only http(s) pages are fetched');
      const { html, finalUrl } = await withSlot(async () => {
        if (deps.robots && !(await deps.robots.allows(url))) throw new ArticleFetchError("the site's robots.txt does not allow fetching this page");
        return download(url);
      });
      const main = (await loadMainText()).extractMainText(html, finalUrl);
      record(main ? 'ok' : 'none', main?.text ?? null, main ? null : 'no readable article on the page');
      deps.metrics?.articleFetched('ok');
      return main?.text ?? null;
    } catch (err) {
      // The guard's refusal, a bad URL and fetch failures all end here: the item keeps its summary.
      const note = (err as Error).message;
      record('error', null, note);
      deps.metrics?.articleFetched('error');
      logger.debug({ url, err: note }, 'article fetch failed');
      return null;
    }
  }

  return {
    async fetchArticleText(url) {
      const cached = cacheGet(url);
      if (cached && (cached.status !== 'error' || now().getTime() - Date.parse(cached.fetchedAt) < retryAfterMs)) {
        deps.metrics?.articleFetched('cached');
        return cached.text;
      }
      const running = inFlight.get(url);
      if (running) return running;
      const task = fetchFresh(url).finally(() => inFlight.delete(url));
      inFlight.set(url, task);
      return task;
    },
  };
}

/** Items whose own text is shorter than this get their article fetched (when the feed asks). */
export const SHORT_ITEM_CHARS = 400;

/** Whether an item carries too little text to extract from, so that its article is worth fetching. */
export function needsArticleText(item: NewsItem, minChars = SHORT_ITEM_CHARS): boolean {
  if (!item.url || !/^https?:\/\//i.test(item.url)) return false;
  const own = Math.max((item.content ?? '').trim().length, (item.summary ?? '').trim().length);
  return own < minChars;
}

/**
 * The item with its article's main text as `content` when the item is short and the article can
 * be read; otherwise the item unchanged.
 */
export async function withArticleText(item: NewsItem, fetcher: ArticleFetcher, minChars = SHORT_ITEM_CHARS): Promise<NewsItem> {
  if (!needsArticleText(item, minChars) || !item.url) return item;
  const text = await fetcher.fetchArticleText(item.url);
  if (!text || text.length <= (item.content ?? '').length) return item;
  // The page's text enters the item here: it gets the bounds the feed's text got.
  return boundItemText({ ...item, content: text });
}
