import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createApp } from '../../src/main.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { buildRssFeed } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startHttpServer } from '../support/http-server.js';
import { parsePrometheusText, sampleValue } from '../support/prom-text.js';

// A headline-only item whose change is told only in the article: found only when the feed
// fetches articles.
const ARTICLE = `<!doctype html><html><head><title>Shake-up at Initech</title></head><body>
  <nav><a href="/">Home</a></nav>
  <article><h1>Shake-up at Initech</h1>
    <p>Initech said on Wednesday that it had appointed Peter Gibbons as chief financial officer, effective immediately, as part of a broader reorganisation of its finance team.</p>
    <p>The company also said revenue for the quarter was in line with expectations, and it reaffirmed its guidance for the full year despite a slower market.</p>
  </article></body></html>`;

let server: Awaited<ReturnType<typeof startHttpServer>>;
const feedXml = () => buildRssFeed([{ title: 'Shake-up at Initech', link: `${server.url}/story`, guid: 'initech-1', pubDate: 'Wed, 04 Mar 2026 08:00:00 GMT' }]);

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feedXml());
    } else if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(async () => server.close());

async function pollOnce(fetchArticles: boolean) {
  const config = writeTestConfig({
    polling: { alertOnFirstPoll: true },
    feeds: [{ name: 'Headlines', url: `${server.url}/feed.xml`, fetchArticles }],
  }).path;
  const metrics = createMetrics({ processMetrics: false });
  const app = await createApp(loadConfig({ configPath: config, env: { LOG_LEVEL: 'silent' } }), { metrics, targets: [] });
  try {
    const [outcome] = await app.scheduler.pollAll();
    const fams = parsePrometheusText(await metrics.render());
    const people = (app.db.prepare('SELECT person FROM changes').all() as Array<{ person: string }>).map((r) => r.person);
    return { outcome, people, fetched: sampleValue(fams, 'execwatch_article_fetches_total', { outcome: 'ok' }) ?? 0 };
  } finally {
    await app.close();
  }
}

describe('article fetching in the pipeline', () => {
  it('extracts a change told only in the article when the feed sets fetchArticles', async () => {
    const before = server.requests.filter((r) => r.path === '/story').length;
    const { outcome, people, fetched } = await pollOnce(true);
    expect(outcome?.status).toBe('ok');
    expect(people).toEqual(['Peter Gibbons']);
    expect(fetched).toBe(1);
    const storyRequests = server.requests.filter((r) => r.path === '/story').slice(before);
    expect(storyRequests).toHaveLength(1);
    expect(storyRequests[0]!.headers['user-agent']).toMatch(/^execwatch\//);
  });

  it('leaves the item as it is when the feed does not', async () => {
    const before = server.requests.filter((r) => r.path === '/story').length;
    const { people } = await pollOnce(false);
    expect(people).toEqual([]);
    expect(server.requests.filter((r) => r.path === '/story')).toHaveLength(before);
  });
});
