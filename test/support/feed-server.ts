import { createHash } from 'node:crypto';
import { startHttpServer } from './http-server.js';

interface Doc { body: string; contentType: string }

/** Serves feed documents by path, with ETag and conditional GET like a well-behaved server. */
export async function startFeedServer() {
  const docs = new Map<string, Doc>();
  const server = await startHttpServer((req, res) => {
    const doc = docs.get((req.url ?? '/').split('?')[0]!);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(doc.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': doc.contentType, etag });
    res.end(doc.body);
  });
  return {
    ...server,
    setFeed(path: string, body: string, contentType = 'application/rss+xml; charset=utf-8') {
      docs.set(path, { body, contentType });
    },
  };
}
