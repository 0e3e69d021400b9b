// npm run test:scale [-- --feeds 2000 --workers 3 --cycles 3 --kills 2 --latency 20]
//
// Issue 13's acceptance, for real: one throwaway Postgres, `execwatch run --role scheduler`, N
// `--role worker` and one `--role gateway` processes (bin/execwatch.js), a loopback server with
// N feeds, and the Discord emulator. After every feed's first poll (a baseline), each cycle adds
// a new item to every feed; one feed in CHANGE_EVERY gets an item announcing a leadership change
// whose two people are known, so every expected alert is known. During the first `kills` change
// cycles one worker is killed with SIGKILL while polls run, and started again (what a restart
// policy does). Throughout, the emulator sends `/changes recent` to the gateway.
//
// Then it counts, from the emulator, each expected (person, channel) post: none may be missing
// (lost) or posted twice (duplicates); from the feed server, requests of one feed that overlapped
// (a feed polled twice at once); and the slash commands answered. Prints a summary; exits 1 on
// any loss, duplicate, overlap or unanswered command.

import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { commands } from '../src/discord/commands/index.js';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { writeTestConfig } from '../test/support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../test/support/discord-emulator/index.js';
import { hasPostgres, startPostgres } from '../test/support/postgres.js';
import { BIN, waitUntil } from '../test/support/run-process.js';
import { changeItem, plainItem, startScaleFeedServer } from './scale-feeds.js';
import { readyz, startRole, type Role, type RoleProcess } from './scale-roles.js';
import { spawn } from 'node:child_process';

const { values: args } = parseArgs({
  options: {
    feeds: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '3' },
    cycles: { type: 'string', default: '3' },
    kills: { type: 'string', default: '2' },
    latency: { type: 'string', default: '20' },
  },
});
const FEEDS = Number(args.feeds);
const WORKERS = Number(args.workers);
const CYCLES = Number(args.cycles);
const KILLS = Number(args.kills);
const LATENCY_MS = Number(args.latency);
/** One feed in this many gets a leadership change each cycle (the rest get plain news). */
const CHANGE_EVERY = 5;
const CHANNELS = ['alerts', 'more'];
/** Where the slash commands are sent (their replies are messages too: kept out of the alert channels). */
const COMMAND_CHANNEL = 'commands';
/** A poll job not finished after this long counts as lost and runs on another worker. */
const JOB_EXPIRE_SECONDS = 40;
/** A delivery left pending this long by a worker is taken over by another. */
const DELIVERY_LEASE_SECONDS = 30;
const COMMAND_EVERY_MS = 3000;

const log = (msg: string) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!hasPostgres('scale run')) process.exit(0);

const children = new Set<RoleProcess>();
// A role process left behind when this script stops would keep polling and posting: it goes too.
process.on('exit', () => {
  for (const c of children) c.child.kill('SIGKILL');
});
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const started = Date.now();
const pg = await startPostgres();
const emu: DiscordEmulator = await startDiscordEmulator({ channels: [...CHANNELS, COMMAND_CHANNEL], rateLimit: { limit: 100_000, windowMs: 1000 }, waitTimeoutMs: 20_000 });
const feeds = await startScaleFeedServer({ latencyMs: LATENCY_MS });

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...argv], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`execwatch ${argv.join(' ')} exited ${code}:\n${out.slice(-3000)}`);
}

