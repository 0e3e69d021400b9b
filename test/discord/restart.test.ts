import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { openApp } from '../../src/main.js';
import type { Alert } from '../../src/notify/alert.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { buildChange, openStores } from './harness.js';

describe('a restart in the middle of delivery', () => {
  let emu: DiscordEmulator;
  let dir: string;
  let configPath: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['general', 'alerts', 'extra'] });
    dir = mkdtempSync(join(tmpdir(), 'execwatch-restart-'));
    configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, `dataDir: ${join(dir, 'data')}\nfeeds: []\n`);
    env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent', PATH: process.env.PATH };
    const { stores, close } = openStores(join(dir, 'data', 'execwatch.db'));
    for (const channel of ['general', 'alerts', 'extra']) {
      await stores.subscriptions.upsert({ guildId: emu.guildId, channelId: emu.channelId(channel), filters: { companies: [], people: [], roles: [], directions: [], minConfidence: 0 }, createdBy: null }, new Date().toISOString());
    }
    await close();
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('does not post twice: the killed process posted, the restarted one finishes without duplicates', async () => {
    const change = buildChange({ person: 'Daniel Zhang', org: 'Alibaba Cloud Intelligence', title: 'acting president', category: 'President', interim: true });
    const alert: Alert = { key: 'change:42', change, sources: [{ title: 't', url: change.source.url, feed: 'TechNode', publishedAt: change.source.publishedAt }], confidence: 0.9, notes: [] };
    // Discord takes the post to #alerts but the answer never reaches the process: it dies first.
    emu.faults.add({ method: 'POST', path: `/channels/${emu.channelId('alerts')}/messages`, status: 200, delayMs: 60_000 });

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/discord/fixtures/deliver-child.ts', configPath, JSON.stringify(alert)], { env, stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    try {
      // The child loads the whole app through tsx first: seconds on a busy machine.
      await emu.waitForMessages('alerts', 1, 45_000);
      await emu.waitForMessages('general', 1, 10_000);
      await emu.waitForMessages('extra', 1, 10_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}; the child said: ${stderr.slice(-2000)}`);
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    expect(emu.requestsTo('POST', /\/messages$/).filter((r) => r.path.includes(emu.channelId('alerts')))).toHaveLength(0); // its answer was never sent

    const app = await openApp(loadConfig({ configPath, env }));
    try {
      const pendingBefore = await app.stores.deliveries.get(alert.key, `channel:${emu.channelId('alerts')}`);
      expect(pendingBefore?.status).toBe('pending');
      expect(await app.resumeDeliveries()).toBe(1);
      for (const channel of ['general', 'alerts', 'extra']) {
        expect(emu.messagesIn(channel), channel).toHaveLength(1);
        expect((await app.stores.deliveries.get(alert.key, `channel:${emu.channelId(channel)}`))?.status).toBe('sent');
      }
      // The retry reached Discord with the same enforced nonce and got the first message back.
      const retry = emu.requestsTo('POST', new RegExp(`/channels/${emu.channelId('alerts')}/messages$`));
      expect(retry).toHaveLength(1);
      expect(retry[0]!.body).toMatchObject({ enforce_nonce: true, nonce: emu.messagesIn('alerts')[0]!.nonce });
      expect((await app.stores.deliveries.get(alert.key, `channel:${emu.channelId('alerts')}`))?.messageId).toBe(emu.messagesIn('alerts')[0]!.id);
      expect(await app.stores.deliveries.outbox()).toHaveLength(0);
      expect(await app.resumeDeliveries()).toBe(0);
    } finally {
      await app.close();
    }
  }, 90_000);
});
