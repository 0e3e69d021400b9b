import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { acmeNamesCeoItem, buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer } from '../support/feed-server.js';
import { writeTestConfig } from '../support/config-file.js';

const background: RssItemSpec[] = [
  { title: 'Apple unveils a new iPad with a faster chip', link: 'https://news.example/ipad', guid: 'a1', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT', description: 'The tablet ships next week.' },
  { title: 'Startup raises $40 million for battery recycling', link: 'https://news.example/battery', guid: 'a2', pubDate: 'Mon, 02 Nov 2026 10:00:00 GMT' },
];
const change = acmeNamesCeoItem('a3');

describe('execwatch once, end to end', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let discord: DiscordEmulator;
  let env: NodeJS.ProcessEnv;
  let configPath: string;
  const out: string[] = [];
  const err: string[] = [];
  const run = (...args: string[]) => main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });

  beforeAll(async () => {
    feeds = await startFeedServer();
    discord = await startDiscordEmulator();
    const hook = discord.createWebhook('alerts');
    configPath = writeTestConfig({ feeds: [{ name: 'Example News', url: `${feeds.url}/feed.xml` }] }).path;
    env = { DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await feeds?.close();
    await discord?.close();
  });

  it('records a baseline on the first poll, alerts once for a new change, then stays quiet', async () => {
    feeds.setFeed('/feed.xml', buildRssFeed(background));
    expect(await run('once', '--config', configPath)).toBe(0);
    expect(discord.messagesIn('alerts')).toHaveLength(0);

    feeds.setFeed('/feed.xml', buildRssFeed([change, ...background]));
    expect(await run('once', '--config', configPath)).toBe(0);
    const posted = discord.messagesIn('alerts');
    expect(posted).toHaveLength(1);
    const request = discord.requestsTo('POST', /^\/webhooks\//)[0]!;
    const body = request.body as { embeds: Array<{ title: string; description: string }>; allowed_mentions: { parse: string[] } };
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds[0]!.title).toMatch(/Jane Doe/);
    expect(body.embeds[0]!.title).toMatch(/Acme Robotics/);
    expect(body.embeds[0]!.description).toContain('named Jane Doe');

    expect(await run('once', '--config', configPath)).toBe(0);
    expect(discord.messagesIn('alerts')).toHaveLength(1);
  });

  it('reports a failing feed and still exits 0', async () => {
    feeds.setFeed('/feed.xml', 'this is not a feed');
    expect(await run('once', '--config', configPath)).toBe(0);
    expect(err.join('\n')).toMatch(/Example News: failed/);
  });
});