try {
  const url = await pg.createDatabase('scale');
  for (let f = 0; f < FEEDS; f++) feeds.push(f, plainItem(f, 0));
  const config = writeTestConfig({
    feeds: Array.from({ length: FEEDS }, (_, f) => ({ name: `Scale feed ${f}`, url: `${feeds.url}${feeds.path(f)}`, intervalMinutes: 1 })),
    polling: { alertOnFirstPoll: false, concurrency: 32, perHostConcurrency: 32 },
    extra: {
      discord: { channels: CHANNELS.map((c) => emu.channelId(c)) },
      http: { port: 0, host: '127.0.0.1' },
      extraction: { workers: 0 },
      extractor: { kind: 'builtin' },
      roles: { jobExpireSeconds: JOB_EXPIRE_SECONDS, deliveryLeaseSeconds: DELIVERY_LEASE_SECONDS, retryEverySeconds: 10 },
    },
  }).path;
  const env: NodeJS.ProcessEnv = { DATABASE_URL: url, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'info' };
  await cli(['migrate', '--config', config], env);
  await deployCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), commands, emu.guildId);

  const start = (role: Role, name: string): RoleProcess => {
    const p = startRole(role, name, config, env);
    children.add(p);
    void p.exited.then((code) => {
      if (children.has(p) && p.child.signalCode !== 'SIGKILL') log(`${name} exited (${code}) on its own:\n${p.tail()}`);
    });
    return p;
  };
  const scheduler = start('scheduler', 'scheduler');
  const gateway = start('gateway', 'gateway');
  const workers = Array.from({ length: WORKERS }, (_, i) => start('worker', `worker-${i + 1}`));
  let nextWorker = WORKERS + 1;
  const roleUrls = await Promise.all([scheduler, gateway, ...workers].map((p) => p.opsUrl));
  log(`${2 + WORKERS} processes up (${roleUrls.length} ops endpoints); waiting for the gateway`);
  await waitUntil('the gateway ready', async () => ((await readyz(await gateway.opsUrl))?.status === 200 ? true : undefined), 60_000);

  // Slash commands throughout, one every few seconds, each waited for.
  const commandStats = { sent: 0, answered: 0, failed: [] as string[] };
  let commanding = true;
  const commandLoop = (async () => {
    while (commanding) {
      commandStats.sent += 1;
      try {
        const reply = await emu.sendCommand({ name: 'changes', subcommand: 'recent', channelId: emu.channelId(COMMAND_CHANNEL) }).reply();
        if (reply.type === 4 || reply.type === 5) commandStats.answered += 1;
        else commandStats.failed.push(`reply type ${reply.type}`);
      } catch (err) {
        commandStats.failed.push((err as Error).message);
      }
      await sleep(COMMAND_EVERY_MS);
    }
  })();

  log(`baseline: waiting for the first poll of all ${FEEDS} feeds`);
  const t0 = Date.now();
  await waitUntil('every feed polled once', () => (feeds.polledFeeds() >= FEEDS ? true : undefined), 600_000);
  log(`baseline done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${feeds.requests()} requests)`);
  // The first polls recorded their items; wait for a few to be done with the database too.
  await sleep(5000);

  const expected: string[] = [];
  let k = 0;
  let kills = 0;
  const cycleTimes: number[] = [];
  // Posts per (person, channel), read off each alert's embed title ("Alice Kakaka named CEO …"):
  // the counts are kept up to date as messages arrive, one look at each message.
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const tally = () => {
    for (const c of CHANNELS) {
      for (const m of emu.messagesIn(c)) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        const title = String((m.embeds as Array<{ title?: string }> | undefined)?.[0]?.title ?? '');
        const key = `${c} ${title.split(' ').slice(0, 2).join(' ')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  };
  const posted = (p: string, c: string) => counts.get(`${c} ${p}`) ?? 0;
  const allPosted = (people: string[]) => {
    tally();
    return people.every((p) => CHANNELS.every((c) => posted(p, c) > 0));
  };
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const cycleExpected: string[] = [];
    const before = feeds.requests();
    for (let f = 0; f < FEEDS; f++) {
      if (f % CHANGE_EVERY === cycle % CHANGE_EVERY) {
        const item = changeItem(k++, f);
        feeds.push(f, item.spec);
        cycleExpected.push(...item.people);
      } else {
        feeds.push(f, plainItem(f, cycle));
      }
    }
    expected.push(...cycleExpected);
    const pushedAt = Date.now();
    log(`cycle ${cycle}: ${FEEDS} new items, ${cycleExpected.length / 2} with a change (${cycleExpected.length * CHANNELS.length} posts expected)`);
    if (kills < KILLS) {
      // Mid-cycle: once a third of this cycle's polls went out.
      await waitUntil('a third of the cycle polled', () => (feeds.requests() - before >= FEEDS / 3 ? true : undefined), 300_000);
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      children.delete(victim);
      await victim.kill('SIGKILL');
      kills += 1;
      log(`cycle ${cycle}: killed ${victim.name} with SIGKILL (${feeds.requests() - before} polls into the cycle); starting worker-${nextWorker}`);
      workers.push(start('worker', `worker-${nextWorker++}`));
    }
    await waitUntil(`cycle ${cycle}'s alerts`, () => (allPosted(cycleExpected) ? true : undefined), (JOB_EXPIRE_SECONDS + DELIVERY_LEASE_SECONDS) * 1000 + 300_000)
      .catch((err: Error) => log(err.message));
    cycleTimes.push(Date.now() - pushedAt);
    log(`cycle ${cycle}: alerts out ${((Date.now() - pushedAt) / 1000).toFixed(1)} s after the items appeared`);
  }
  // Late duplicates would come from a taken-over job or delivery: give them time to show.
  await sleep((DELIVERY_LEASE_SECONDS + 15) * 1000);
  commanding = false;
  await commandLoop;

  tally();
  let lost = 0;
  let duplicates = 0;
  for (const p of expected) {
    for (const c of CHANNELS) {
      const n = posted(p, c);
      if (n === 0) lost += 1;
      if (n > 1) duplicates += n - 1;
    }
  }
  const alertPosts = CHANNELS.reduce((sum, c) => sum + emu.messagesIn(c).length, 0);
  const unexpected = alertPosts - (expected.length * CHANNELS.length - lost + duplicates);
  const depth = await readyz(await scheduler.opsUrl);
  const summary = {
    feeds: FEEDS, workers: WORKERS, cycles: CYCLES, kills, latencyMs: LATENCY_MS,
    expectedPosts: expected.length * CHANNELS.length, lost, duplicates, unexpected,
    overlappingPolls: feeds.overlaps(), feedsPolledTwiceAtOnce: feeds.overlappingFeeds().length, pollRequests: feeds.requests(),
    commandsSent: commandStats.sent, commandsAnswered: commandStats.answered, commandFailures: commandStats.failed.slice(0, 5),
    cycleSeconds: cycleTimes.map((ms) => Math.round(ms / 100) / 10), totalSeconds: Math.round((Date.now() - started) / 1000),
    schedulerReadyz: depth?.body ?? null,
  };
  for (const c of children) {
    const problems = [...c.problems().entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    if (problems.length) log(`${c.name} warned: ${problems.map(([m, n]) => `${n} × ${m}`).join('; ')}; first: ${c.samples().get(problems[0]![0])}`);
  }
  const ending = [...children];
  children.clear();
  await Promise.all(ending.map((c) => c.kill('SIGTERM')));

  console.log(`\nexecwatch scale run (node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB)\n`);
  console.log('| feeds | workers | cycles | worker kill -9 | posts expected (alert × channel) | lost | duplicates | unexpected | feeds polled twice at once | slash commands answered |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${FEEDS} | ${WORKERS} | ${CYCLES} | ${kills} | ${summary.expectedPosts} | ${lost} | ${duplicates} | ${unexpected} | ${summary.feedsPolledTwiceAtOnce} | ${commandStats.answered}/${commandStats.sent} |`);
  console.log(`\n${JSON.stringify(summary)}`);
  const bad = lost > 0 || duplicates > 0 || summary.overlappingPolls > 0 || commandStats.answered < commandStats.sent;
  process.exitCode = bad ? 1 : 0;
} finally {
  for (const c of children) await c.kill('SIGKILL');
  await emu.close();
  await feeds.close();
  await pg.stop();
}
