import { readFile } from 'node:fs/promises';
import { parseFeed } from './parse.js';
import { FeedError, type FeedReader, type FeedReadResult } from './types.js';

export interface FeedReaderOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
}

const isHttp = (url: string) => /^https?:\/\//i.test(url);

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FeedError('too-large', `the response is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createFeedReader(opts: FeedReaderOptions): FeedReader {
  return {
    async read(req): Promise<FeedReadResult> {
      if (!isHttp(req.url)) {
        let text: string;
        try {
          text = await readFile(req.url, 'utf8');
        } catch (err) {
          throw new FeedError('file', `cannot read ${req.url}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
        return { status: 'ok', feed: await parseFeed(text), etag: null, lastModified: null, maxAgeSeconds: null };
      }
      const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8' };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      let res: Response;
      try {
        res = await fetch(req.url, { headers, signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'follow' });
      } catch (err) {
        const e = err as Error;
        if (e.name === 'TimeoutError') throw new FeedError('timeout', `no answer within ${opts.timeoutMs} ms`);
        throw new FeedError('network', `cannot reach ${new URL(req.url).host}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
      }
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (res.status === 304) {
        return { status: 'not-modified', etag: etag ?? req.etag ?? null, lastModified: lastModified ?? req.lastModified ?? null, maxAgeSeconds: null };
      }
      if (!res.ok) {
        await res.body?.cancel();
        const retry = Number(res.headers.get('retry-after'));
        throw new FeedError('http', `HTTP ${res.status} ${res.statusText}`.trim(), Number.isFinite(retry) && retry > 0 ? retry : null);
      }
      const text = await readCapped(res, opts.maxBytes);
      return { status: 'ok', feed: await parseFeed(text), etag, lastModified, maxAgeSeconds: null };
    },
  };
}
