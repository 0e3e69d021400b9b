import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extractor, LeadershipChange } from '../../src/core/change.js';
import { loadConfig } from '../../src/config/load.js';
import { openApp, type App } from '../../src/main.js';
import { buildRssFeed } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator, type Json } from '../support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { markupLeaks, maskedLinks } from '../support/markdown-check.js';

// Acceptance (issue 12, defect 3): hostile titles, summaries, links and feed names go through the
// whole pipeline to the Discord emulator, by bot and by webhook, and through the slash commands
// that show feed text; no masked link, mention or markup of theirs survives in what is posted.

const HOSTILE = '**BOLDX** __UNDERX__ ~~STRIKEX~~ ||SPOILX|| `CODEX` <@&4242> <@4343> <#4444> <t:1:R> @everyone @here '
  + '[the official SEC filing](https://phish.example/sec) # HEADX > QUOTEX \u202Eevil\u202C zero\u200Bwidth\u2066iso\u2069';
const PUBLISHED = new Date(Date.now() - 3600_000);
const item = {
  title: `Acme Robotics names Jane Doe chief executive officer ${HOSTILE}`,
  link: 'https://news.example/acme-ceo)[Official statement](https://phish.example/x',
  guid: 'hostile-1',
  pubDate: PUBLISHED.toUTCString(),
  description: `Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer. ${HOSTILE}`,
};
const FEED_NAME = '[Reuters](https://phish.example/r) **Wire** <@&99> @everyone \u202Eeman';

// A fake extractor (the Extractor port), so that every field of the change carries feed text.
const extractor: Extractor = {
  name: 'hostile-fake',
  async extract(news) {
    const change: LeadershipChange = {
      person: { name: `Jane \u202EDoe\u202C **X** <@1>`, aliases: ['J. [Doe](https://phish.example/p)'] },
      organization: { name: '[Acme](https://phish.example/a) Robotics', parent: '`Acme` ||Group||' },
      role: { title: 'chief executive officer @everyone', category: 'CEO' },
      direction: 'in',
      interim: false,
      effectiveDate: null,
      reason: null,
      counterpart: { name: 'John ~~Smith~~ <@&5>', relation: 'succeeds' },
      destination: '# Globex > [HQ](https://phish.example/d)',
      evidence: news.summary ?? news.title,
      confidence: 0.9,
      source: { itemId: news.id, url: news.url, feed: news.feed, publishedAt: news.publishedAt },
    };
    return [change];
  },
};

const isItemLink = (url: string): boolean => url.startsWith('https://news.example/') && !/[()[\]<>\s]/.test(url);

