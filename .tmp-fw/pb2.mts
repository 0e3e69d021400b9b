import { parseFeedBytes, parseFeedText } from '/work/main/src/feeds/parse.ts';
import { parseXml } from '/work/main/src/feeds/xml.ts';
import { decodeFeedBytes } from '/work/main/src/feeds/decode.ts';
const out: string[] = [];
for (let k = 0; k < 2000; k++) out.push(`<item><title>Story ${k}: Acme &amp; Co names a new chief executive officer</title><link>https://news.bench.test/${k}?utm_source=rss</link><guid isPermaLink="false">story-${k}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + k * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph one of story ${k}, with <b>markup</b> and a <a href="/x">link</a>.</p><p>Paragraph two says a little more about it.</p>]]></description></item>`);
const text = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>${out.join('\n')}</channel></rss>`;
const bytes = Buffer.from(text);
const ballast = process.argv[2] ? Array.from({ length: 3e5 }, (_, i) => ({ i, s: 'x' + i, a: [i] })) : [];
async function med(f: () => unknown) { const ts: number[] = []; for (let i = 0; i < 9; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); } ts.sort((a, b) => a - b); return ts[4]!; }
for (let r = 0; r < 2; r++) {
  console.log('decode', (await med(() => decodeFeedBytes(bytes))).toFixed(1), 'xml', (await med(() => parseXml(text))).toFixed(1), 'text', (await med(() => parseFeedText(text, { baseUrl: 'https://news.bench.test/feed.xml' }))).toFixed(1), 'bytes', (await med(() => parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' }))).toFixed(1), ballast.length);
}
