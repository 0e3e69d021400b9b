// npm run test:crash [-- TRIALS] — kill -9 at random moments, in bot and in webhook mode.
//
// `execwatch run` (bin/execwatch.js) polls a local feed and posts to the Discord emulator, which
// answers every message create or edit 400 ms late (a slow Discord). Each trial adds one item with
// two changes (two alerts, each for two targets) and kills the process with SIGKILL at a random
// moment: mostly between its ops endpoint coming up and the time a whole trial takes from there
// (warm-up, poll, extraction, the item's transaction, the posts), one trial in ten during
// start-up; the next trial's process inherits what the killed one left. A last run without a kill finishes everything. Then every
// expected (person, target) pair is counted in the emulator: none may be missing; a bot channel
// may show none twice (enforced nonces); webhooks may, and those are counted. Exits 1 on a loss
// (or a bot-mode duplicate).
import { cpus } from 'node:os';
import { buildRssFeed, type RssItemSpec } from '../test/support/builders.js';
import { writeTestConfig } from '../test/support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../test/support/discord-emulator/index.js';
import { startFeedServer, type FeedServer } from '../test/support/feed-server.js';
import { spawn } from 'node:child_process';
import { BIN, startRunProcess, waitUntil } from '../test/support/run-process.js';

const TRIALS = Number(process.argv[2] ?? 50);
const DISCORD_DELAY_MS = 400;
const FIRST = ['Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya'];
const LAST = ['Abbott', 'Brandt', 'Castillo', 'Dimitrov', 'Eriksen', 'Fonseca', 'Galvez', 'Hartmann', 'Iqbal', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau'];

/** A unique, ordinary name per index (never reused across the run). */
function person(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
}

/** Item k: person 2k succeeds person 2k+1 as CEO of company k (two changes: in and out). */
function item(k: number): { spec: RssItemSpec; people: [string, string] } {
  const [incoming, outgoing] = [person(2 * k), person(2 * k + 1)];
  const company = `Company${String.fromCharCode(65 + (k % 26))}${k} Systems`;
  return {
    people: [incoming, outgoing],
    spec: {
      title: `${company} names ${incoming} CEO as ${outgoing} steps down`,
      link: `https://news.example/${k}`,
      guid: `item-${k}`,
      pubDate: new Date(Date.UTC(2026, 10, 3, 8, k % 60)).toUTCString(),
      description: `${company} said on Tuesday that ${incoming} will succeed ${outgoing} as chief executive officer. ${outgoing.split(' ')[1]} is retiring after ten years.`,
    },
  };
}

interface ModeResult {
  mode: 'bot' | 'webhook';
  kills: number;
  expected: number;
  lost: number;
  duplicates: number;
  flaggedByApp: number;
}

async function runMode(mode: 'bot' | 'webhook'): Promise<ModeResult> {
  const emu: DiscordEmulator = await startDiscordEmulator({ channels: ['alerts', 'more'], responseDelayMs: DISCORD_DELAY_MS, rateLimit: { limit: 1000, windowMs: 1000 } });
  const feeds: FeedServer = await startFeedServer();
  try {
    const channels = ['alerts', 'more'];
    const discord = mode === 'bot' ? { channels: channels.map((c) => emu.channelId(c)) } : {};
    const config = writeTestConfig({
      feeds: [{ name: 'Crash News', url: `${feeds.url}/feed.xml`, intervalMinutes: 1 }],
      polling: { alertOnFirstPoll: true },
      extra: { discord, http: { port: 0, host: '127.0.0.1' } },
    }).path;
    const env: NodeJS.ProcessEnv = mode === 'bot'
      ? { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl }
      : { DISCORD_WEBHOOK_URL: channels.map((c) => emu.createWebhook(c).url).join(','), DISCORD_API_URL: emu.apiUrl };

    const items: RssItemSpec[] = [];
    const expected: string[] = [];
    let flagged = 0;
    const messages = (): number => emu.state.messages.size;
    // The alert's embed title starts with the person's name.
    const count = (channel: string, p: string): number => emu.messagesIn(channel).filter((m) => JSON.stringify(m.embeds).includes(`"title":"${p} `)).length;
    const settle = async (run: Awaited<ReturnType<typeof startRunProcess>>) => {
      await waitUntil('every alert delivered', () => (expected.every((p) => channels.every((c) => count(c, p) > 0)) ? true : undefined), 180_000)
        .catch((err: Error) => console.error(`${mode}: ${err.message}`));
      return run;
    };

    // One calibration trial: how long a run takes from its ops endpoint to its last alert.
    const first = item(0);
    items.unshift(first.spec);
    expected.push(...first.people);
    feeds.setFeed('/feed.xml', buildRssFeed(items));
    const calib = await startRunProcess(config, env, 120_000);
    const t0 = Date.now();
    await settle(calib);
    const trialMs = Date.now() - t0;
    flagged += (calib.output().match(/it may appear twice/g) ?? []).length;
    await calib.stop('SIGTERM');
    console.error(`${mode}: a trial takes about ${trialMs} ms after start-up; ${messages()} messages so far`);

    for (let k = 1; k <= TRIALS; k++) {
      const next = item(k);
      items.unshift(next.spec);
      expected.push(...next.people);
      feeds.setFeed('/feed.xml', buildRssFeed(items));
      const child = spawn(process.execPath, [BIN, 'run', '--config', config], { env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      running = child;
      let log = '';
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const up = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('ops endpoint listening')) resolve();
      }));
      if (k % 10 === 0) {
        await new Promise((r) => setTimeout(r, Math.random() * 3_000));
      } else {
        await Promise.race([up, exited]);
        await new Promise((r) => setTimeout(r, Math.random() * trialMs * 1.2));
      }
      child.kill('SIGKILL');
      await exited;
      running = null;
      flagged += (log.match(/it may appear twice/g) ?? []).length;
      if (k % 10 === 0) console.error(`${mode}: ${k} kills; ${messages()} messages`);
    }

    const last = await settle(await startRunProcess(config, env, 120_000));
    flagged += (last.output().match(/it may appear twice/g) ?? []).length;
    await last.stop('SIGTERM');

    let lost = 0;
    let duplicates = 0;
    for (const c of channels) {
      for (const p of expected) {
        const n = count(c, p);
        if (n === 0) lost += 1;
        if (n > 1) duplicates += n - 1;
      }
    }
    return { mode, kills: TRIALS, expected: expected.length * channels.length, lost, duplicates, flaggedByApp: flagged };
  } finally {
    await emu.close();
    await feeds.close();
  }
}

// A child left running when this script is stopped would post on its own: it goes with it.
let running: ReturnType<typeof spawn> | null = null;
process.on('exit', () => running?.kill('SIGKILL'));
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const results: ModeResult[] = [];
for (const mode of ['bot', 'webhook'] as const) {
  const r = await runMode(mode);
  console.error(JSON.stringify(r));
  results.push(r);
}
console.log(`\nexecwatch crash trials (node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Discord answers ${DISCORD_DELAY_MS} ms late)\n`);
console.log('| mode | kill -9 | alerts expected (alert × target) | lost | duplicates | flagged by execwatch as possibly twice |');
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.mode} | ${r.kills} | ${r.expected} | ${r.lost} | ${r.duplicates} | ${r.flaggedByApp} |`);
const bad = results.filter((r) => r.lost > 0 || (r.mode === 'bot' && r.duplicates > 0));
process.exit(bad.length ? 1 : 0);
