import type { IncomingHttpHeaders } from 'node:http';
import { createHttpFetcher, parseRetryAfter } from '../feeds/http-fetch.js';
import { FeedError } from '../feeds/types.js';
import type { RateLimiter } from './rate-limit.js';

// Every request to EDGAR goes through here: the declared User-Agent, the shared rate limit,
// conditional GET, and backing off when EDGAR says so (403, 429, 503, honouring Retry-After).

export interface SecClientOptions {
  /** "Company Name contact@example.com", as SEC fair access asks. */
  userAgent: string;
  limiter: RateLimiter;
  timeoutMs: number;
  connectTimeoutMs?: number;
  maxBytes: number;
  /** Loopback/private addresses (tests and mirrors only). */
  allowPrivateAddresses?: boolean;
  /** Retries of one request after a 429 or 503 whose wait is short (default 2). */
  maxRetries?: number;
  /** The longest wait a request sits out before retrying; past it the request fails and the poll backs off (default 30 s). */
  maxInlineWaitMs?: number;
  now?: () => number;
}

export interface SecRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface SecResponse {
  status: number;
  body: Buffer;
  headers: IncomingHttpHeaders;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
}

const header = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? v[0] : v) ?? null;
const BACK_OFF = new Set([403, 429, 503]);
// EDGAR blocks a client that went over the limit for ten minutes.
const BLOCK_SECONDS = 600;

export function createSecClient(opts: SecClientOptions) {
  const now = opts.now ?? Date.now;
  const http = createHttpFetcher({
    userAgent: opts.userAgent,
    timeoutMs: opts.timeoutMs,
    connectTimeoutMs: opts.connectTimeoutMs ?? Math.min(10_000, opts.timeoutMs),
    maxBytes: opts.maxBytes,
    maxRedirects: 5,
    guard: { allowPrivate: opts.allowPrivateAddresses ?? false, lookupTimeoutMs: opts.connectTimeoutMs },
  });
  const maxRetries = opts.maxRetries ?? 2;
  const maxInlineWaitMs = opts.maxInlineWaitMs ?? 30_000;

  async function get(url: string, req: SecRequest = {}): Promise<SecResponse> {
    const headers: Record<string, string> = { accept: req.accept ?? '*/*', 'accept-encoding': 'gzip, deflate' };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      const done = await opts.limiter.acquire();
      let res;
      try {
        res = await http.get(url, headers);
      } finally {
        done();
      }
      const meta = { headers: res.headers, etag: header(res.headers.etag), lastModified: header(res.headers['last-modified']), finalUrl: res.finalUrl };
      if (res.status === 304) return { status: 304, body: Buffer.alloc(0), ...meta, etag: meta.etag ?? req.etag ?? null, lastModified: meta.lastModified ?? req.lastModified ?? null };
      if (res.status >= 200 && res.status < 300) return { status: res.status, body: res.body, ...meta };
      if (!BACK_OFF.has(res.status)) {
        throw new FeedError('http', `HTTP ${res.status}${res.status === 404 ? ' (not found)' : ''} from ${host} for ${url}`, null, res.status);
      }
      const asked = parseRetryAfter(header(res.headers['retry-after']) ?? undefined, now());
      const seconds = asked ?? (res.status === 403 ? BLOCK_SECONDS : 5 * 2 ** attempt);
      // Everyone waits, not only this request: the limit is the client's, not the URL's.
      opts.limiter.pauseUntil(now() + seconds * 1000);
      if (res.status !== 403 && attempt < maxRetries && seconds * 1000 <= maxInlineWaitMs) continue;
      const why = res.status === 403
        ? 'EDGAR refused the request (it does so for clients without a declared User-Agent with a contact address, and for ten minutes after too many requests)'
        : res.status === 429 ? 'too many requests' : 'EDGAR is unavailable';
      throw new FeedError('http', `HTTP ${res.status} from ${host}: ${why}; waiting ${seconds} s before asking again`, seconds, res.status);
    }
  }

  return { get, close: () => http.close() };
}
export type SecClient = ReturnType<typeof createSecClient>;
