import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from './http-server.js';

interface Doc {
  body: string | Buffer;
  contentType: string;
  headers: Record<string, string>;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

/**
 * Serves feed documents by path, with ETag and conditional GET like a well-behaved server, and
 * arbitrary handlers for misbehaving ones (fault injection). Counts the requests per path.
 */
export async function startFeedServer() {
  const docs = new Map<string, Doc>();
  const handlers = new Map<string, RouteHandler>();
  const hits = new Map<string, number>();
  const server = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const handler = handlers.get(path);
    if (handler) return handler(req, res, hit);
    const doc = docs.get(path);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(doc.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, ...doc.headers });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': doc.contentType, etag, ...doc.headers });
    res.end(doc.body);
  });
  return {
    ...server,
    setFeed(path: string, body: string | Buffer, contentType = 'application/rss+xml; charset=utf-8', headers: Record<string, string> = {}) {
      handlers.delete(path);
      docs.set(path, { body, contentType, headers });
    },
    /** Answers `path` with a handler of the test's own (slow bodies, resets, redirects …). */
    setHandler(path: string, handler: RouteHandler) {
      handlers.set(path, handler);
    },
    hits(path: string): number {
      return hits.get(path) ?? 0;
    },
  };
}
export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;
