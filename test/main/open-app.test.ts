import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/core/log.js';
import { createApp, openApp } from '../../src/main.js';
import { writeTestConfig } from '../support/config-file.js';

describe('openApp', () => {
  const configPath = () => writeTestConfig({ feeds: [] }).path;
  const webhookEnv = { DISCORD_WEBHOOK_URL: 'http://127.0.0.1:9/api/webhooks/123/tok', LOG_LEVEL: 'silent' as const };

  it('loads the Discord parts when the environment configures Discord', async () => {
    const app = await openApp(loadConfig({ configPath: configPath(), env: webhookEnv }), { logger: silentLogger });
    expect(app.targets.map((t) => t.id)).toEqual(['webhook:123']);
    await app.close();
  });

  it('runs without them, alerting on the console, when Discord is not configured', async () => {
    const app = await openApp(loadConfig({ configPath: configPath(), env: { LOG_LEVEL: 'silent' } }), { logger: silentLogger });
    expect(app.targets.map((t) => t.id)).toEqual(['console']);
    expect(app.discord).toBeNull();
    await app.close();
  });

  it('createApp refuses a Discord configuration it was not given the Discord parts for', async () => {
    await expect(createApp(loadConfig({ configPath: configPath(), env: webhookEnv }), { logger: silentLogger })).rejects.toThrow(/openApp/);
  });
});
