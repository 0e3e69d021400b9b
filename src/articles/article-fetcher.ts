import type { NewsItem } from '../core/change.js';
import { silentLogger, type Logger } from '../core/log.js';
import type { ArticleCache, CachedArticle } from './article-cache.js';
import { extractMainText } from './main-text.js';

export interface ArticleFetcherDeps {
  cache: ArticleCache;
  /**
   * The SSRF guard feeds use: says why a URL may not be fetched (a host resolving to a loopback,
   * private, link-local or metadata address unless the config allows it), or null when it may.
   * Asked for the first URL and for every redirect hop.
   */
  guard: (url: URL) => Promise<string | null>;
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Article fetches at once, across all feeds. */
  concurrency?: number;
  /** A failed fetch is tried again after this long; found text is kept until pruned. */
  retryFailuresAfterMs?: number;
  fetch?: typeof fetch;
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

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new ArticleFetchError(`the page is larger than ${maxBytes} bytes`);
  }
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ArticleFetchError(`the page is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches article pages for items that carry only a title or a short summary, and keeps their
 * main text. Bounded (time, size, redirects, concurrency), polite (a User-Agent naming the
 * project, one fetch per URL however many items share it) and cached in SQLite, so a page is
 * fetched once and a failing page is not hammered.
 */
export function createArticleFetcher(deps: ArticleFetcherDeps): ArticleFetcher {
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const maxBytes = deps.maxBytes ?? 3 * 1024 * 1024;
  const maxRedirects = deps.maxRedirects ?? 5;
  const retryAfterMs = deps.retryFailuresAfterMs ?? 6 * 3600_000;
  const doFetch = deps.fetch ?? fetch;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<string | null>>();
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  let active = 0;
  const waiting: Array<() => void> = [];

  async function withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  }

  async function download(start: URL): Promise<{ html: string; finalUrl: string }> {
    const signal = AbortSignal.timeout(timeoutMs);
    let url = start;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArticleFetchError(`only http(s) pages are fetched, not ${url.protocol}`);
      const refused = await deps.guard(url);
      if (refused) throw new ArticleFetchError(refused);
      let res: Response;
      try {
        res = await doFetch(url, {
          headers: { 'user-agent': deps.userAgent, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' },
          redirect: 'manual',
          signal,
        });
      } catch (err) {
        const e = err as Error;
        if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new ArticleFetchError(`no complete answer within ${timeoutMs} ms`);
        throw new ArticleFetchError(`cannot reach ${url.host}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) throw new ArticleFetchError(`more than ${maxRedirects} redirects`);
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ArticleFetchError(`HTTP ${res.status}`);
      }
      const type = res.headers.get('content-type');
      if (type && !HTML_TYPES.test(type)) {
        await res.body?.cancel();
        throw new ArticleFetchError(`not an HTML page (${type.split(';')[0]})`);
      }
      try {
        return { html: decodeBody(await readCapped(res, maxBytes), type), finalUrl: url.href };
      } catch (err) {
        const e = err as Error;
        if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new ArticleFetchError(`no complete answer within ${timeoutMs} ms`);
        throw err;
      }
    }
  }

  async function fetchFresh(url: string): Promise<string | null> {
    const record = (status: CachedArticle['status'], text: string | null, note: string | null) =>
      deps.cache.put({ url, status, text, note, fetchedAt: now().toISOString() });
    try {
      const { html, finalUrl } = await withSlot(() => download(new URL(url)));
      const main = extractMainText(html, finalUrl);
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
      const cached = deps.cache.get(url);
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
  return { ...item, content: text };
}
