import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/load.js';
import { inspectFeed } from '../feeds/inspect.js';
import { buildOpml, parseOpml } from '../feeds/opml.js';
import { createApp } from '../main.js';
import { createProgress } from '../ops/progress.js';
import type { FeedRecord } from '../ports/feeds.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand, type CliIo } from './command.js';
import { tryConfig } from './optional-config.js';

const USAGE = `execwatch feeds <subcommand> [options]

  feeds list [--json]                 every feed with its health: last success, last error, items, next poll
  feeds inspect <url|file> [--json]   read one feed and show its format, title, items and any error
  feeds import FILE.opml              add the feeds of an OPML file (kept across restarts)
  feeds export                        print every feed as OPML
  feeds enable <id|url>               re-enable a feed that was disabled after failing
  feeds remove <id|url>               remove a feed added by import or in Discord

${CONFIG_USAGE}
  --json          machine-readable output
  --allow-private (inspect) allow loopback/private addresses even if the config does not`;

// Managing feeds needs the store and the reader, not Discord: its credentials are left out so
// that discord.js is not loaded for a listing.
function openApp(config: string | undefined, io: CliIo) {
  const loaded = loadConfig({ configPath: config, env: io.env });
  return createApp({ ...loaded, env: { ...loaded.env, DISCORD_TOKEN: undefined, DISCORD_WEBHOOK_URL: undefined } });
}

