import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { openApp } from '../../src/main.js';
import { canonicalApiBase, parseWebhookUrl } from '../../src/discord/targets/webhook-url.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { buildChange } from './harness.js';

// Issue 12, defect 5: a webhook URL on another host than discord.com is posted to that host.

describe('webhook URLs keep their own host', () => {
  let emu: DiscordEmulator;
  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['alerts'] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('reads the API base from the URL: the official hosts, a version segment, a server of its own', () => {
    expect(parseWebhookUrl('https://discord.com/api/webhooks/123/tok-en')).toEqual({ id: '123', token: 'tok-en', apiBase: 'https://discord.com/api' });
    expect(parseWebhookUrl('https://discordapp.com/api/v10/webhooks/123/tok').apiBase).toBe('https://discord.com/api');
    expect(parseWebhookUrl('https://ptb.discord.com/api/webhooks/123/tok').apiBase).toBe('https://discord.com/api');
    expect(parseWebhookUrl('http://127.0.0.1:4567/api/webhooks/123/tok?wait=true').apiBase).toBe('http://127.0.0.1:4567/api');
    expect(() => parseWebhookUrl('https://discord.com/api/channels/1')).toThrow(/\/webhooks\/<id>\/<token>/);
  });

  it('drops trailing slashes however many, and keeps inner runs of them', () => {
    expect(canonicalApiBase(`http://127.0.0.1:4567/api${'/'.repeat(200_000)}`)).toBe('http://127.0.0.1:4567/api');
    expect(canonicalApiBase(`https://discordapp.com/api/v10${'/'.repeat(200_000)}`)).toBe('https://discord.com/api');
    const inner = `http://127.0.0.1:4567/${'/'.repeat(200_000)}api`;
    expect(canonicalApiBase(inner)).toBe(inner);
  });

  it('DISCORD_WEBHOOK_URL alone, on the emulator: the alert is posted there', async () => {
    const hook = emu.createWebhook('alerts');
    const { path } = writeTestConfig({ feeds: [] });
    const app = await openApp(loadConfig({ configPath: path, env: { DISCORD_WEBHOOK_URL: hook.url, LOG_LEVEL: 'silent' } }));
    try {
      const change = buildChange({ person: 'Jane Doe', org: 'Acme Robotics' });
      const results = await app.delivery.deliver({ key: 'event:w1', change, sources: [], confidence: 0.9, notes: [] });
      expect(results.map((r) => r.outcome)).toEqual(['sent']);
      expect(emu.messagesIn('alerts')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('a webhook on one host and DISCORD_API_URL on another: refused, naming both hosts and not the token', async () => {
    const hook = emu.createWebhook('alerts');
    const { path } = writeTestConfig({ feeds: [] });
    const env = { DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: 'https://discord.com/api', LOG_LEVEL: 'silent' };
    const opening = openApp(loadConfig({ configPath: path, env }));
    await expect(opening).rejects.toThrow(ConfigError);
    const message = await opening.catch((err: Error) => err.message);
    expect(message).toContain(new URL(emu.url).host);
    expect(message).toContain('discord.com');
    expect(message).not.toContain(hook.token);
  });
});
