import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventMerger } from '../../src/core/events/index.js';
import { evaluateMerge, goldChangeSource, runMerge } from '../../src/evaluation/event-evaluation.js';
import { parseGoldEventItems } from '../../src/evaluation/event-gold.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { createEventStore } from '../../src/store/event-store.js';
import type { EventStore } from '../../src/ports/events.js';
import { hasShared, sharedPath } from '../support/shared.js';
import { change, itemOf } from './support.js';

const withMergeDev = hasShared('event store over merge-dev.jsonl', ['eval', 'merge-dev.jsonl']);
const items = withMergeDev ? parseGoldEventItems(readFileSync(sharedPath('eval', 'merge-dev.jsonl'), 'utf8')) : [];

let db: Db;
let store: EventStore;
let path: string;
beforeEach(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'execwatch-events-')), 'execwatch.db');
  db = openDatabase(path);
  store = createEventStore(db);
});
afterEach(async () => db.close());

describe('the SQLite event store as the merger repository', () => {
  it.runIf(withMergeDev)('merges merge-dev.jsonl exactly as the in-memory repository does', async () => {
    const run = await runMerge(items, goldChangeSource, {}, store);
    const report = evaluateMerge(items, run);
    expect(report).toMatchObject({ found: 49, exact: 49, duplicates: 0, wrongMerges: 0 });
    const memory = await runMerge(items, goldChangeSource);
    expect(run.events.map((e) => e.id)).toEqual(memory.events.map((e) => e.id));
    expect((await store.recentEvents({ limit: 1 })).total).toBe(49);
  });

  it('keeps learned aliases and units across a restart', async () => {
    const merger = createEventMerger({ repository: store });
    await merger.mergeItem(itemOf('a', '2022-12-29T00:00:00Z'), [change({ item: 'a', at: '2022-12-29T00:00:00Z', person: 'Jeff Zhang', aliases: ['Zhang Jianfeng'], direction: 'out', role: 'president', org: 'Alibaba Cloud', parent: 'Alibaba' })]);
    db.close();
    db = openDatabase(path);
    store = createEventStore(db);
    expect(await store.loadKnowledge()).toEqual({ aliasGroups: [['Jeff Zhang', 'Zhang Jianfeng']], units: [['alibaba cloud', 'alibaba']] });
    const again = createEventMerger({ repository: store });
    const { outcomes } = await again.mergeItem(itemOf('b', '2022-12-30T00:00:00Z'), [change({ item: 'b', at: '2022-12-30T00:00:00Z', person: 'Zhang Jianfeng', direction: 'out', role: 'president', org: 'Alibaba Cloud Intelligence' })]);
    expect(outcomes[0]?.kind).toBe('corroborated');
    // The unit learned before the restart still keeps the parent's post apart.
    const parent = await again.mergeItem(itemOf('c', '2022-12-30T00:00:00Z'), [change({ item: 'c', at: '2022-12-30T00:00:00Z', person: 'Jeff Zhang', direction: 'out', role: 'president', org: 'Alibaba' })]);
    expect(parent.outcomes[0]?.kind).toBe('created');
  });
});

