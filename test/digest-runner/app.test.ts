import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { parseDigestSchedule } from '../../src/digest/schedule.js';
import { openApp } from '../../src/main.js';
import { acmeNamesCeoItem, buildRssFeed } from '../support/builders.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startFeedServer } from '../support/feed-server.js';
import { createClock, noFilter } from './support.js';

describe('digests wired by createApp (bot token set)', () => {
  let emu: DiscordEmulator;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['general', 'digest'] });
    feeds = await startFeedServer();
  });
  afterAll(async () => {
    await emu?.close();
    await feeds?.close();
  });

  it('a polled change goes to the digest channel at its time, not as an alert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-digest-app-'));
    const configPath = join(dir, 'bot.yaml');
    writeFileSync(configPath, [`dataDir: ${join(dir, 'data')}`, 'polling:', '  allowPrivateAddresses: true', 'feeds:', '  - name: Example News', `    url: ${feeds.url}/news.xml`, ''].join('\n'));
    const clock = createClock('2026-11-02T08:00:00Z');
    const app = await openApp(loadConfig({ configPath, env: { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' } }), { now: clock.now });
    try {
      expect(app.digests).not.toBeNull();
      await app.stores.subscriptions.upsert({
        guildId: emu.guildId, channelId: emu.channelId('digest'), filters: noFilter, createdBy: null,
        mode: { mode: 'digest', schedule: parseDigestSchedule({ cadence: 'daily', time: '09:00', timeZone: 'Europe/Berlin' }), postEmpty: false },
      }, clock.now().toISOString());
      feeds.setFeed('/news.xml', buildRssFeed([]));
      await app.scheduler.pollAll();
      clock.set('2026-11-02T10:00:00Z');
      feeds.setFeed('/news.xml', buildRssFeed([acmeNamesCeoItem('a1')]));
      await app.scheduler.pollAll();
      await app.resumeDeliveries();
      expect(emu.messagesIn('digest')).toHaveLength(0);

      clock.set('2026-11-03T07:59:00Z'); // 08:59 in Berlin
      expect((await app.digests!.tick()).enqueued).toEqual([]);
      clock.set('2026-11-03T08:00:30Z');
      await app.digests!.tick();
      const posted = emu.messagesIn('digest');
      expect(posted).toHaveLength(1);
      expect(posted[0]!.content).toMatch(/^\*\*Daily digest · Tue 3 Nov 2026\*\*\n1 change at 1 organisation\.\n\n\*\*Acme Robotics\*\*\n- \*\*Jane Doe\*\* → /);
    } finally {
      await app.close();
    }
  });
});
