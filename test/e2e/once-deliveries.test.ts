import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

const twoChanges = (guid: string, who: [string, string]): RssItemSpec => ({
  title: `Globex appoints ${who[0]} as CFO, replacing ${who[1]}`,
  link: `https://news.example/${guid}`,
  guid,
  pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT',
  description: `Globex Corp said on Monday it had appointed ${who[0]} as chief financial officer, replacing ${who[1]}, who resigned.`,
});

describe('execwatch once reports the deliveries it made', () => {
  let feeds: FeedServer;
  let discord: DiscordEmulator;
  let env: NodeJS.ProcessEnv;
  let configPath: string;

  beforeAll(async () => {
    feeds = await startFeedServer();
    discord = await startDiscordEmulator();
    configPath = writeTestConfig({ feeds: [{ name: 'Example News', url: `${feeds.url}/feed.xml` }], polling: { alertOnFirstPoll: true } }).path;
    env = { DISCORD_WEBHOOK_URL: discord.createWebhook('alerts').url, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await feeds?.close();
    await discord?.close();
  });

  const once = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['once', '--config', configPath, ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env });
    return { code, out, err: err.join('\n') };
  };

  it('exits 1 and counts the failures when Discord refuses every post, then 0 once they go out', async () => {
    feeds.setFeed('/feed.xml', buildRssFeed([twoChanges('g1', ['Mary Major', 'Peter Minor'])]));
    discord.faults.add({ method: 'POST', path: /^\/webhooks\//, status: 500, times: 1000 });
    const failing = await once();
    expect(failing.err).toMatch(/Example News: ok, 1 new items, 2 changes, 2 alerts/);
    expect(failing.err).toMatch(/deliveries: 0 sent, 2 failed, 0 deferred/);
    expect(failing.code).toBe(1);
    expect(discord.messagesIn('alerts')).toHaveLength(0);

    discord.faults.clear();
    const next = await once('--json');
    expect(next.code).toBe(0);
    expect(JSON.parse(next.out.at(-1)!)).toEqual({ deliveries: { sent: 2, failed: 0, deferred: 0, possibleDuplicates: 0 } });
    expect(discord.messagesIn('alerts')).toHaveLength(2);
  }, 60_000);
});
