// The 1,000-feed server of the feeds benchmark, in its own process so its CPU time is not
// counted against the poller. 50 ms latency per request; 304 for unchanged feeds.
// Messages from the parent: { change: number[] } bumps those feeds' versions.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const FEEDS = Number(process.argv[2] ?? 1000);
const LATENCY_MS = Number(process.argv[3] ?? 50);
const ITEMS = 20;
const versions = new Array<number>(FEEDS).fill(1);

function doc(i: number): string {
  const v = versions[i]!;
  const items: string[] = [];
  // The newest `v - 1` items are new since the first version; the rest slide down.
  for (let k = 0; k < ITEMS; k++) {
    const n = v * 1000 + ITEMS - k;
    items.push(`<item><title>Feed ${i} story ${n}: markets, chips and a new phone</title><link>https://site${i % 100}.bench.test/${i}/${n}</link><guid isPermaLink="false">f${i}-${n}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + n * 60_000).toUTCString()}</pubDate><description>Story ${n} of feed ${i}. Nothing about leadership here, just the news of the day in a few words.</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${i}</title><link>https://site${i}.bench.test/</link><description>bench</description>${items.join('')}</channel></rss>`;
}

const server = createServer((req, res) => {
  const m = /^\/f\/(\d+)\.xml/.exec(req.url ?? '');
  const i = m ? Number(m[1]) : -1;
  setTimeout(() => {
    if (i < 0 || i >= FEEDS) return void res.writeHead(404).end();
    const etag = `"v${versions[i]}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(doc(i));
  }, LATENCY_MS);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('message', (msg: { change?: number[]; stop?: boolean }) => {
  for (const i of msg.change ?? []) versions[i]!++;
  if (msg.stop) server.close(() => process.exit(0));
  else process.send?.({ ok: true });
});
