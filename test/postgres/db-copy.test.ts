import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/command.js';
import { eventTokens, type Knowledge } from '../../src/core/events/index.js';
import type { OpenedStores } from '../../src/ports/stores.js';
import { openPostgresStores } from '../../src/store/postgres/open.js';
import { change } from '../events/support.js';
import { openSqliteAt } from '../contract/adapters.js';
import { seedEvent } from '../support/event-seed.js';
import { hasPostgres } from '../support/postgres.js';
import { clusterForFile } from './cluster.js';

const T0 = '2026-11-01T09:00:00.000Z';
const T1 = '2026-11-02T09:00:00.000Z';
const NOW = new Date('2026-11-10T00:00:00.000Z');

/** A SQLite file with a row or more in every table db copy moves, written through the stores. */
async function writeSqlite(file: string): Promise<void> {
  const s = openSqliteAt(file);
  const { feeds, items, changes, events, deliveries, subscriptions, filings } = s.stores;
  const a = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
  const b = await feeds.upsert({ url: 'https://b.example/rss', name: 'B', origin: 'user', guildId: 'g1', intervalMinutes: 15 }, T0);
  await feeds.recordFailure(b.id, { at: T1, error: 'http: 410', nextPollAt: T1, disable: true, status: 410 });
  await feeds.markBaselineDone(a.id);
  await feeds.moveUrl(a.id, 'https://a2.example/rss');
  await items.insert({ id: 'jane-0', feedId: a.id, url: 'https://wire.example/jane', title: 'Acme names Jane Doe CEO', titleKey: 'acme names jane doe ceo', publishedAt: T0, seenAt: T0, status: 'extracting' });
  await items.insert({ id: 'omar-0', feedId: b.id, url: null, title: 'Omar Haddad leaves', titleKey: 'omar haddad leaves', publishedAt: null, seenAt: T1, status: 'baseline' });
  await items.markProcessed('jane-0', { status: 'processed', extractor: 'builtin', changeCount: 1, note: 'one move' });
  await changes.insert('jane-0', change({ person: 'Jane Doe', item: 'jane-0', at: T0, org: 'Acme Robotics' }), T0);
  await changes.insert('jane-0', change({ person: 'Omar Haddad', direction: 'out', role: 'CFO', item: 'jane-0', at: T0, interim: true }), T0);
  await events.save(seedEvent({ id: 'jane', person: 'Jane Doe', aliases: ['J. Doe'], direction: 'in', title: 'chief executive officer', categories: ['CEO'], org: 'Acme Robotics', firstSeen: T0 }));
  await events.save(seedEvent({ id: 'omar', person: 'Omar Haddad', direction: 'out', title: 'CFO', categories: ['CFO'], org: 'Alibaba Cloud', parent: 'Alibaba Group', firstSeen: T1 }));
  await events.saveAliasGroup(['Zhang Yong', 'Daniel Zhang']);
  await events.saveUnit('alibaba cloud', 'alibaba group');
  await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: { companies: ['Acme'], people: [], roles: ['CEO'], directions: ['in'], minConfidence: 0.6 }, createdBy: 'u1' }, T0);
  await subscriptions.upsert({ guildId: 'g1', channelId: 'c2', filters: { companies: [], people: [], roles: [], directions: [], minConfidence: 0 }, createdBy: null,
    mode: { mode: 'digest', schedule: { cadence: 'weekly', time: '08:30', timeZone: 'Europe/Berlin', weekday: 'friday' }, postEmpty: true } }, T0);
  await subscriptions.pause('c1', 'Missing Access', T1);
  // Two outbox rows stamped alike: their order is the order they were put in.
  await deliveries.enqueue('event:omar', '{"o":1}', ['channel:c1'], T0);
  await deliveries.enqueue('event:jane', '{"j":1}', ['channel:c1', 'webhook:0'], T0);
  await deliveries.markSent('event:jane', 'channel:c1', 'm1', T1, 'h1');
  await deliveries.markFailed('event:jane', 'webhook:0', { kind: 'unreachable', message: 'Unknown Webhook' }, T1);
  await filings.save({ accession: '0000320193-26-000101', itemId: 'jane-0', cik: '320193', company: 'Apple Inc.', form: '8-K', filedAt: '2026-11-01',
    items: ['5.02', '9.01'], indexUrl: null, documentUrl: 'https://www.sec.gov/doc.htm', status: 'read', sectionChars: 10, preparedChars: 9,
    droppedSentences: 0, changeCount: 1, note: null, seenAt: T0 });
  await s.close();
}

const sortedGroups = (k: Knowledge): Knowledge => ({ ...k, aliasGroups: k.aliasGroups.map((g) => [...g].sort()) });

/** Everything the ports read back, the same on both backends after a copy. */
async function readAll(s: OpenedStores) {
  const { feeds, items, changes, events, deliveries, subscriptions, filings, digestEvents } = s.stores;
  const jane = (await events.get('jane'))!;
  return {
    feeds: await feeds.list(),
    items: [await items.get('jane-0'), await items.get('omar-0'), await items.findDuplicate(null, 'acme names jane doe ceo', T1)],
    changes: await changes.recent({ limit: 10 }),
    events: await events.recentEvents({ now: NOW }),
    candidates: await events.findCandidates({ tokens: eventTokens(jane), since: T0 }),
    byCompany: await events.recentEvents({ company: 'alibaba', now: NOW }),
    suggestions: [await events.suggestPeople('j'), await events.suggestOrganizations('ali')],
    forItem: await events.eventsForItem({ url: jane.sources[0]!.url! }),
    // The order of names inside an alias group is not kept (nothing reads it).
    knowledge: sortedGroups(await events.loadKnowledge()),
    subscriptions: [await subscriptions.listByGuild('g1'), await subscriptions.listDigests()],
    deliveries: [await deliveries.forAlert('event:jane'), await deliveries.pending()],
    outbox: await deliveries.outbox(),
    filing: await filings.get('0000320193-26-000101'),
    digest: await digestEvents.eventsRecordedIn(new Date('2026-11-01T00:00:00.000Z'), new Date('2026-11-03T00:00:00.000Z')),
  };
}

