import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/types.js';
import { createSecClient } from '../../src/sec/client.js';
import { createRateLimiter } from '../../src/sec/rate-limit.js';
import { busiestWindow, startEdgarServer, type EdgarServer } from '../support/edgar-server.js';

// SEC fair access, asserted from the server's side: the declared User-Agent, at most 10
// requests in any second, conditional GET, and waiting when EDGAR says 429 / 503 / 403.

const UA = 'execwatch tests ops@execwatch.example';
const client = (server: EdgarServer, opts: Partial<Parameters<typeof createSecClient>[0]> = {}) => createSecClient({
  userAgent: UA, limiter: createRateLimiter({ perWindow: 10 }), timeoutMs: 10_000, maxBytes: 1_000_000, allowPrivateAddresses: true, ...opts,
});

describe('the EDGAR client', () => {
  let server: EdgarServer;
  beforeAll(async () => {
    server = await startEdgarServer();
    server.set('/doc.htm', '<p>hello</p>');
  });
  afterAll(() => server.close());

  it('keeps to 10 requests in any second across concurrent callers, with the declared User-Agent', async () => {
    const c = client(server);
    const start = server.log.length;
    // Three callers at once share one limiter, as the poller and the watch list do.
    await Promise.all([0, 1, 2].map(() => Promise.all(Array.from({ length: 12 }, () => c.get(`${server.url}/doc.htm`)))));
    c.close();
    const log = server.log.slice(start);
    expect(log).toHaveLength(36);
    expect(busiestWindow(log, 1000)).toBeLessThanOrEqual(10);
    expect(new Set(log.map((r) => r.userAgent))).toEqual(new Set([UA]));
  });

  it('asks conditionally and takes a 304 as unchanged', async () => {
    const c = client(server);
    const first = await c.get(`${server.url}/doc.htm`);
    const again = await c.get(`${server.url}/doc.htm`, { etag: first.etag });
    c.close();
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 304, etag: first.etag });
    expect(server.log.at(-1)).toMatchObject({ ifNoneMatch: first.etag, status: 304 });
  });

  it('waits out a 429 as long as Retry-After says, and every other request waits too', async () => {
    server.set('/busy.htm', '<p>ok</p>');
    server.fault('/busy.htm', (_req, res, hit) => {
      if (hit > 1) return false;
      res.writeHead(429, { 'retry-after': '1' });
      res.end();
      return true;
    });
    const limiter = createRateLimiter({ perWindow: 10 });
    const c = client(server, { limiter });
    const before = server.log.length;
    const busy = c.get(`${server.url}/busy.htm`);
    // Started while the first answer is awaited: it must queue behind the pause too.
    await new Promise((r) => setTimeout(r, 50));
    const other = c.get(`${server.url}/doc.htm`);
    const [res] = await Promise.all([busy, other]);
    c.close();
    expect(res.status).toBe(200);
    const log = server.log.slice(before);
    expect(log.map((r) => [r.path, r.status])[0]).toEqual(['/busy.htm', 429]);
    expect(log.slice(1).map((r) => `${r.path} ${r.status}`).sort()).toEqual(['/busy.htm 200', '/doc.htm 200']);
    const refused = log[0]!;
    for (const later of log.slice(1)) expect(later.at - refused.at).toBeGreaterThanOrEqual(1000);
  });

  it('fails the request when EDGAR asks for a long wait, saying how long (the poll backs off)', async () => {
    server.fault('/blocked.htm', (_req, res) => {
      res.writeHead(403, {});
      res.end('Request Rate Threshold Exceeded');
      return true;
    });
    server.fault('/unavailable.htm', (_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
      return true;
    });
    const c = client(server);
    const blocked = await c.get(`${server.url}/blocked.htm`).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(FeedError);
    expect(blocked).toMatchObject({ httpStatus: 403, retryAfterSeconds: 600 });
    expect((blocked as Error).message).toMatch(/User-Agent/);
    const c2 = client(server);
    const unavailable = await c2.get(`${server.url}/unavailable.htm`).catch((e: unknown) => e);
    expect(unavailable).toMatchObject({ httpStatus: 503, retryAfterSeconds: 120 });
    expect(server.requests('/unavailable.htm')).toHaveLength(1);
    c.close();
    c2.close();
  });

  it('reports a missing document as not found, without retrying', async () => {
    const c = client(server);
    await expect(c.get(`${server.url}/nowhere.htm`)).rejects.toMatchObject({ httpStatus: 404, retryAfterSeconds: null });
    c.close();
    expect(server.requests('/nowhere.htm')).toHaveLength(1);
  });
});