describe.runIf(withMergeDev)('queries for the slash commands', () => {
  beforeEach(async () => {
    await runMerge(items, goldChangeSource, {}, store);
  });
  const now = new Date('2025-03-20T00:00:00Z');

  it('recent events, newest first, with filters and paging', async () => {
    const all = await store.recentEvents({ limit: 100 });
    expect(all.total).toBe(49);
    // Newest first: the three changes Intel reported on 2025-03-12 lead, in id order among themselves.
    expect(all.events.slice(0, 3).map((e) => e.person.name).sort()).toEqual(['David Zinsner', 'Lip-Bu Tan', 'Michelle Johnston Holthaus']);
    expect(all.events.map((e) => e.firstSeen)).toEqual([...all.events.map((e) => e.firstSeen)].sort().reverse());
    expect(all.totalCapped).toBe(false);
    const days = await store.recentEvents({ days: 10, now });
    expect(days.events.map((e) => e.person.name).sort()).toEqual(['David Zinsner', 'Lip-Bu Tan', 'Michelle Johnston Holthaus']);
    const intelOut = await store.recentEvents({ company: 'intel', direction: 'out', limit: 100 });
    expect(intelOut.events.map((e) => e.person.name).slice(0, 2).sort()).toEqual(['David Zinsner', 'Michelle Johnston Holthaus']);
    expect(intelOut.events.map((e) => e.person.name).slice(2)).toEqual(['Pat Gelsinger', 'Pat Gelsinger', 'Brian Krzanich']);
    expect(intelOut.events.map((e) => e.firstSeen)).toEqual([...intelOut.events.map((e) => e.firstSeen)].sort().reverse());
    expect((await store.recentEvents({ company: 'Intel', role: 'board', limit: 100 })).events.map((e) => e.role.title)).toEqual(['board member']);
    expect((await store.recentEvents({ company: 'Intel', role: 'chief financial officer' })).total).toBe(0);
    // Daniel Zhang, also reported as Zhang Yong: in as Alibaba's chair (2018), out of it (2023).
    expect((await store.recentEvents({ person: 'zhang yong', role: 'Chair' })).events.map((e) => e.direction)).toEqual(['out', 'in']);
    const page1 = await store.recentEvents({ limit: 20 });
    const page3 = await store.recentEvents({ limit: 20, offset: 40 });
    expect(page1.events).toHaveLength(20);
    expect(page3.events).toHaveLength(9);
    expect(new Set([...page1.events, ...page3.events].map((e) => e.id)).size).toBe(29);
  });

  it('events by company include its units; by person include aliases, accents and case folded', async () => {
    const byCompany = (company: string) => store.recentEvents({ company, limit: 100 });
    const byPerson = (person: string) => store.recentEvents({ person, limit: 100 });
    const alibaba = await byCompany('ALIBABA');
    expect(alibaba.events.some((e) => e.organization.name === 'Alibaba Cloud')).toBe(true);
    expect(alibaba.events.some((e) => e.organization.name === 'Local Services Group')).toBe(true); // via its parent
    expect((await byCompany('Alibaba Cloud')).events.every((e) => e.organization.names.some((n) => /cloud/i.test(n)))).toBe(true);
    const daniel = await byPerson('Zhang Yong');
    expect(daniel.total).toBe((await byPerson('daniel zhang')).total);
    expect(daniel.total).toBeGreaterThanOrEqual(6);
    expect((await byPerson('Jennifer Oneal')).total).toBe(1);
    expect((await byPerson("Jen O'Neal")).total).toBe(2);
    expect((await byPerson('Nobody Atall')).total).toBe(0);
  });

  it('autocompletes organisations and people by word prefix, folding case and accents', async () => {
    const orgs = await store.suggestOrganizations('ali');
    expect(orgs[0]).toEqual({ name: 'Alibaba', events: 8 });
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Alibaba Group', 'Alibaba Cloud Intelligence Group']));
    expect(orgs.map((o) => o.events)).toEqual([...orgs.map((o) => o.events)].sort((a, b) => b - a));
    expect((await store.suggestOrganizations('cloud int')).map((o) => o.name)).toContain('Alibaba Cloud Intelligence');
    expect((await store.suggestPeople('ZHANG Y')).map((p) => p.name)).toEqual(['Zhang Yong']);
    expect((await store.suggestPeople('jiánf')).map((p) => p.name)).toEqual(['Zhang Jianfeng']);
    expect(await store.suggestPeople('xyzzy')).toEqual([]);
    expect(await store.suggestPeople('', 3)).toHaveLength(3);
  });

  it('finds the events an item reported, by id or by URL', async () => {
    const byId = await store.eventsForItem({ itemId: 'md-002' });
    expect(byId.map((e) => e.person.name).sort()).toEqual(['Dirk Meyer', 'Thomas Seifert']);
    expect(await store.eventsForItem({ itemId: 'md-006' })).toEqual([]);
    const merger = createEventMerger({ repository: store });
    await merger.mergeItem(itemOf('x', '2026-01-01T00:00:00Z'), [change({ item: 'x', at: '2026-01-01T00:00:00Z', person: 'Jane Doe', url: 'https://news.example/jane' })]);
    expect((await store.eventsForItem({ url: 'https://news.example/jane' })).map((e) => e.person.name)).toEqual(['Jane Doe']);
    expect(await store.eventsForItem({})).toEqual([]);
  });

  it('follows an event merged into another to the live one', async () => {
    const merger = createEventMerger({ repository: store });
    const a = await merger.mergeItem(itemOf('p', '2026-01-01T00:00:00Z'), [change({ item: 'p', at: '2026-01-01T00:00:00Z', person: 'Anna Berg' })]);
    const b = await merger.mergeItem(itemOf('q', '2026-01-01T01:00:00Z'), [change({ item: 'q', at: '2026-01-01T01:00:00Z', person: 'Berg Holm' })]);
    await merger.mergeItem(itemOf('r', '2026-01-01T02:00:00Z'), [change({ item: 'r', at: '2026-01-01T02:00:00Z', person: 'Anna Berg Holm' })]);
    const absorbed = b.outcomes[0]?.event.id as string;
    expect((await store.get(absorbed))?.mergedInto).toBe(a.outcomes[0]?.event.id);
    expect((await store.eventsForItem({ itemId: 'q' })).map((e) => e.id)).toEqual([a.outcomes[0]?.event.id]);
  });
});
