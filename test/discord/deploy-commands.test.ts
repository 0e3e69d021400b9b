import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';

describe('execwatch discord deploy-commands', () => {
  let emu: DiscordEmulator;
  let configPath: string;
  const out: string[] = [];
  const err: string[] = [];
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) => main(['discord', ...args, '--config', configPath], { out: (t) => out.push(t), err: (t) => err.push(t), env });

  beforeAll(async () => {
    emu = await startDiscordEmulator();
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-deploy-'));
    configPath = join(dir, 'execwatch.yaml');
    writeFileSync(configPath, `dataDir: ${join(dir, 'data')}\nfeeds: []\n`);
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('registers the commands in one server, or globally', async () => {
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl };
    expect(await run(env, 'deploy-commands', '--guild', emu.guildId)).toBe(0);
    expect(out.at(-1)).toBe(`registered 7 commands in server ${emu.guildId}: /changes /timeline /subscribe /unsubscribe /subscriptions /feeds /why`);
    expect(emu.state.guildCommands.get(emu.guildId)).toHaveLength(7);
    expect(await run(env, 'deploy-commands')).toBe(0);
    expect(emu.state.globalCommands.map((c) => c.name)).toEqual(['changes', 'timeline', 'subscribe', 'unsubscribe', 'subscriptions', 'feeds', 'why']);
    expect(emu.requestsTo('PUT', /commands$/).every((r) => r.headers.authorization === `Bot ${emu.token}`)).toBe(true);
  });

  it('explains a missing token, a bad guild id and an unknown subcommand', async () => {
    expect(await run({}, 'deploy-commands')).toBe(78);
    expect(err.at(-1)).toMatch(/DISCORD_TOKEN is not set/);
    expect(await run({ DISCORD_TOKEN: emu.token }, 'deploy-commands', '--guild', 'abc')).toBe(2);
    expect(err.at(-1)).toMatch(/--guild takes a server id/);
    expect(await run({ DISCORD_TOKEN: emu.token }, 'deploy')).toBe(2);
    expect(await run({ DISCORD_TOKEN: 'wrong', DISCORD_API_URL: emu.apiUrl }, 'deploy-commands')).toBe(1);
    expect(err.at(-1)).toMatch(/401|Unauthorized/);
  });
});
