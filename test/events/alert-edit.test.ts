import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

function setup(extraConfig: string[] = []) {
  const ctx = {} as {
    feeds: Awaited<ReturnType<typeof startFeedServer>>;
    discord: DiscordEmulator;
    env: NodeJS.ProcessEnv;
    configPath: string;
    dataDir: string;
    run: (...args: string[]) => Promise<number>;
  };
  beforeAll(async () => {
    ctx.feeds = await startFeedServer();
    ctx.discord = await startDiscordEmulator();
    const hook = ctx.discord.createWebhook('alerts');
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-events-e2e-'));
    ctx.configPath = join(dir, 'execwatch.yaml');
    ctx.dataDir = join(dir, 'data');
    writeFileSync(ctx.configPath, [
      `dataDir: ${join(dir, 'data')}`,
      ...extraConfig,
      'polling:',
      '  allowPrivateAddresses: true',
      'feeds:',
      '  - name: Outlet A',
      `    url: ${ctx.feeds.url}/a.xml`,
      '  - name: Outlet B',
      `    url: ${ctx.feeds.url}/b.xml`,
      '',
    ].join('\n'));
    ctx.env = { DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: ctx.discord.apiUrl, LOG_LEVEL: 'silent' };
    ctx.run = (...args: string[]) => main(args, { out: () => {}, err: () => {}, env: ctx.env });
  });
  afterAll(async () => {
    await ctx.feeds?.close();
    await ctx.discord?.close();
  });
  return ctx;
}

describe('one alert per event: a later report edits it', () => {
  const ctx = setup();

  it('posts the first report, edits the same message for the second outlet, and stays quiet after', async () => {
    const { feeds, discord, configPath, run } = ctx;
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

    // A denial reports no change, but the alert already sent learns that it is disputed.
    const denial: RssItemSpec = {
      title: 'Acme Robotics denies report that Jane Doe was named CEO',
      link: 'https://c.example/denial', guid: 'a3', pubDate: 'Wed, 04 Nov 2026 08:00:00 GMT',
      description: 'Acme Robotics said reports that Jane Doe had been appointed chief executive were false.',
    };
    feeds.setFeed('/a.xml', buildRssFeed([denial, reportA, ...quiet], 'Outlet A'));
    expect(await run('once', '--config', configPath)).toBe(0);
    expect(posts()).toHaveLength(1);
    expect(edits()).toHaveLength(2);
    expect(JSON.stringify(discord.messagesIn('alerts')[0])).toContain('Disputed');
  });
});

describe('holding a low-confidence event for a second source', () => {
  const ctx = setup(['events:', '  holdBelowConfidence: 0.99']); // one report at 0.95 waits; two outlets reach 0.9975

  it('posts nothing on one report and posts once the second outlet confirms it', async () => {
    const { feeds, discord, configPath, run } = ctx;
    feeds.setFeed('/a.xml', buildRssFeed(quiet, 'Outlet A'));
    feeds.setFeed('/b.xml', buildRssFeed(quietB, 'Outlet B'));
    expect(await run('once', '--config', configPath)).toBe(0);
    feeds.setFeed('/a.xml', buildRssFeed([reportA, ...quiet], 'Outlet A'));
    expect(await run('once', '--config', configPath)).toBe(0);
    expect(discord.messagesIn('alerts')).toHaveLength(0); // one outlet: held
    feeds.setFeed('/b.xml', buildRssFeed([reportB, ...quietB], 'Outlet B'));
    expect(await run('once', '--config', configPath)).toBe(0);
    const posted = discord.messagesIn('alerts');
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).toContain('a.example/acme-ceo'); // the held report is in it
    expect(discord.requestsTo('PATCH', /^\/webhooks\//)).toHaveLength(0);
  });
});

describe('when merging fails', () => {
  const ctx = setup();

  it('still alerts, once per change, and the run succeeds', async () => {
    const { feeds, discord, configPath, dataDir, run } = ctx;
    feeds.setFeed('/a.xml', buildRssFeed(quiet, 'Outlet A'));
    feeds.setFeed('/b.xml', buildRssFeed(quietB, 'Outlet B'));
    expect(await run('once', '--config', configPath)).toBe(0);
    // A real fault at merge time: the database refuses to store an event.
    const db = new Database(join(dataDir, 'execwatch.db'));
    db.exec("CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no events today'); END;");
    db.close();
    feeds.setFeed('/a.xml', buildRssFeed([reportA, ...quiet], 'Outlet A'));
    expect(await run('once', '--config', configPath)).toBe(0);
    const posted = discord.messagesIn('alerts');
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).toContain('Jane Doe');
    const check = new Database(join(dataDir, 'execwatch.db'), { readonly: true });
    // The change is stored; no half-written event is left behind.
    expect(check.prepare('SELECT COUNT(*) AS n FROM changes').get()).toEqual({ n: 1 });
    expect(check.prepare('SELECT COUNT(*) AS n FROM event_sources').get()).toEqual({ n: 0 });
    check.close();
  });
});
