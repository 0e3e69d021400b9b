import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

// Issue 12: `execwatch stats` covers the whole pipeline, not only LLM use.

const recent = new Date(Date.now() - 3600_000).toUTCString();
const items: RssItemSpec[] = [
  { title: 'Acme Robotics names Jane Doe chief executive officer', link: 'https://news.example/acme-ceo', guid: 's1', pubDate: recent,
    description: 'Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer, effective immediately.' },
  { title: 'Chip maker reports record quarterly revenue', link: 'https://news.example/chips', guid: 's2', pubDate: recent },
  { title: 'Cloud outage hits several regions overnight', link: 'https://news.example/outage', guid: 's3', pubDate: 'Mon, 02 Nov 2020 08:00:00 GMT' },
];

describe('execwatch stats', () => {
  let feeds: FeedServer;
  let emu: DiscordEmulator;
  let path: string;
  let env: NodeJS.ProcessEnv;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: () => undefined, env });
    return { code, out: out.join('\n') };
  };

  beforeAll(async () => {
    feeds = await startFeedServer();
    emu = await startDiscordEmulator({ channels: ['alerts', 'locked'] });
    feeds.setFeed('/good.xml', buildRssFeed(items));
    const ok = emu.createWebhook('alerts');
    const refused = emu.createWebhook('locked');
    emu.setChannelState('locked', 'forbidden');
    path = writeTestConfig({
      feeds: [{ name: 'Good Wire', url: `${feeds.url}/good.xml` }, { name: 'Gone Wire', url: `${feeds.url}/gone.xml` }],
      polling: { backfillHours: 48 },
    }).path;
    env = { DISCORD_WEBHOOK_URL: `${ok.url},${refused.url}`, LOG_LEVEL: 'silent' };
    await run('once', '--config', path);
  });
  afterAll(async () => {
    await feeds?.close();
    await emu?.close();
  });

  it('--json: feeds failing, items, changes, events and alerts sent and failed per target, next to the LLM figures', async () => {
    const { code, out } = await run('stats', '--json', '--config', path);
    expect(code).toBe(0);
    const stats = JSON.parse(out) as { calls: number; pipeline: Record<string, unknown> };
    expect(stats.calls).toBe(0);
    expect(stats.pipeline).toMatchObject({
      feeds: { total: 2, enabled: 2, failing: [{ name: 'Gone Wire', failures: 1, error: expect.stringMatching(/HTTP 404/) }], disabled: [] },
      items: { total: 3, processed: 2, baseline: 1, duplicates: 0, failed: 0 },
      changes: { total: 1, byExtractor: { builtin: 1 } },
      events: { total: 1, alerted: 1 },
      alerts: { sent: 1, failed: 1, pending: 0 },
    });
    const byTarget = (stats.pipeline.alerts as { byTarget: Array<{ target: string; sent: number; failed: number }> }).byTarget;
    expect(byTarget.map((t) => [t.sent, t.failed]).sort()).toEqual([[0, 1], [1, 0]]);
  });

  it('as text: the pipeline first, then the LLM section as before', async () => {
    const { out } = await run('stats', '--config', path);
    expect(out).toMatch(/^Pipeline \(all time\)\n {2}feeds +2 \(2 enabled\); 1 failing, 0 disabled\n {4}failing: Gone Wire since /);
    expect(out).toMatch(/items +3 \(2 read, 1 baseline\)/);
    expect(out).toMatch(/alerts +1 sent, 1 failed, 0 pending\n {4}webhook:\d+ 1 (sent|failed)\n {4}webhook:\d+ 1 (sent|failed)\n/);
    expect(out).toMatch(/\n\nLLM extraction \(all time\)\n {2}calls +0/);
  });
});
