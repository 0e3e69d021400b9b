import Parser from 'rss-parser';
import { parseFeedBytes } from '/work/main/src/feeds/parse.ts';
import { parseXml } from '/work/main/src/feeds/xml.ts';
const out: string[] = [];
for (let k = 0; k < 2000; k++) out.push(`<item><title>Story ${k}: Acme &amp; Co names a new chief executive officer</title><link>https://news.bench.test/${k}?utm_source=rss</link><guid isPermaLink="false">story-${k}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + k * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph one of story ${k}, with <b>markup</b> and a <a href="/x">link</a>.</p><p>Paragraph two says a little more about it.</p>]]></description></item>`);
const text = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>${out.join('\n')}</channel></rss>`;
const bytes = Buffer.from(text);
const p = new Parser();
const cpu = async (f: () => unknown) => { const c = process.cpuUsage(); await f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const a: number[] = [], b: number[] = [], x: number[] = [];
for (let i = 0; i < 21; i++) {
  a.push(await cpu(() => parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' })));
  b.push(await cpu(() => p.parseString(text)));
  x.push(await cpu(() => parseXml(text)));
}
const med = (v: number[]) => v.sort((m, n) => m - n)[10]!;
console.log('ours', med(a).toFixed(1), 'rss-parser', med(b).toFixed(1), 'xml only', med(x).toFixed(1), 'ratio', (med(a) / med(b)).toFixed(2));