const ago = (iso: string | null, now: number) => {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(s);
  const text = abs < 90 ? `${abs}s` : abs < 5400 ? `${Math.round(abs / 60)}m` : abs < 172_800 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86_400)}d`;
  return s >= 0 ? `${text} ago` : `in ${text}`;
};

function health(f: FeedRecord): string {
  if (f.disabled) return 'disabled';
  if (f.lastError) return `failing×${f.consecutiveFailures}`;
  if (!f.lastSuccessAt) return 'new';
  return 'ok';
}

function findFeed(feeds: FeedRecord[], ref: string): FeedRecord {
  const byId = /^\d+$/.test(ref) ? feeds.find((f) => f.id === Number(ref)) : undefined;
  const found = byId ?? feeds.find((f) => f.url === ref);
  if (!found) throw new UsageError(`no feed with id or URL ${JSON.stringify(ref)} (see execwatch feeds list)`);
  return found;
}

async function list(values: { config?: string; json?: boolean }, io: CliIo): Promise<number> {
  const app = await openApp(values.config, io);
  try {
    const feeds = await app.stores.feeds.list();
    if (values.json) {
      for (const f of feeds) {
        io.out(JSON.stringify({
          id: f.id, name: f.name, url: f.url, origin: f.origin, health: health(f), lastSuccessAt: f.lastSuccessAt, lastError: f.lastError,
          lastErrorAt: f.lastErrorAt, lastStatus: f.lastStatus, failures: f.consecutiveFailures, items: f.itemCount,
          nextPollAt: f.nextPollAt, disabled: f.disabled, disabledReason: f.disabledReason, movedFrom: f.movedFrom,
        }));
      }
      return 0;
    }
    if (!feeds.length) {
      io.out('no feeds yet: add some under feeds: in the config, or run execwatch feeds import FILE.opml');
      return 0;
    }
    const now = Date.now();
    for (const f of feeds) {
      io.out(`#${f.id} ${f.name} [${health(f)}] ${f.url}`);
      io.out(`    last success ${ago(f.lastSuccessAt, now)}, ${f.itemCount} items, next poll ${f.disabled ? '—' : f.nextPollAt ? ago(f.nextPollAt, now) : 'now'}${f.lastStatus ? `, last HTTP ${f.lastStatus}` : ''}${f.origin === 'user' ? ', added by a user' : ''}`);
      if (f.movedFrom) io.out(`    moved permanently from ${f.movedFrom}: update its url in the config`);
      if (f.lastError) io.out(`    last error ${ago(f.lastErrorAt, now)}: ${f.lastError}`);
      if (f.disabled) io.out(`    disabled ${ago(f.disabledAt, now)}${f.disabledReason ? `: ${f.disabledReason}` : ''} (execwatch feeds enable ${f.id})`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

async function inspect(target: string, values: { config?: string; json?: boolean; 'allow-private'?: boolean }, io: CliIo): Promise<number> {
  const loaded = tryConfig(values.config, io);
  const polling = loaded?.config.polling;
  const result = await inspectFeed(target, {
    options: {
      ...(polling ? { userAgent: polling.userAgent, timeoutMs: polling.timeoutMs, connectTimeoutMs: polling.connectTimeoutMs, maxBytes: polling.maxBytes, maxRedirects: polling.maxRedirects } : {}),
      allowPrivateAddresses: values['allow-private'] || (polling?.allowPrivateAddresses ?? false),
    },
  });
  if (values.json) {
    io.out(JSON.stringify({ ok: result.ok, format: result.format, title: result.title, items: result.items, error: result.error }));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    io.out(`${target}: not readable\n  error: ${result.error}`);
    return 1;
  }
  io.out(`${target}`);
  io.out(`  format:   ${result.format}${result.version ? ` (version ${result.version})` : ''}${result.encoding ? `, ${result.encoding}` : ''}`);
  io.out(`  title:    ${result.title ?? '(none)'}`);
  io.out(`  items:    ${result.items}`);
  if (result.finalUrl && result.finalUrl !== target) io.out(`  final URL: ${result.finalUrl}`);
  for (const it of result.firstItems) io.out(`  - ${it.publishedAt?.slice(0, 16).replace('T', ' ') ?? '(no date)      '}  ${it.title || '(no title)'}${it.url ? `\n      ${it.url}` : ''}`);
  return 0;
}

async function importOpml(file: string, values: { config?: string }, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const entries = parseOpml(text);
  const app = await openApp(values.config, io);
  try {
    let added = 0;
    let present = 0;
    const skipped: string[] = [];
    const now = new Date().toISOString();
    const progress = createProgress({ label: 'import', total: entries.length });
    for (const e of entries) {
      progress.tick();
      if (!/^https?:\/\/[^/\s]+/i.test(e.url)) {
        skipped.push(`${e.name}: not an http(s) URL (${e.url})`);
        continue;
      }
      if (await app.stores.feeds.getByUrl(e.url)) {
        present++;
        continue;
      }
      await app.stores.feeds.upsert({ url: e.url, name: e.name, origin: 'user' }, now);
      added++;
    }
    progress.done();
    io.out(`imported ${file}: ${added} added, ${present} already present, ${skipped.length} skipped`);
    for (const s of skipped) io.err(`  skipped ${s}`);
    return 0;
  } finally {
    await app.close();
  }
}

export const feedsCommand: CliCommand = {
  name: 'feeds',
  summary: 'list, inspect, import (OPML), export, enable or remove feeds',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, 'allow-private': { type: 'boolean' } }, true);
    const [sub, target, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const need = () => {
      if (!target) throw new UsageError(`feeds ${sub} needs an argument`);
      return target;
    };
    switch (sub) {
      case 'list':
        return list(values, io);
      case 'inspect':
        return inspect(need(), values, io);
      case 'import':
        return importOpml(need(), values, io);
      case 'export': {
        const app = await openApp(values.config, io);
        try {
          io.out(buildOpml(await app.stores.feeds.list()).trimEnd());
          return 0;
        } finally {
          await app.close();
        }
      }
      case 'enable':
      case 'remove': {
        const ref = need();
        const app = await openApp(values.config, io);
        try {
          const feed = findFeed(await app.stores.feeds.list(), ref);
          if (sub === 'enable') {
            await app.stores.feeds.setDisabled(feed.id, false);
            io.out(`enabled #${feed.id} ${feed.name}: it will be polled at the next tick`);
          } else {
            if (feed.origin === 'config') throw new UsageError(`#${feed.id} comes from the config file: remove it there`);
            await app.stores.feeds.remove(feed.id);
            io.out(`removed #${feed.id} ${feed.name}`);
          }
          return 0;
        } finally {
          await app.close();
        }
      }
      default:
        throw new UsageError(sub ? `unknown subcommand ${JSON.stringify(sub)}` : 'which subcommand? list, inspect, import, export, enable or remove');
    }
  },
};
