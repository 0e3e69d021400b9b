import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Extractor } from '../../src/core/change.js';
import { silentLogger } from '../../src/core/log.js';
import { createBuiltinExtractor } from '../../src/extract/index.js';
import { createApp, type App } from '../../src/main.js';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { acmeNamesCeoItem, buildJsonFeed, buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { writeTestConfig } from '../support/config-file.js';

// Acceptance: guid churn, a rewritten pubDate, the same link under two feeds, and an item that
// comes back after falling out of its feed: no second alert.

const background: RssItemSpec[] = [
  { title: 'Chip maker reports record quarterly revenue', link: 'https://news.example/chips', guid: 'bg1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' },
  { title: 'Cloud outage hits several regions overnight', link: 'https://news.example/outage', guid: 'bg2', pubDate: 'Mon, 02 Nov 2026 07:00:00 GMT' },
];
const acme = acmeNamesCeoItem('acme-1');
// No guid and no link: its id is a hash of title and date.
const globex: RssItemSpec = {
  title: 'Globex appoints John Smith as chief financial officer',
  pubDate: 'Tue, 03 Nov 2026 09:00:00 GMT',
  description: 'Globex Corporation has appointed John Smith as chief financial officer, the company said on Tuesday.',
};

describe('one story, one alert', () => {
  let server: FeedServer;
  let configPath: string;
  let app: App;
  const alerts: Alert[] = [];
  const extracted: string[] = [];
  const target: AlertTarget = { id: 'capture', send: async (a) => (alerts.push(a), null) };
  const builtin = createBuiltinExtractor();
  // The real extractor, counted: an item that reaches extraction was taken for a new story.
  const extractor: Extractor = { name: builtin.name, extract: async (item) => (extracted.push(item.title), builtin.extract(item)) };
  const open = () => createApp(loadConfig({ configPath, env: { LOG_LEVEL: 'silent' } }), { logger: silentLogger, targets: [target], extractor });
  const pollAll = () => app.scheduler.pollAll();

  beforeAll(async () => {
    server = await startFeedServer();
    configPath = writeTestConfig({ feeds: [{ name: 'Wire A', url: `${server.url}/a.xml` }, { name: 'Wire B', url: `${server.url}/b.json` }] }).path;
    server.setFeed('/a.xml', buildRssFeed(background));
    server.setFeed('/b.json', buildJsonFeed([{ id: 'b-0', title: 'Streaming service raises prices again', url: 'https://other.example/prices' }]), 'application/feed+json');
    app = await open();
    await pollAll(); // the baseline: nothing alerts
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('alerts once for a new story', async () => {
    server.setFeed('/a.xml', buildRssFeed([acme, globex, ...background]));
    await pollAll();
    expect([...extracted].sort()).toEqual([acme.title, globex.title].sort());
    expect(alerts.map((a) => a.change.organization.name).sort()).toEqual(['Acme Robotics', 'Globex']);
  });

  it('does not alert again on guid churn or a rewritten pubDate', async () => {
    server.setFeed('/a.xml', buildRssFeed([
      { ...acme, guid: 'acme-1-rev2', pubDate: 'Tue, 03 Nov 2026 10:30:00 GMT' },
      { ...globex, pubDate: 'Tue, 03 Nov 2026 11:00:00 GMT' }, // new hash id: only the title tells
      ...background,
    ]));
    await pollAll();
    expect(extracted).toHaveLength(2);
    expect(alerts).toHaveLength(2);
    const churned = await app.stores.items.get('https://news.example/acme-ceo') ?? (await app.stores.items.findByUrl('https://news.example/acme-ceo')).at(-1);
    expect(churned?.note ?? '').toMatch(/duplicate of/);
  });

  it('does not alert again for the same link through another feed, tracking parameters and all', async () => {
    server.setFeed('/b.json', buildJsonFeed([
      { id: 'b-77', title: 'Acme Robotics appoints Jane Doe as CEO', url: 'https://news.example/acme-ceo?utm_source=wire-b&utm_medium=json', content_text: acme.description! },
      { id: 'b-78', title: 'Globex appoints John Smith as chief financial officer - Wire B', url: 'https://wire-b.example/globex-cfo', content_text: globex.description! },
      { id: 'b-0', title: 'Streaming service raises prices again', url: 'https://other.example/prices' },
    ]), 'application/feed+json');
    await pollAll();
    expect(extracted).toHaveLength(2);
    expect(alerts).toHaveLength(2);
  });

  it('does not alert again when an item falls out of its feed and comes back, even after a restart', async () => {
    server.setFeed('/a.xml', buildRssFeed(background));
    await pollAll();
    server.setFeed('/a.xml', buildRssFeed([acme, globex, ...background]));
    await app.close();
    app = await open();
    await pollAll();
    expect(extracted).toHaveLength(2);
    expect(alerts).toHaveLength(2);
    // The schedule survived the restart too: nothing is due, so a tick fetches nothing.
    const hits = server.hits('/a.xml');
    await app.scheduler.tick();
    expect(server.hits('/a.xml')).toBe(hits);
  });

  it('still alerts for a genuinely new story afterwards', async () => {
    const initech: RssItemSpec = {
      title: 'Initech names Mary Major as its new president',
      link: 'https://news.example/initech-president',
      guid: 'initech-1',
      description: 'Initech named Mary Major as its new president on Wednesday.',
    };
    server.setFeed('/a.xml', buildRssFeed([initech, acme, globex, ...background]));
    await pollAll();
    expect(extracted).toHaveLength(3);
    expect(alerts.length).toBeGreaterThanOrEqual(3);
  });
});
