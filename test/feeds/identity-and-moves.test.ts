import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { parseFeedText } from '../../src/feeds/parse.js';
import { createFeedReader } from '../../src/feeds/reader.js';
import { createApp } from '../../src/main.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { captureLogger } from '../discord/harness.js';
import { itemsOfFeed } from '../support/items.js';

// Issue 12, defect 7: items sharing one guid, a keep-alive connection reset, feeds that moved.

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server?.close();
});

const sharingGuid: RssItemSpec[] = Array.from({ length: 20 }, (_, i) => ({
  title: `Story ${i}: a different headline every time, number ${i}`,
  link: `https://news.example/story-${i}`,
  guid: 'same-guid-for-all',
  pubDate: 'Mon, 02 Nov 2020 08:00:00 GMT',
}));

describe('a guid shared by different items', () => {
  it('tells the items apart by their links (stable from poll to poll) and counts the guid as shared', async () => {
    const feed = parseFeedText(buildRssFeed(sharingGuid), { baseUrl: 'https://feeds.example/a.xml' });
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(20);
    expect(feed.entries[3]!.id).toBe('https://news.example/story-3');
    expect(feed.sharedIds).toEqual([{ id: 'https://feeds.example/a.xml#same-guid-for-all', items: 20 }]);
    // The same item twice is one item, and not a shared guid.
    const twice = parseFeedText(buildRssFeed([sharingGuid[0]!, sharingGuid[0]!]), { baseUrl: 'https://feeds.example/a.xml' });
    expect(twice.entries.map((e) => e.id)).toEqual(['https://feeds.example/a.xml#same-guid-for-all', 'https://feeds.example/a.xml#same-guid-for-all']);
    expect(twice.sharedIds ?? []).toEqual([]);
  });

  it('records all 20 items, and the log says which feed shares which guid', async () => {
    server.setFeed('/shared.xml', buildRssFeed(sharingGuid));
    const { path } = writeTestConfig({ feeds: [{ name: 'Sharing', url: `${server.url}/shared.xml` }] });
    const logs = captureLogger();
    const app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [] });
    try {
      const [outcome] = await app.scheduler.pollAll();
      expect(itemsOfFeed(app.db, outcome!.feedId)).toBe(20);
      const warned = logs.lines.find((l) => l.msg?.includes('share one guid'));
      expect(warned).toMatchObject({ level: 'warn', obj: { feed: 'Sharing', sharedIds: [{ id: expect.stringContaining('same-guid-for-all'), items: 20 }] } });
    } finally {
      await app.close();
    }
  });
});

describe('a keep-alive connection the server closed', () => {
  it('is retried once on a fresh connection when it resets', async () => {
    const served = new WeakMap<object, number>();
    let resets = 0;
    server.setHandler('/keepalive.xml', (req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) {
        // What a server does when its idle timeout fires as the client reuses the connection.
        resets++;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', connection: 'keep-alive' });
      res.end(buildRssFeed([{ title: 'One', guid: 'one', link: 'https://news.example/one' }]));
    });
    const reader = createFeedReader({ userAgent: 'execwatch-test', timeoutMs: 3000, maxBytes: 1 << 20, allowPrivateAddresses: true });
    try {
      expect((await reader.read({ url: `${server.url}/keepalive.xml` })).status).toBe('ok');
      expect((await reader.read({ url: `${server.url}/keepalive.xml` })).status).toBe('ok');
      expect(resets).toBe(1);
    } finally {
      reader.close();
    }
  });
});

