import { createFeedReader, isHttpSource, type FeedReaderOptions } from './reader.js';
import { assertPublicUrl } from './ssrf.js';
import { FeedError, type FeedFormat, type FeedReader } from './types.js';

export interface InspectResult {
  ok: boolean;
  format: FeedFormat | null;
  version: string | null;
  title: string | null;
  /** How many items the feed holds. */
  items: number;
  error: string | null;
  firstItems: Array<{ title: string; url: string | null; publishedAt: string | null; id: string }>;
  encoding: string | null;
  finalUrl: string | null;
}

export interface InspectDeps {
  /** A reader to use (the app's); else one is made from `options`. */
  reader?: FeedReader;
  options?: Partial<FeedReaderOptions>;
  /** How many items to list in firstItems (default 5). */
  show?: number;
}

const DEFAULTS: FeedReaderOptions = { userAgent: 'execwatch (feed inspect)', timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };

/**
 * Reads one feed (URL or local file) and says what it is: what `execwatch feeds inspect` prints
 * and what `/feeds add` checks before adding. Never throws; failures come back as `error`.
 */
export async function inspectFeed(urlOrPath: string, deps: InspectDeps = {}): Promise<InspectResult> {
  const empty: InspectResult = { ok: false, format: null, version: null, title: null, items: 0, error: null, firstItems: [], encoding: null, finalUrl: null };
  const own = deps.reader ? null : createFeedReader({ ...DEFAULTS, ...deps.options });
  const reader = deps.reader ?? own!;
  try {
    if (isHttpSource(urlOrPath)) {
      await assertPublicUrl(urlOrPath, { allowPrivate: deps.options?.allowPrivateAddresses ?? false, lookupAll: deps.options?.lookupAll, allowHosts: deps.options?.allowHosts });
    }
    const res = await reader.read({ url: urlOrPath });
    if (res.status !== 'ok') return { ...empty, error: 'the server answered 304 Not Modified to an unconditional request' };
    const { feed } = res;
    return {
      ok: true,
      format: feed.format,
      version: feed.version,
      title: feed.title,
      items: feed.entries.length,
      error: null,
      firstItems: feed.entries.slice(0, deps.show ?? 5).map((e) => ({ title: e.title, url: e.url, publishedAt: e.publishedAt, id: e.id })),
      encoding: feed.encoding,
      finalUrl: res.finalUrl,
    };
  } catch (err) {
    const error = err instanceof FeedError ? `${err.kind}: ${err.message}` : `internal: ${(err as Error).message}`;
    return { ...empty, error };
  } finally {
    (own as { close?: () => void } | null)?.close?.();
  }
}