function capture(): CliIo & { text(): string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), env: {}, text: () => lines.join('\n') };
}

describe.runIf(hasPostgres('execwatch db copy'))('execwatch db copy', () => {
  const pgTest = clusterForFile();
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-copy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every table into Postgres, where each port reads what it read from SQLite; new ids follow the copied ones', async () => {
    const file = join(dir, 'source.db');
    await writeSqlite(file);
    // The password must never be shown (trust authentication ignores it).
    const url = (await pgTest.database()).replace('postgres://execwatch@', 'postgres://execwatch:s3cret-pw@');
    const io = capture();
    expect(await main(['db', 'copy', '--from', file, '--to', url], io)).toBe(0);
    expect(io.text()).not.toContain('s3cret-pw');
    expect(io.text()).toContain('execwatch:***@');
    const counts = Object.fromEntries(io.text().split('\n').map((l) => l.split(/\s+/)).filter((p) => p.length === 2).map(([t, n]) => [t, Number(n)]));
    expect(counts).toMatchObject({ feeds: 2, items: 2, changes: 2, events: 2, event_sources: 2, person_alias_groups: 2, org_units: 1,
      discord_subscriptions: 2, deliveries: 3, delivery_outbox: 2, sec_filings: 1 });
    expect(counts.event_person_keys).toBeGreaterThan(0);
    expect(counts.event_terms).toBeGreaterThan(0);
    expect(counts.name_words).toBeGreaterThan(0);

    const sqlite = openSqliteAt(file);
    const pg = await openPostgresStores(url);
    try {
      const [fromSqlite, fromPg] = [await readAll(sqlite), await readAll(pg)];
      expect(fromPg).toEqual(fromSqlite);
      expect(fromPg.outbox.map((o) => o.alertKey)).toEqual(['event:omar', 'event:jane']);
      expect(fromPg.events.total).toBe(2);
      const c = await pg.stores.feeds.upsert({ url: 'https://c.example/rss', name: 'C' }, T1);
      expect(c.id).toBe(Math.max(...fromPg.feeds.map((f) => f.id)) + 1);
      const sub = await pg.stores.subscriptions.upsert({ guildId: 'g2', channelId: 'c3', filters: { companies: [], people: [], roles: [], directions: [], minConfidence: 0 }, createdBy: null }, T1);
      expect(sub.id).toBe(3);
    } finally {
      await Promise.all([sqlite.close(), pg.close()]);
    }

    // A second copy would mix two databases: refused, unless --force replaces what is there.
    const again = capture();
    expect(await main(['db', 'copy', '--from', file, '--to', url], again)).toBe(1);
    expect(again.text()).toMatch(/already holds data \(feeds, .*\): give --force/);
    expect(again.text()).not.toContain('s3cret-pw');
    const forced = capture();
    expect(await main(['db', 'copy', '--from', file, '--to', url, '--force'], forced)).toBe(0);
    const replaced = await openPostgresStores(url);
    try {
      expect((await replaced.stores.feeds.list()).map((f) => f.url)).toEqual(['https://a2.example/rss', 'https://b.example/rss']);
    } finally {
      await replaced.close();
    }
  });

  it('indexes on the way in the events an older version indexed otherwise (SQLite re-indexes them when its store opens)', async () => {
    const file = join(dir, 'older.db');
    await writeSqlite(file);
    // What migration 0009 leaves until the SQLite event store opens: old keys gone, events listed.
    const raw = new Database(file);
    raw.exec(`INSERT INTO event_reindex SELECT id FROM events WHERE merged_into IS NULL; DELETE FROM event_person_keys; UPDATE events SET index_sig = ''`);
    raw.close();
    const url = await pgTest.database();
    const io = capture();
    expect(await main(['db', 'copy', '--from', file, '--to', url], io)).toBe(0);
    expect(io.text()).toMatch(/^event_person_keys +0$/m);
    expect(io.text()).toContain('(2 events of an older version indexed again)');
    const pg = await openPostgresStores(url);
    try {
      const jane = (await pg.stores.events.get('jane'))!;
      expect((await pg.stores.events.findCandidates({ tokens: eventTokens(jane), since: T0 })).map((e) => e.id)).toEqual(['jane']);
      expect((await pg.stores.events.recentEvents({ person: 'J. Doe', now: NOW })).events.map((e) => e.id)).toEqual(['jane']);
    } finally {
      await pg.close();
    }
  });

  it('migrates a Postgres database once through `execwatch migrate`, with the URL masked', async () => {
    const url = (await pgTest.database()).replace('postgres://execwatch@', 'postgres://execwatch:s3cret-pw@');
    const first = capture();
    expect(await main(['migrate', '--database-url', url], first)).toBe(0);
    expect(first.text()).toMatch(/execwatch:\*\*\*@.*applied migration 1; Postgres schema at version 1/);
    const second = capture();
    expect(await main(['migrate'], { ...second, env: { DATABASE_URL: url } })).toBe(0);
    expect(second.text()).toMatch(/already at version 1/);
    expect(first.text() + second.text()).not.toContain('s3cret-pw');
  });
});
