import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'execwatch.js');

// One item, two changes (Jane Doe in, John Roe out): two events, two alerts.
const twoChanges: RssItemSpec = {
  title: 'Acme Robotics names Jane Doe CEO as John Roe steps down',
  link: 'https://news.example/acme-ceo',
  guid: 'acme-ceo',
  pubDate: 'Tue, 03 Nov 2026 08:00:00 GMT',
  description: 'Acme Robotics said on Tuesday that Jane Doe will succeed John Roe as chief executive officer. Roe is retiring after ten years.',
};

const people = (emu: DiscordEmulator): string[] => emu.messagesIn('alerts').map((m) => /Jane Doe|John Roe/.exec(JSON.stringify(m.embeds))?.[0] ?? '?').sort();

/**
 * kill -9 at a chosen moment: Discord has taken the item's first alert but not answered yet. The
 * restarted run must deliver both alerts: the second never reached Discord before the crash.
 */
describe.each(['bot', 'webhook'] as const)('a crash during the first post of a two-change item (%s mode)', (mode) => {
  let emu: DiscordEmulator;
  let feeds: FeedServer;
  let configPath: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['alerts'] });
    feeds = await startFeedServer();
    feeds.setFeed('/feed.xml', buildRssFeed([twoChanges]));
    const discord = mode === 'bot' ? { channels: [emu.channelId('alerts')] } : {};
    configPath = writeTestConfig({ feeds: [{ name: 'Example News', url: `${feeds.url}/feed.xml` }], polling: { alertOnFirstPoll: true }, extra: { discord } }).path;
    env = mode === 'bot'
      ? { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent', PATH: process.env.PATH }
      : { DISCORD_WEBHOOK_URL: emu.createWebhook('alerts').url, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent', PATH: process.env.PATH };
  });
  afterAll(async () => {
    await emu?.close();
    await feeds?.close();
  });

  it('loses no alert; only a webhook may show the cut-off one twice, and the run says so', async () => {
    const posts = mode === 'bot' ? `/channels/${emu.channelId('alerts')}/messages` : /^\/webhooks\/\d+\/[^/]+$/;
    emu.faults.add({ method: 'POST', path: posts, status: 200, delayMs: 120_000 });
    const child = spawn(process.execPath, [BIN, 'once', '--config', configPath], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      // Polled, not awaited on requests: the post is recorded as a request only when answered.
      const until = Date.now() + 60_000;
      while (emu.messagesIn('alerts').length === 0) {
        if (Date.now() > until) throw new Error(`the child posted nothing; it said: ${stderr.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    expect(emu.messagesIn('alerts')).toHaveLength(1);

    const err: string[] = [];
    const code = await main(['once', '--config', configPath], { out: () => {}, err: (t) => err.push(t), env });
    expect(code).toBe(0);
    if (mode === 'bot') {
      // The retried post carried the first one's nonce: Discord gave the first message back.
      expect(people(emu)).toEqual(['Jane Doe', 'John Roe']);
      expect(err.join('\n')).toMatch(/deliveries: 2 sent, 0 failed, 0 deferred$/m);
    } else {
      const seen = people(emu);
      expect([...new Set(seen)]).toEqual(['Jane Doe', 'John Roe']);
      expect(seen).toHaveLength(3);
      expect(err.join('\n')).toMatch(/deliveries: 2 sent, 0 failed, 0 deferred, 1 possibly posted twice/);
    }
  }, 120_000);
});
