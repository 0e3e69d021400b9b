import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer } from '../support/feed-server.js';

const quiet: RssItemSpec[] = [
  { title: 'Startup raises $40 million for battery recycling', link: 'https://a.example/battery', guid: 'a1', pubDate: 'Mon, 02 Nov 2026 10:00:00 GMT' },
];
const quietB: RssItemSpec[] = [
  { title: 'Apple unveils a new iPad with a faster chip', link: 'https://b.example/ipad', guid: 'b1', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT' },
];
const reportA: RssItemSpec = {
  title: 'Acme Robotics names Jane Doe chief executive officer',
  link: 'https://a.example/acme-ceo', guid: 'a2', pubDate: 'Tue, 03 Nov 2026 08:00:00 GMT',
  description: 'Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer, effective immediately.',
};
const reportB: RssItemSpec = {
  title: 'Acme Robotics appoints Jane Doe as CEO',
  link: 'https://b.example/news/acme', guid: 'b2', pubDate: 'Tue, 03 Nov 2026 11:00:00 GMT',
  description: 'The robot maker appointed Jane Doe as CEO on Tuesday.',
};

describe('one alert per event: a later report edits it', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let discord: DiscordEmulator;
  let env: NodeJS.ProcessEnv;
  let configPath: string;
  const run = (...args: string[]) => main(args, { out: () => {}, err: () => {}, env });

  beforeAll(async () => {
    feeds = await startFeedServer();
    discord = await startDiscordEmulator();
    const hook = discord.createWebhook('alerts');
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-events-e2e-'));
    configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'data')}`,
      'polling:',
      '  allowPrivateAddresses: true',
      'feeds:',
      '  - name: Outlet A',
      `    url: ${feeds.url}/a.xml`,
      '  - name: Outlet B',
      `    url: ${feeds.url}/b.xml`,
      '',
    ].join('\n'));
    env = { DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await feeds?.close();
    await discord?.close();
  });

  it('posts the first report, edits the same message for the second outlet, and stays quiet after', async () => {
    feeds.setFeed('/a.xml', buildRssFeed(quiet, 'Outlet A'));
    feeds.setFeed('/b.xml', buildRssFeed(quietB, 'Outlet B'));
    expect(await run('once', '--config', configPath)).toBe(0); // baseline

    feeds.setFeed('/a.xml', buildRssFeed([reportA, ...quiet], 'Outlet A'));
    expect(await run('once', '--config', configPath)).toBe(0);
    const posts = () => discord.requestsTo('POST', /^\/webhooks\//);
    const edits = () => discord.requestsTo('PATCH', /^\/webhooks\/[^/]+\/[^/]+\/messages\//);
    expect(posts()).toHaveLength(1);
    expect(edits()).toHaveLength(0);
    const [message] = discord.messagesIn('alerts');
    const firstBody = JSON.stringify(message);
    expect(firstBody).toContain('Jane Doe');

    feeds.setFeed('/b.xml', buildRssFeed([reportB, ...quietB], 'Outlet B'));
    expect(await run('once', '--config', configPath)).toBe(0);
    expect(posts()).toHaveLength(1); // not reposted
    expect(edits()).toHaveLength(1);
    expect(edits()[0]?.path).toContain(`/messages/${message?.id}`);
    const edited = discord.messagesIn('alerts');
    expect(edited).toHaveLength(1);
    const editedBody = JSON.stringify(edited[0]);
    expect(editedBody).toContain('b.example/news/acme'); // the second source is listed
    expect(editedBody).toContain('a.example/acme-ceo');
    expect((edits()[0]?.body as { allowed_mentions?: { parse: string[] } }).allowed_mentions?.parse).toEqual([]);

    expect(await run('once', '--config', configPath)).toBe(0);
    expect(posts()).toHaveLength(1);
    expect(edits()).toHaveLength(1);
  });
});
