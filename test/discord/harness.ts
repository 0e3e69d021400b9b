import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import type { LeadershipChange } from '../../src/core/change.js';
import type { Logger } from '../../src/core/log.js';
import type { SlashCommand } from '../../src/discord/command.js';
import { commands as allCommands } from '../../src/discord/commands/index.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { createAddressGuard, type AddressGuard } from '../../src/discord/feed-check.js';
import { createDiscordApp } from '../../src/discord/setup.js';
import { createFeedReader } from '../../src/feeds/reader.js';
import { createEventMerger } from '../../src/core/events/merger.js';
import { eventAlertKey } from '../../src/pipeline/event-alert.js';
import { openSqliteStores } from '../../src/store/open-sqlite.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';

export interface ChangeSpec {
  person: string;
  aliases?: string[];
  org: string;
  parent?: string | null;
  title?: string;
  category?: LeadershipChange['role']['category'];
  direction?: 'in' | 'out';
  interim?: boolean;
  confidence?: number;
  url?: string;
  feed?: string;
  publishedAt?: string;
  evidence?: string;
}

export function buildChange(spec: ChangeSpec, itemId = 'item'): LeadershipChange {
  const title = spec.title ?? 'chief executive officer';
  const direction = spec.direction ?? 'in';
  return {
    person: { name: spec.person, aliases: spec.aliases ?? [] },
    organization: { name: spec.org, parent: spec.parent ?? null },
    role: { title, category: spec.category ?? 'CEO' },
    direction,
    interim: spec.interim ?? false,
    effectiveDate: null,
    reason: null,
    counterpart: null,
    destination: null,
    evidence: spec.evidence ?? `${spec.org} said ${spec.person} ${direction === 'in' ? 'was named' : 'stepped down as'} ${title}.`,
    confidence: spec.confidence ?? 0.9,
    source: { itemId, url: spec.url ?? `https://news.example/${encodeURIComponent(spec.person)}`, feed: spec.feed ?? 'Example News', publishedAt: spec.publishedAt ?? new Date().toISOString() },
  };
}

export const captureLogger = () => {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
};

/**
 * The SQLite stores as the app opens them (src/store/open-sqlite.ts), in a new folder unless `path`
 * is given. Synchronous, as opening SQLite is: the pipeline and digest worlds destructure it too.
 */
export function openStores(path = join(mkdtempSync(join(tmpdir(), 'execwatch-discord-')), 'execwatch.db'), now: () => Date = () => new Date()) {
  const { opened, records, db } = openSqliteStores(path, now);
  return { path, db, stores: opened.stores, work: opened.work, records, close: () => opened.close() };
}

export type TestStores = ReturnType<typeof openStores>;

/**
 * Stores a change the way the pipeline does: feed, item and change rows, and (at or above the
 * alert threshold) the change merged into an event, at the time `createdAt` says. Returns the
 * alert key of the change's event, or null when it made none.
 */
export async function seedChange({ stores, work }: Pick<TestStores, 'stores' | 'work'>, spec: ChangeSpec & { itemId?: string; createdAt?: string; itemStatus?: 'processed' | 'baseline' }, minConfidence = 0.5): Promise<string | null> {
  const feed = await stores.feeds.upsert({ url: `https://feeds.example/${spec.feed ?? 'example'}.xml`, name: spec.feed ?? 'Example News' }, new Date().toISOString());
  const itemId = spec.itemId ?? `item-${Math.random().toString(36).slice(2)}`;
  const at = spec.createdAt ?? new Date().toISOString();
  const change = buildChange({ ...spec, publishedAt: spec.publishedAt ?? at }, itemId);
  const merger = createEventMerger({ repository: stores.events, now: () => new Date(at) });
  return work.run(async () => {
    await stores.items.insert({ id: itemId, feedId: feed.id, url: change.source.url, title: `${spec.person} news`, titleKey: itemId, publishedAt: change.source.publishedAt, seenAt: at, status: spec.itemStatus ?? 'processed' });
    if (spec.itemStatus === 'baseline') return null;
    await stores.changes.insert(itemId, change, at);
    await stores.items.markProcessed(itemId, { status: 'processed', extractor: 'builtin', changeCount: 1 });
    const alerting = change.confidence >= minConfidence ? [change] : [];
    const merged = await merger.mergeItem({ id: itemId, title: `${spec.person} news`, url: change.source.url, feed: change.source.feed, publishedAt: change.source.publishedAt }, alerting);
    const event = merged.outcomes[0]?.event;
    return event ? eventAlertKey(event.id) : null;
  });
}

export interface BotHarness {
  emu: DiscordEmulator;
  stores: TestStores['stores'];
  /** The unit of work the stores share: what seedChange writes through. */
  work: TestStores['work'];
  /** What /timeline and exports read, on the harness's clock. */
  records: TestStores['records'];
  /** The connection under the stores: for tests that break the database on purpose. */
  db: TestStores['db'];
  logs: ReturnType<typeof captureLogger>['lines'];
  close(): Promise<void>;
}

/** The real bot (client, dispatcher, commands) against the emulator, with commands deployed. */
export async function startBotHarness(options: { guard?: AddressGuard; commands?: readonly SlashCommand[]; minConfidence?: number; now?: () => Date; autocompleteDeadlineMs?: number } = {}): Promise<BotHarness> {
  const emu = await startDiscordEmulator({ waitTimeoutMs: 5000 });
  const now = options.now ?? (() => new Date());
  const s = openStores(undefined, now);
  const { logger, lines } = captureLogger();
  const reader = createFeedReader({ userAgent: 'execwatch-test', timeoutMs: 5000, maxBytes: 1_000_000, allowPrivateAddresses: true });
  const commands = options.commands ?? allCommands;
  const { bot } = createDiscordApp({
    token: emu.token, apiBase: emu.apiUrl, stores: { ...s.stores, records: s.records }, reader, logger, now,
    guard: options.guard ?? createAddressGuard(), minConfidence: options.minConfidence ?? 0.5, commands,
    autocompleteDeadlineMs: options.autocompleteDeadlineMs,
  });
  await deployCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), commands, emu.guildId);
  await bot.start();
  return {
    emu, stores: s.stores, work: s.work, records: s.records, db: s.db, logs: lines,
    async close() {
      await bot.stop();
      reader.close();
      await s.close();
      await emu.close();
    },
  };
}