describe('feed text in Discord: escaped everywhere', () => {
  let emu: DiscordEmulator;
  let feeds: FeedServer;
  let app: App;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['alerts', 'admin'] });
    feeds = await startFeedServer();
    feeds.setFeed('/hostile.xml', buildRssFeed([item], `Reuters ${HOSTILE}`));
    feeds.setFeed('/added.xml', buildRssFeed([], `[Reuters](https://phish.example/feed) <@&7> **Official**`));
    const hook = emu.createWebhook('alerts', 'hook');
    const { path } = writeTestConfig({
      feeds: [{ name: FEED_NAME, url: `${feeds.url}/hostile.xml` }, { name: `${FEED_NAME} (gone)`, url: `${feeds.url}/gone.xml?q=)[x](https://phish.example/g)` }],
      polling: { alertOnFirstPoll: true, disableAfterHours: 1 },
      extra: { discord: { channels: [emu.channelId('alerts')], adminChannel: emu.channelId('admin') } },
    });
    const env = { DISCORD_TOKEN: emu.token, DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' };
    // A clock of the test's own: the failing feed is disabled (and the admin told) two hours on.
    let clock = Date.now();
    app = await openApp(loadConfig({ configPath: path, env }), { extractor, now: () => new Date(clock) });
    await app.scheduler.pollAll();
    clock += 2 * 3600_000;
    await app.scheduler.pollAll();
    await app.discord!.bot.start();
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
    await feeds?.close();
  });

  const texts = (embed: Json): Array<[string, string]> => {
    const e = embed as { title: string; description: string; fields: Array<{ name: string; value: string }> };
    return [['title', e.title], ['description', e.description], ...e.fields.flatMap((f) => [[`field name ${f.name}`, f.name], [`field ${f.name}`, f.value]] as Array<[string, string]>)];
  };

  it('the alert embeds, by bot and by webhook, carry no markup, mention or masked link of the feed', () => {
    const alertPaths = new RegExp(`^/(channels/${emu.channelId('alerts')}/messages|webhooks/\\d+/[^/]+)$`);
    const posts = emu.requestsTo('POST', alertPaths).filter((r) => r.status === 200);
    expect(posts.map((p) => p.path.split('/')[1])).toEqual(expect.arrayContaining(['channels', 'webhooks']));
    const published = `${Math.floor(Date.parse(PUBLISHED.toUTCString()) / 1000)}`;
    for (const post of posts) {
      const body = post.body as { embeds: Json[]; allowed_mentions: unknown };
      expect(body.allowed_mentions).toEqual({ parse: [] });
      const embed = body.embeds[0] as { url?: string };
      expect(embed.url && isItemLink(embed.url), embed.url).toBe(true);
      for (const [where, text] of texts(body.embeds[0]!)) {
        const leaks = markupLeaks(text, { links: isItemLink, tokens: [`<t:${published}:R>`, `<t:${published}:f>`], quote: where === 'description' });
        expect(leaks, `${post.path} ${where}: ${text}`).toEqual([]);
      }
      const all = JSON.stringify(body.embeds);
      const links = texts(body.embeds[0]!).flatMap(([, t]) => maskedLinks(t));
      expect(links.length).toBe(1);
      expect(links[0]![1]).toBe('https://news.example/acme-ceo%29%5BOfficial%20statement%5D%28https://phish.example/x');
      // The text is still there to read, escaped: nothing is silently dropped.
      expect(all).toContain('\\\\*\\\\*BOLDX\\\\*\\\\*');
      expect(all).toContain('@\u200beveryone');
      expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('/feeds add names a feed by its title only as plain, escaped text', async () => {
    const reply = await emu.sendCommand({ name: 'feeds', subcommand: 'add', as: 'admin', options: { url: `${feeds.url}/added.xml` } }).reply();
    const content = String(reply.data.content);
    expect(content).toContain('Added **');
    expect(markupLeaks(content, { bold: true })).toEqual([]);
    expect(maskedLinks(content)).toEqual([]);
    const list = await emu.sendCommand({ name: 'feeds', subcommand: 'list', as: 'admin' }).reply();
    const listed = String(list.data.content);
    const feedLinks = [`<${feeds.url}/hostile.xml>`, `<${feeds.url}/added.xml>`, `<${feeds.url}/gone.xml?q=%29%5Bx%5D%28https://phish.example/g%29>`];
    expect(markupLeaks(listed, { bold: true, tokens: feedLinks }), listed).toEqual([]);
    const status = await emu.sendCommand({ name: 'feeds', subcommand: 'status', as: 'admin' }).reply();
    const relative = String(status.data.content).replace(/<t:\d+:R>/g, '');
    expect(markupLeaks(relative, { bold: true }), relative).toEqual([]);
  });

  it('/why and /changes show the hostile item escaped', async () => {
    const why = await emu.sendCommand({ name: 'why', options: { url: 'https://news.example/acme-ceo)[Official statement](https://phish.example/x' } }).reply();
    const embed = (why.data.embeds as Array<{ description: string; url?: string }>)[0]!;
    const description = embed.description.replace(/<t:\d+:R>/g, '');
    expect(markupLeaks(description, { bold: true, tokens: [`<#${emu.channelId('alerts')}>`] }), description).toEqual([]);
    expect(embed.url && isItemLink(embed.url)).toBe(true);
    const changes = await emu.sendCommand({ name: 'changes', subcommand: 'recent' }).reply();
    const listed = (changes.data.embeds as Array<{ description: string }>)[0]!.description.replace(/<t:\d+:d>/g, '');
    const lines = listed.split('\n').map((l, i) => (i === 2 && l.startsWith('> ') ? l.slice(2) : l));
    for (const line of lines) expect(markupLeaks(line, { bold: true, links: isItemLink }), line).toEqual([]);
    expect(maskedLinks(listed).map(([, url]) => url).every(isItemLink)).toBe(true);
  });

  it('admin notices carry the feed name escaped', async () => {
    const notices = (await emu.waitForMessages('admin', 2)).map((m) => String(m.content));
    expect(notices.find((n) => n.startsWith('execwatch disabled the feed'))).toContain('\\[Reuters\\](https://phish.example/r) \\*\\*Wire\\*\\*');
    for (const text of notices) expect(markupLeaks(text.replace(/`execwatch [^`]*`/g, '')), text).toEqual([]);
  });
});
