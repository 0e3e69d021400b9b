import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from './http-server.js';

export interface EdgarRequest {
  path: string;
  /** When the request arrived (ms since the epoch), as the server's own log would say. */
  at: number;
  userAgent: string | undefined;
  ifNoneMatch: string | undefined;
  status: number;
}

type Fault = (req: IncomingMessage, res: ServerResponse, hit: number) => boolean;

/**
 * A stand-in for www.sec.gov and data.sec.gov on 127.0.0.1: serves documents by path (ETag and
 * 304 like EDGAR), logs every request with its arrival time and User-Agent, and lets a test
 * answer a path with a fault (429 with Retry-After …) before the document.
 */
export async function startEdgarServer() {
  const docs = new Map<string, { body: Buffer; type: string }>();
  const faults = new Map<string, Fault>();
  const hits = new Map<string, number>();
  const log: EdgarRequest[] = [];
  const server = await startHttpServer((req, res) => {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.pathname.startsWith('/cgi-bin/') ? `${url.pathname}${url.search}` : url.pathname;
    const hit = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, hit);
    const entry: EdgarRequest = { path: key, at, userAgent: req.headers['user-agent'], ifNoneMatch: req.headers['if-none-match'] as string | undefined, status: 0 };
    log.push(entry);
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    const fault = faults.get(url.pathname);
    if (fault) {
      const original = res.writeHead.bind(res);
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        entry.status = status;
        return (original as (...a: unknown[]) => ServerResponse)(status, ...rest);
      }) as typeof res.writeHead;
      if (fault(req, res, hit)) return;
      res.writeHead = original;
    }
    const doc = docs.get(key) ?? docs.get(url.pathname);
    if (!doc) return send(404, { 'content-type': 'text/plain' }, 'not found');
    const etag = `"${createHash('sha1').update(doc.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return send(304, { etag });
    send(200, { 'content-type': doc.type, etag }, doc.body);
  });
  return {
    url: server.url,
    log,
    close: server.close,
    /** Serves `body` at `path` (a path, or for /cgi-bin/ a path with its query). */
    set(path: string, body: string | Buffer, type = 'text/html; charset=utf-8') {
      docs.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type });
    },
    /** Answers `path` with the fault while it returns true (it has written the response). */
    fault(path: string, fn: Fault) {
      faults.set(path, fn);
    },
    /** Requests whose path starts with `prefix`. */
    requests(prefix = '/'): EdgarRequest[] {
      return log.filter((r) => r.path.startsWith(prefix));
    },
  };
}
export type EdgarServer = Awaited<ReturnType<typeof startEdgarServer>>;

/** The most requests that arrived within any window of `windowMs`. */
export function busiestWindow(log: readonly { at: number }[], windowMs = 1000): number {
  const times = log.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
