import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScaleFeedServer, changeItem, plainItem, type ScaleFeedServer } from '../../scripts/scale-feeds.js';
import { readyz, startRole, type RoleProcess } from '../../scripts/scale-roles.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { hasPostgres, startPostgres, type PostgresCluster } from '../support/postgres.js';
import { BIN, waitUntil } from '../support/run-process.js';

describe('execwatch run --role without Postgres', () => {
  it('refuses a split role on SQLite with a configuration error saying what to set', () => {
    const config = writeTestConfig({ feeds: [] }).path;
    const r = spawnSync(process.execPath, [BIN, 'run', '--role', 'worker', '--config', config], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', timeout: 30_000,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('--role worker needs Postgres: set DATABASE_URL');
  });

  it('refuses an unknown role as a usage error', () => {
    const r = spawnSync(process.execPath, [BIN, 'run', '--role', 'leader'], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--role must be one of all, scheduler, worker, gateway');
  });
});

describe.runIf(hasPostgres('run --role on Postgres'))('execwatch run --role scheduler, worker × 2 and gateway on one Postgres', () => {
  let pg: PostgresCluster;
  let emu: DiscordEmulator;
  let feeds: ScaleFeedServer;
  const procs: RoleProcess[] = [];
  const FEEDS = 6;

  beforeAll(async () => {
    [pg, emu, feeds] = await Promise.all([
      startPostgres(),
      startDiscordEmulator({ channels: ['alerts', 'commands'], rateLimit: { limit: 1000, windowMs: 1000 }, waitTimeoutMs: 20_000 }),
      startScaleFeedServer(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    await emu?.close();
    await feeds?.close();
    await pg?.stop();
  });

  it('polls every feed through the queue, alerts each change once, answers commands, and each process says its role', async () => {
    for (let f = 0; f < FEEDS; f++) feeds.push(f, plainItem(f, 0));
    const url = await pg.createDatabase('roles');
    const config = writeTestConfig({
      feeds: Array.from({ length: FEEDS }, (_, f) => ({ name: `Feed ${f}`, url: `${feeds.url}${feeds.path(f)}`, intervalMinutes: 1 })),
      polling: { alertOnFirstPoll: true },
      extra: { discord: { channels: [emu.channelId('alerts')] }, http: { port: 0, host: '127.0.0.1' }, extraction: { workers: 0 }, extractor: { kind: 'builtin' } },
    }).path;
    // alertOnFirstPoll: the first poll reads the change items at once.
    const people: string[] = [];
    for (let f = 0; f < FEEDS; f++) {
      const item = changeItem(1000 + f, f);
      feeds.push(f, item.spec);
      people.push(...item.people);
    }
    const env = { DATABASE_URL: url, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl };
    for (const [role, name] of [['scheduler', 'scheduler'], ['worker', 'worker-1'], ['worker', 'worker-2'], ['gateway', 'gateway']] as const) {
      procs.push(startRole(role, name, config, env));
    }
    const urls = await Promise.all(procs.map((p) => p.opsUrl));

    const posted = (p: string) => emu.messagesIn('alerts').filter((m) => JSON.stringify(m.embeds).includes(`"title":"${p} `)).length;
    await waitUntil('every alert posted', () => (people.every((p) => posted(p) > 0) ? true : undefined), 60_000);
    expect(people.map(posted)).toEqual(people.map(() => 1));
    expect(feeds.polledFeeds()).toBe(FEEDS);
    expect(feeds.overlaps()).toBe(0);

    for (const [i, p] of procs.entries()) {
      const health = (await (await fetch(`${urls[i]}/healthz`)).json()) as { role: string };
      expect(health.role).toBe(p.role);
      const ready = await waitUntil(`${p.name} ready`, async () => {
        const r = await readyz(urls[i]!);
        return r?.status === 200 ? r : undefined;
      }, 30_000);
      expect((ready.body.checks as { role: string }).role).toBe(p.role);
    }
    // Only the gateway logs in to Discord, and it answers the command from what the workers stored.
    for (const p of procs) expect(p.tail().includes('discord bot ready')).toBe(p.role === 'gateway');
    const reply = await emu.sendCommand({ name: 'changes', subcommand: 'person', options: { name: people[0]! }, channelId: emu.channelId('commands') }).reply();
    expect(JSON.stringify(reply.data)).toContain(people[0]!);
    // The scheduler's /metrics shows the queue.
    const metrics = await (await fetch(`${urls[0]}/metrics`)).text();
    expect(metrics).toMatch(/execwatch_poll_queue_jobs\{state="queued"\} \d+/);
  }, 120_000);
});
