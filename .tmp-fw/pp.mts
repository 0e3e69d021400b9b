import { parseFeedBytes } from '/work/main/src/feeds/parse.ts';
const out: string[] = [];
for (let k = 0; k < 2000; k++) out.push(`<item><title>Story ${k}: Acme &amp; Co names a new chief executive officer</title><link>https://news.bench.test/${k}?utm_source=rss</link><guid isPermaLink="false">story-${k}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + k * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph one of story ${k}, with <b>markup</b> and a <a href="/x">link</a>.</p><p>Paragraph two says a little more about it.</p>]]></description></item>`);
const text = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>${out.join('\n')}</channel></rss>`;
const bytes = Buffer.from(text);
for (let i = 0; i < 30; i++) parseFeedBytes(bytes, { baseUrl: 'https://news.bench.test/feed.xml' });
