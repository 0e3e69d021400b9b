import { readFile, stat } from 'node:fs/promises';
import { createHttpFetcher, parseMaxAge, parseRetryAfter, type HttpFetchOptions } from './http-fetch.js';
import { parseFeedBytes, type ParseOptions } from './parse.js';
import type { LookupAll } from './ssrf.js';
import { FeedError, type FeedReader, type FeedReadResult, type ParsedFeed } from './types.js';

export interface FeedReaderOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  connectTimeoutMs?: number;
  maxRedirects?: number;
  /** Allow loopback/private/link-local addresses (config polling.allowPrivateAddresses). */
  allowPrivateAddresses?: boolean;
  /** DNS resolution override (benchmarks map many host names to 127.0.0.1). */
  lookupAll?: LookupAll;
  /** Host names exempt from the private-address check. */
  allowHosts?: readonly string[];
  /** Parses a fetched document (default: parseFeedBytes here; the app parses in its worker threads). */
  parse?: (bytes: Buffer, opts: ParseOptions & { contentType?: string | null; maxBytes?: number }) => ParsedFeed | Promise<ParsedFeed>;
}

export const isHttpSource = (url: string) => /^https?:\/\//i.test(url);

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/** Reads feeds over HTTP(S) (guarded, capped, conditional) or from local files. */
export function createFeedReader(opts: FeedReaderOptions): FeedReader & { close(): void } {
  const fetchOpts: HttpFetchOptions = {
    userAgent: opts.userAgent,
    timeoutMs: opts.timeoutMs,
    connectTimeoutMs: opts.connectTimeoutMs ?? Math.min(10_000, opts.timeoutMs),
    maxBytes: opts.maxBytes,
    maxRedirects: opts.maxRedirects ?? 5,
    guard: { allowPrivate: opts.allowPrivateAddresses ?? false, lookupAll: opts.lookupAll, allowHosts: opts.allowHosts, lookupTimeoutMs: opts.connectTimeoutMs },
  };
  const http = createHttpFetcher(fetchOpts);
  const parse = opts.parse ?? parseFeedBytes;

  async function readFileFeed(path: string): Promise<FeedReadResult> {
    const local = path.replace(/^file:\/\//i, '');
    let bytes: Buffer;
    try {
      // Only regular files, and only up to the cap: a FIFO would block forever, a huge file fill memory.
      const info = await stat(local);
      if (!info.isFile()) throw new FeedError('file', `${local} is not a regular file`);
      if (info.size > opts.maxBytes) throw new FeedError('too-large', `${local} is ${info.size} bytes, more than the ${opts.maxBytes} allowed`);
      bytes = await readFile(local);
    } catch (err) {
      if (err instanceof FeedError) throw err;
      throw new FeedError('file', `cannot read ${local}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const feed = await parse(bytes, { feedKey: path, maxBytes: opts.maxBytes });
    return { status: 'ok', feed, etag: null, lastModified: null, maxAgeSeconds: null, httpStatus: null, finalUrl: path };
  }

  return {
    async read(req): Promise<FeedReadResult> {
      if (!isHttpSource(req.url)) {
        // "ht!tp://exa mple" is a mistyped URL, not a file name to look for.
        if (/^[^/\\\s]*:\/\//.test(req.url) && !/^file:\/\//i.test(req.url)) {
          throw new FeedError('file', `"${req.url.slice(0, 200)}" is neither an http(s) URL nor a file path: feeds are fetched over http and https only`);
        }
        return readFileFeed(req.url);
      }
      const conditional: Record<string, string> = {};
      if (req.etag) conditional['if-none-match'] = req.etag;
      if (req.lastModified) conditional['if-modified-since'] = req.lastModified;
      const res = await http.get(req.url, conditional);
      const meta = {
        etag: header(res.headers.etag),
        lastModified: header(res.headers['last-modified']),
        maxAgeSeconds: parseMaxAge(header(res.headers['cache-control']) ?? undefined),
        httpStatus: res.status,
        finalUrl: res.finalUrl,
        movedTo: res.movedTo ?? null,
      };
      if (res.status === 304) {
        // A 304 may omit validators: keep the ones we sent, so the next poll is still conditional.
        return { status: 'not-modified', ...meta, etag: meta.etag ?? req.etag ?? null, lastModified: meta.lastModified ?? req.lastModified ?? null };
      }
      if (res.status >= 400 || res.status < 200 || res.status >= 300) {
        const retry = parseRetryAfter(header(res.headers['retry-after']) ?? undefined);
        const what = res.status === 404 ? 'not found' : res.status === 410 ? 'gone (the feed was removed)' : res.status === 429 ? 'too many requests' : res.status >= 500 ? 'server error' : 'refused';
        throw new FeedError('http', `HTTP ${res.status} (${what}) from ${new URL(res.finalUrl).host}`, retry, res.status);
      }
      const contentType = header(res.headers['content-type']);
      let feed;
      try {
        feed = await parse(res.body, { baseUrl: res.finalUrl, feedKey: req.url, contentType, maxBytes: opts.maxBytes });
      } catch (err) {
        if (err instanceof FeedError && contentType && err.kind === 'not-a-feed') {
          throw new FeedError(err.kind, `${err.message} (Content-Type: ${contentType.split(';')[0]})`, null, res.status);
        }
        throw err;
      }
      return { status: 'ok', feed, ...meta };
    },
    close: () => http.close(),
  };
}
