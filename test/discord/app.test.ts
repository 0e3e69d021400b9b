import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { openApp } from '../../src/main.js';
import type { Alert } from '../../src/notify/alert.js';
import { acmeNamesCeoItem, buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer } from '../support/feed-server.js';
import { buildChange, openStores } from './harness.js';

const background: RssItemSpec[] = [
  { title: 'Apple unveils a new iPad with a faster chip', link: 'https://news.example/ipad', guid: 'a1', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT' },
];
const change = acmeNamesCeoItem('a3');

describe('the Discord parts wired by createApp', () => {
  let emu: DiscordEmulator;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let dir: string;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['general', 'alerts', 'tencent-news', 'admin'] });
    feeds = await startFeedServer();
    dir = mkdtempSync(join(tmpdir(), 'execwatch-discord-app-'));
  });
  afterAll(async () => {
    await emu?.close();
    await feeds?.close();
  });

  it('bot mode: a polled change posts to the matching subscription only, once, and /changes finds it', async () => {
    const configPath = join(dir, 'bot.yaml');
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'bot-data')}`,
      'polling:', '  allowPrivateAddresses: true',
      'feeds:', '  - name: Example News', `    url: ${feeds.url}/bot.xml`, '',
    ].join('\n'));
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' };
    const { stores, close } = openStores(join(dir, 'bot-data', 'execwatch.db'));
    const filters = { people: [], roles: [], directions: [], minConfidence: 0 };
    await stores.subscriptions.upsert({ guildId: emu.guildId, channelId: emu.channelId('alerts'), filters: { ...filters, companies: ['Acme Robotics'] }, createdBy: null }, new Date().toISOString());
    await stores.subscriptions.upsert({ guildId: emu.guildId, channelId: emu.channelId('tencent-news'), filters: { ...filters, companies: ['Tencent'] }, createdBy: null }, new Date().toISOString());
    await close();
    const io = { out: () => undefined, err: () => undefined, env };

    feeds.setFeed('/bot.xml', buildRssFeed(background));
    expect(await main(['once', '--config', configPath], io)).toBe(0);
    feeds.setFeed('/bot.xml', buildRssFeed([change, ...background]));
    expect(await main(['once', '--config', configPath], io)).toBe(0);
    expect(await main(['once', '--config', configPath], io)).toBe(0);

    const posted = emu.messagesIn('alerts');
    expect(posted).toHaveLength(1);
    expect((posted[0]!.embeds[0] as { title: string }).title).toMatch(/^Jane Doe → .*Acme Robotics$/);
    expect(emu.messagesIn('tencent-news')).toHaveLength(0);
    expect(emu.messagesIn('general')).toHaveLength(0);
    expect(emu.requestsTo('POST', /\/messages$/)[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });

    const app = await openApp(loadConfig({ configPath, env }));
    try {
      await app.discord!.bot.start();
      const reply = await emu.sendCommand({ name: 'changes', subcommand: 'company', options: { name: 'acme robotics' } }).reply();
      expect((reply.data.embeds as Array<{ description: string }>)[0]!.description).toContain('Jane Doe');
      const auto = await emu.sendAutocomplete({ name: 'changes', subcommand: 'company', focused: 'name', options: { name: 'acme' } }).reply();
      expect(auto.data.choices).toEqual([{ name: 'Acme Robotics', value: 'Acme Robotics' }]);
      const why = await emu.sendCommand({ name: 'why', options: { url: 'https://news.example/acme-ceo' } }).reply();
      const explained = (why.data.embeds as Array<{ description: string }>)[0]!.description;
      expect(explained).toMatch(/Jane Doe → .*Acme Robotics\*\* — confidence \d+%, 1 outlet/);
      expect(explained).toContain(`alerted in <#${emu.channelId('alerts')}>`);
      const baseline = await emu.sendCommand({ name: 'why', options: { url: 'https://news.example/ipad' } }).reply();
      expect((baseline.data.embeds as Array<{ description: string }>)[0]!.description).toMatch(/first read of that feed/);
    } finally {
      await app.close();
    }
  });

  it('webhook mode: several webhook URLs get the same embed, posted once and then edited', async () => {
    const a = emu.createWebhook('general', 'hook-a');
    const b = emu.createWebhook('alerts', 'hook-b');
    const configPath = join(dir, 'hooks.yaml');
    writeFileSync(configPath, `dataDir: ${join(dir, 'hook-data')}\nfeeds: []\n`);
    const app = await openApp(loadConfig({ configPath, env: { DISCORD_WEBHOOK_URL: `${a.url}, ${b.url}`, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' } }));
    try {
      expect(app.targets.map((t) => t.id)).toEqual([`webhook:${a.id}`, `webhook:${b.id}`]);
      const c = buildChange({ person: 'Daniel Zhang', org: 'Alibaba Cloud Intelligence', title: 'acting president', category: 'President', interim: true });
      const alert: Alert = { key: 'event:1', change: c, sources: [{ title: 't', url: c.source.url, feed: 'TechNode', publishedAt: c.source.publishedAt }], confidence: 0.8, notes: [] };
      emu.faults.add({ method: 'POST', path: new RegExp(`^/webhooks/${b.id}/`), status: 429, retryAfter: 0.2 });
      expect((await app.delivery.deliver(alert)).map((r) => r.outcome)).toEqual(['sent', 'sent']);
      const hookPosts = emu.requestsTo('POST', /^\/webhooks\/\d+\/[^/]+$/).filter((r) => r.status === 200);
      expect(hookPosts).toHaveLength(2);
      expect(hookPosts[0]!.body).toEqual(hookPosts[1]!.body);
      expect(hookPosts[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });

      const later = { ...alert, confidence: 0.95, sources: [...alert.sources, { title: 't', url: 'https://other.example/x', feed: 'Reuters', publishedAt: null }] };
      expect((await app.delivery.deliver(later)).map((r) => r.outcome)).toEqual(['edited', 'edited']);
      expect(emu.requestsTo('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/\d+$/)).toHaveLength(2);
      const shown = emu.state.channelMessages(emu.channelId('alerts')).find((m) => m.webhook_id === b.id)!;
      expect(JSON.stringify(shown.embeds[0])).toContain('Reuters');
      expect(emu.state.channelMessages(emu.channelId('alerts')).filter((m) => m.webhook_id === b.id)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
