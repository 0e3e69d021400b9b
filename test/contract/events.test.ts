import { describe, expect, it } from 'vitest';
import { eventTokens, type ChangeEvent } from '../../src/core/events/index.js';
import { seedEvent, type SeedEvent } from '../support/event-seed.js';
import { adapters } from './adapters.js';
import { freshStores, itemRecord, seedFeed } from './support.js';

const NOW = new Date('2026-11-10T12:00:00.000Z');
const ev = (id: string, over: Partial<SeedEvent> = {}): ChangeEvent =>
  seedEvent({ id, person: 'Jane Doe', direction: 'in', title: 'chief executive officer', categories: ['CEO'], org: 'Acme Robotics', firstSeen: '2026-11-01T09:00:00.000Z', ...over });

describe.each(adapters)('EventStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('saves an event whole and replaces it on the next save', async () => {
    const { events } = s().stores;
    const e = ev('e1');
    await events.save(e);
    expect(await events.get('e1')).toEqual(e);
    const revised = { ...e, revision: 2, role: { ...e.role, title: 'CEO and president' } };
    await events.save(revised);
    expect(await events.get('e1')).toEqual(revised);
    expect(await events.get('none')).toBeNull();
  });

  it('finds merge candidates by name token, direction and horizon; a merged event leaves the index', async () => {
    const { events } = s().stores;
    const jane = ev('e1', { aliases: ['J. Doe'] });
    await events.save(jane);
    await events.save(ev('e2', { person: 'Omar Haddad' }));
    await events.save(ev('e3', { direction: 'out' }));
    const since = '2026-10-01T00:00:00.000Z';
    const ids = async (q: Parameters<typeof events.findCandidates>[0]) => (await events.findCandidates(q)).map((e) => e.id).sort();
    expect(await ids({ tokens: eventTokens(jane), since })).toEqual(['e1', 'e3']);
    expect(await ids({ tokens: eventTokens(jane), direction: 'in', since })).toEqual(['e1']);
    expect(await ids({ tokens: eventTokens(jane), since: '2026-12-01T00:00:00.000Z' })).toEqual([]);
    await events.save({ ...ev('e3', { direction: 'out' }), mergedInto: 'e1' });
    expect(await ids({ tokens: eventTokens(jane), since })).toEqual(['e1']);
  });

  it('remembers learned aliases and units', async () => {
    const { events } = s().stores;
    await events.saveAliasGroup(['Zhang Yong', 'Daniel Zhang']);
    await events.saveUnit('alibaba cloud', 'alibaba group');
    const k = await events.loadKnowledge();
    expect(k.aliasGroups.map((g) => [...g].sort())).toEqual([['Daniel Zhang', 'Zhang Yong']]);
    expect(k.units).toEqual([['alibaba cloud', 'alibaba group']]);
  });

  it('pages live events newest first by first report, with the total', async () => {
    const { events } = s().stores;
    for (let d = 1; d <= 5; d++) await events.save(ev(`e${d}`, { person: `Person ${d}`, firstSeen: `2026-11-0${d}T09:00:00.000Z` }));
    await events.save({ ...ev('merged', { firstSeen: '2026-11-09T09:00:00.000Z' }), mergedInto: 'e1' });
    const first = await events.recentEvents({ limit: 2, now: NOW });
    expect(first).toMatchObject({ total: 5, totalCapped: false, limit: 2, offset: 0 });
    expect(first.events.map((e) => e.id)).toEqual(['e5', 'e4']);
    expect((await events.recentEvents({ limit: 2, offset: 4, now: NOW })).events.map((e) => e.id)).toEqual(['e1']);
    expect((await events.recentEvents({ days: 7, now: NOW })).events.map((e) => e.id)).toEqual(['e5', 'e4']);
  });

  it('filters by company (a unit matches its parent), person, role and direction', async () => {
    const { events } = s().stores;
    await events.save(ev('ceo', { firstSeen: '2026-11-03T09:00:00.000Z' }));
    await events.save(ev('cfo', { person: 'Omar Haddad', direction: 'out', title: 'chief financial officer', categories: ['CFO'], firstSeen: '2026-11-02T09:00:00.000Z' }));
    await events.save(ev('unit', { person: 'Li Wei', org: 'Alibaba Cloud', parent: 'Alibaba Group', firstSeen: '2026-11-01T09:00:00.000Z' }));
    const ids = async (f: Parameters<typeof events.recentEvents>[0]) => (await events.recentEvents({ ...f, now: NOW })).events.map((e) => e.id);
    expect(await ids({ company: 'acme' })).toEqual(['ceo', 'cfo']);
    expect(await ids({ company: 'Alibaba' })).toEqual(['unit']);
    expect(await ids({ person: 'haddad' })).toEqual(['cfo']);
    expect(await ids({ role: 'CFO' })).toEqual(['cfo']);
    expect(await ids({ role: 'chief executive officer' })).toEqual(['ceo', 'unit']);
    expect(await ids({ direction: 'out' })).toEqual(['cfo']);
  });

  it('suggests names as they are typed, most events first', async () => {
    const { events } = s().stores;
    await events.save(ev('a', { person: 'Jane Doe', org: 'Acme Robotics' }));
    await events.save(ev('b', { person: 'Jane Doe', direction: 'out', org: 'Acme Robotics', firstSeen: '2026-11-02T09:00:00.000Z' }));
    await events.save(ev('c', { person: 'Janet Smith', org: 'Acme Foods' }));
    expect(await events.suggestPeople('jan')).toEqual([{ name: 'Jane Doe', events: 2 }, { name: 'Janet Smith', events: 1 }]);
    expect(await events.suggestOrganizations('acme f')).toEqual([{ name: 'Acme Foods', events: 1 }]);
    expect(await events.suggestPeople('zz')).toEqual([]);
  });

  it('answers which live events an item reported, by id or by URL', async () => {
    const { events } = s().stores;
    const e = ev('e1');
    await events.save(e);
    const source = e.sources[0]!;
    expect((await events.eventsForItem({ itemId: source.itemId })).map((x) => x.id)).toEqual(['e1']);
    expect((await events.eventsForItem({ url: source.url! })).map((x) => x.id)).toEqual(['e1']);
    expect(await events.eventsForItem({ itemId: 'other' })).toEqual([]);
  });
});

