import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { decompressBody } from './decode.js';
import { resolvePublicAddress, type GuardOptions } from './ssrf.js';
import { FeedError } from './types.js';

export interface HttpFetchOptions {
  userAgent: string;
  /** Time allowed to open the connection (DNS included). */
  connectTimeoutMs: number;
  /** Time allowed for the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Cap on the body, both as received and once decompressed. */
  maxBytes: number;
  maxRedirects: number;
  guard: GuardOptions;
}

export interface HttpFetchResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The decompressed body (empty for 304 and errors). */
  body: Buffer;
  finalUrl: string;
  /** Where the resource now lives when every redirect on the way was permanent (301, 308); else null. */
  movedTo?: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((t - now) / 1000));
}

export function parseMaxAge(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  if (/no-store|no-cache/i.test(cacheControl)) return 0;
  const m = /(?:s-maxage|max-age)\s*=\s*"?(\d+)/i.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

/** One keep-alive agent pair per fetcher; the guarded lookup pins each connection's address. */
export function createHttpFetcher(opts: HttpFetchOptions) {
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolvePublicAddress(hostname, opts.guard).then(
      ({ address, family }) => {
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
  const agentOpts = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000, lookup };
  const agents = { http: new http.Agent(agentOpts), https: new https.Agent(agentOpts) };
  const staleConnections = new WeakSet<FeedError>();

  /**
   * One request. `fresh` opens a connection of its own instead of reusing an idle keep-alive one:
   * the retry after a server closed the idle connection just as it was reused.
   */
  function once(url: URL, headers: Record<string, string>, deadline: number, fresh = false): Promise<HttpFetchResult & { location?: string }> {
    return new Promise((resolve, reject) => {
      const isHttps = url.protocol === 'https:';
      let settled = false;
      const fail = (err: FeedError) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        req.destroy();
        reject(err);
      };
      const req = (isHttps ? https : http).request(url, {
        method: 'GET',
        headers,
        agent: fresh ? false : isHttps ? agents.https : agents.http,
        lookup,
      });
      const total = setTimeout(() => fail(new FeedError('timeout', `no complete answer within ${opts.timeoutMs} ms`)), Math.max(1, deadline - Date.now()));
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connectTimer = setTimeout(() => fail(new FeedError('timeout', `cannot connect to ${url.host} within ${opts.connectTimeoutMs} ms`)), opts.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof FeedError) return fail(err);
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof FeedError) return fail(cause);
        const failure = new FeedError('network', `cannot reach ${url.host}: ${err.code ?? err.message}`);
        // A reused connection reset before any answer: the server closed it as it sat idle.
        if (req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) staleConnections.add(failure);
        fail(failure);
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const base = { status, headers: res.headers, finalUrl: url.href };
        if (REDIRECTS.has(status) || status === 304 || status >= 400) {
          res.resume();
          settled = true;
          clearTimeout(total);
          resolve({ ...base, body: Buffer.alloc(0), location: res.headers.location });
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          fail(new FeedError('too-large', `the response is ${declared} bytes, more than the ${opts.maxBytes} allowed`, null, status));
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            // Settle first: destroying the response fires 'aborted', which must not win.
            fail(new FeedError('too-large', `the response is larger than the ${opts.maxBytes} bytes allowed`, null, status));
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (err: NodeJS.ErrnoException) => fail(new FeedError('network', `the connection to ${url.host} broke: ${err.code ?? err.message}`, null, status)));
        res.on('aborted', () => fail(new FeedError('network', `the connection to ${url.host} broke off mid-body`, null, status)));
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) return fail(new FeedError('network', `the connection to ${url.host} closed before the body was complete`, null, status));
          try {
            const body = decompressBody(Buffer.concat(chunks), (res.headers['content-encoding'] as string | undefined) ?? null, opts.maxBytes);
            settled = true;
            clearTimeout(total);
            resolve({ ...base, body });
          } catch (err) {
            fail(err instanceof FeedError ? err : new FeedError('parse', (err as Error).message));
          }
        });
      });
      req.end();
    });
  }

  return {
    /** GETs a URL following redirects; 304 and HTTP errors come back as results, not throws. */
    async get(rawUrl: string, extraHeaders: Record<string, string> = {}): Promise<HttpFetchResult> {
      const deadline = Date.now() + opts.timeoutMs;
      let url: URL;
      try {
        url = new URL(rawUrl);
      } catch {
        throw new FeedError('file', `not a valid URL: ${JSON.stringify(rawUrl)}`);
      }
      const headers = { 'user-agent': opts.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...extraHeaders };
      const seen = new Set<string>();
      let permanent = true;
      for (let hop = 0; ; hop++) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('redirect', `refusing to follow a redirect to ${url.protocol} (only http and https)`);
        if (url.username || url.password) throw new FeedError('blocked', 'URLs with a user name or password are not fetched');
        // Sockets skip the lookup for IP literals, so those are checked here.
        if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) await resolvePublicAddress(url.hostname, opts.guard);
        let res: HttpFetchResult & { location?: string };
        try {
          res = await once(url, headers, deadline);
        } catch (err) {
          // Retried once, on a new connection (a GET is safe to repeat).
          if (!(err instanceof FeedError && staleConnections.has(err))) throw err;
          res = await once(url, headers, deadline, true);
        }
        if (!REDIRECTS.has(res.status)) return { ...res, movedTo: hop > 0 && permanent ? url.href : null };
        permanent &&= PERMANENT.has(res.status);
        if (!res.location) throw new FeedError('http', `HTTP ${res.status} redirect without a Location header`, null, res.status);
        seen.add(url.href);
        let next: URL;
        try {
          next = new URL(res.location, url);
        } catch {
          throw new FeedError('redirect', `HTTP ${res.status} redirect to an invalid URL: ${JSON.stringify(res.location.slice(0, 200))}`, null, res.status);
        }
        if (seen.has(next.href)) throw new FeedError('redirect', `redirect loop: ${url.href} leads back to ${next.href}`, null, res.status);
        if (hop + 1 > opts.maxRedirects) throw new FeedError('redirect', `more than ${opts.maxRedirects} redirects (last to ${next.href})`, null, res.status);
        // Conditional headers belong to the first URL only.
        delete (headers as Record<string, string>)['if-none-match'];
        delete (headers as Record<string, string>)['if-modified-since'];
        url = next;
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
export type HttpFetcher = ReturnType<typeof createHttpFetcher>;
