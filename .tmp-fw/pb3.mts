import Parser from 'rss-parser';
import { parseFeedBytes } from '/work/main/src/feeds/parse.ts';
const out: string[] = [];
for (let k = 0; k < 2000; k++) out.push(`<item><title>Story ${k}: Acme &amp; Co names a new chief executive officer</title><link>https://news.bench.test/${k}?utm_source=rss</link><guid isPermaLink="false">story-${k}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + k * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph one of story ${k}, with <b>markup</b> and a <a href="/x">link</a>.</p><p>Paragraph two says a little more about it.</p>]]></description></item>`);
const text = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>${out.join('\n')}</channel></rss>`;
const bytes = Buffer.from(text);
const ballast = process.argv[2] ? Array.from({ length: 3e5 }, (_, i) => ({ i, s: 'x' + i, a: [i] })) : [];
const p = new Parser();
const a: number[] = [], b: number[] = [];
for (let i = 0; i < 17; i++) {
  let t0 = performance.now(); parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' }); a.push(performance.now() - t0);
  t0 = performance.now(); await p.parseString(text); b.push(performance.now() - t0);
}
const med = (x: number[]) => x.sort((m, n) => m - n)[8]!;
console.log(med(a).toFixed(1), med(b).toFixed(1), (med(a) / med(b)).toFixed(2), ballast.length);