describe.each(adapters)('DigestEventSource contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('gives each released event to the period its first report was stored in, oldest first', async () => {
    const { items, events, digestEvents } = s().stores;
    const feed = await seedFeed(s());
    const seen = (id: string, at: string) => items.insert(itemRecord(feed, id, { seenAt: at }));
    // seedEvent names its sources `<event id>-<n>`.
    await events.save(ev('early', { firstSeen: '2026-11-01T08:00:00.000Z' }));
    await seen('early-0', '2026-11-01T08:05:00.000Z');
    await events.save(ev('late', { person: 'Omar Haddad', firstSeen: '2026-11-01T07:00:00.000Z', outlets: ['Wire', 'Daily'] }));
    await seen('late-0', '2026-11-01T09:05:00.000Z');
    await seen('late-1', '2026-11-02T10:00:00.000Z'); // a later report: never an earlier period
    await events.save({ ...ev('held', { person: 'Li Wei' }), alertState: 'held' });
    await seen('held-0', '2026-11-01T09:30:00.000Z');
    const day1 = await digestEvents.eventsRecordedIn(new Date('2026-11-01T00:00:00.000Z'), new Date('2026-11-02T00:00:00.000Z'));
    expect(day1.map((e) => e.id)).toEqual(['late', 'early']);
    expect(await digestEvents.eventsRecordedIn(new Date('2026-11-02T00:00:00.000Z'), new Date('2026-11-03T00:00:00.000Z'))).toEqual([]);
  });
});