describe('a feed that moved', () => {
  const doc = buildRssFeed([{ title: 'Moved story', guid: 'moved-1', link: 'https://news.example/moved-1', pubDate: 'Mon, 02 Nov 2020 08:00:00 GMT' }]);

  it('a permanent redirect (301/308) moves the stored URL; a temporary one (302) does not', async () => {
    server.setFeed('/new-home.xml', doc);
    server.setHandler('/old-home.xml', (_req, res) => void res.writeHead(301, { location: '/new-home.xml' }).end());
    server.setHandler('/elsewhere.xml', (_req, res) => void res.writeHead(308, { location: `${server.url}/new-308.xml` }).end());
    server.setFeed('/new-308.xml', doc);
    server.setHandler('/temporary.xml', (_req, res) => void res.writeHead(302, { location: '/new-home.xml' }).end());
    const { path } = writeTestConfig({ feeds: [] });
    const logs = captureLogger();
    const app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [] });
    try {
      const now = new Date().toISOString();
      const user = await app.stores.feeds.upsert({ url: `${server.url}/old-home.xml`, name: 'Added in Discord', origin: 'user' }, now);
      const perm = await app.stores.feeds.upsert({ url: `${server.url}/elsewhere.xml`, name: 'Also moved', origin: 'user' }, now);
      const temp = await app.stores.feeds.upsert({ url: `${server.url}/temporary.xml`, name: 'Temporary', origin: 'user' }, now);
      await app.scheduler.pollAll();
      expect((await app.stores.feeds.get(user.id))!.url).toBe(`${server.url}/new-home.xml`);
      expect((await app.stores.feeds.get(perm.id))!.url).toBe(`${server.url}/new-308.xml`);
      expect(await app.stores.feeds.get(temp.id)).toMatchObject({ url: `${server.url}/temporary.xml`, movedFrom: null });
      expect(logs.lines.find((l) => l.msg === 'feed moved permanently: its stored URL is updated')?.obj).toMatchObject({ feed: 'Added in Discord', to: `${server.url}/new-home.xml` });
      const hits = server.hits('/old-home.xml');
      await app.scheduler.pollAll();
      expect(server.hits('/old-home.xml')).toBe(hits);
    } finally {
      await app.close();
    }
  });

  it('a config feed that moved is polled at its new address, across restarts, the operator told; updating the config keeps the feed', async () => {
    server.setFeed('/cfg-new.xml', doc);
    server.setHandler('/cfg-old.xml', (_req, res) => void res.writeHead(301, { location: '/cfg-new.xml' }).end());
    const { path } = writeTestConfig({ feeds: [{ name: 'Config feed', url: `${server.url}/cfg-old.xml` }] });
    const logs = captureLogger();
    let app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [] });
    let id = 0;
    try {
      const [first] = await app.scheduler.pollAll();
      id = first!.feedId;
      expect(await app.stores.feeds.get(id)).toMatchObject({ url: `${server.url}/cfg-new.xml`, movedFrom: `${server.url}/cfg-old.xml` });
      expect(logs.lines.find((l) => l.msg === 'feed moved permanently: its stored URL is updated')?.obj).toMatchObject({ feed: 'Config feed', to: `${server.url}/cfg-new.xml` });
    } finally {
      await app.close();
    }
    // Restarted with the config unchanged: the same feed, at its new address, and a reminder.
    app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [] });
    try {
      expect((await app.stores.feeds.list()).map((f) => [f.id, f.url])).toEqual([[id, `${server.url}/cfg-new.xml`]]);
      expect(logs.lines.find((l) => l.msg?.startsWith('a feed of the config moved permanently: update its url in'))?.obj).toMatchObject({ feed: 'Config feed', url: `${server.url}/cfg-old.xml`, movedTo: `${server.url}/cfg-new.xml` });
      const hits = server.hits('/cfg-old.xml');
      await app.scheduler.pollAll();
      expect(server.hits('/cfg-old.xml')).toBe(hits);
    } finally {
      await app.close();
    }
    // The operator updates the config: the same feed, its items kept, not a new one.
    writeFileSync(path, readFileSync(path, 'utf8').replace('/cfg-old.xml', '/cfg-new.xml'));
    app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [] });
    try {
      expect((await app.stores.feeds.list()).map((f) => [f.id, f.url, f.movedFrom])).toEqual([[id, `${server.url}/cfg-new.xml`, null]]);
      expect(itemsOfFeed(app.db, id)).toBe(1);
    } finally {
      await app.close();
    }
  });
});
