import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeEventSchema, type ChangeEvent } from '../../src/core/events/model.js';
import { createEventLookupAdapter } from '../../src/discord/lookup.js';
import { openStores, type TestStores } from './harness.js';

const now = new Date('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function event(id: string, person: string, names: string[], org: string, direction: 'in' | 'out', firstSeen: string, outlets: string[]): ChangeEvent {
  return ChangeEventSchema.parse({
    id, person: { name: person, names: [person, ...names] }, direction, interim: false,
    role: { title: 'chief executive officer', categories: ['CEO'] }, organization: { name: org, parent: null, names: [org] },
    effectiveDate: null, reason: null, counterpart: null, destination: null, firstSeen, lastSeen: firstSeen,
    sources: outlets.map((o, i) => ({ itemId: `${id}-${i}`, url: `https://${o.toLowerCase()}.example/${id}`, feed: o, outlet: o, publishedAt: firstSeen, evidence: `${org} named ${person} chief executive officer.`, confidence: 0.8, personName: person, roleTitle: 'chief executive officer', organizationName: org })),
    confidence: 0.9, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
  });
}

describe('the /changes lookup over merged events', () => {
  let s: TestStores;
  let lookup: ReturnType<typeof createEventLookupAdapter>;

  beforeAll(async () => {
    s = openStores();
    const store = s.stores.events;
    lookup = createEventLookupAdapter(store, () => now);
    await store.save(event('e1', 'Jeff Zhang', ['Zhang Jianfeng'], 'Alibaba Cloud Intelligence', 'out', daysAgo(1), ['TechNode', 'SCMP', 'Reuters']));
    await store.save(event('e2', 'Daniel Zhang', [], 'Alibaba Cloud Intelligence', 'in', daysAgo(2), ['TechNode']));
    await store.save(event('e3', 'Frédéric Oudéa', [], 'Société Générale', 'out', daysAgo(40), ['FT']));
  });
  afterAll(async () => s?.close());

  it('gives one alert per event, with every outlet as a source, newest first', async () => {
    const page = await lookup.recent({ days: 7, company: null, person: null, role: null, direction: null, limit: 5, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.alerts.map((a) => a.key)).toEqual(['event:e1', 'event:e2']);
    expect(page.alerts[0]!.sources.map((src) => src.feed)).toEqual(['TechNode', 'SCMP', 'Reuters']);
    expect(page.alerts[0]!.change.person.aliases).toEqual(['Zhang Jianfeng']);
  });

  it('passes the filters through: company, person by alias, direction, days', async () => {
    const q = { days: null, company: null, person: null, role: null, direction: null, limit: 5, offset: 0 } as const;
    expect((await lookup.recent({ ...q, company: 'Alibaba' })).total).toBe(2);
    expect((await lookup.recent({ ...q, person: 'Zhang Jianfeng' })).alerts.map((a) => a.key)).toEqual(['event:e1']);
    expect((await lookup.recent({ ...q, direction: 'in' })).alerts.map((a) => a.key)).toEqual(['event:e2']);
    expect((await lookup.recent({ ...q, days: 30, company: 'Société Générale' })).total).toBe(0);
    expect((await lookup.recent({ ...q, company: 'societe generale' })).total).toBe(1);
  });

  it('suggests stored names and knows which exist', async () => {
    expect((await lookup.suggest('organization', 'soc')).map((x) => x.value)).toEqual(['Société Générale']);
    expect((await lookup.suggest('person', 'jianf')).map((x) => x.value)).toEqual(['Zhang Jianfeng']);
    expect(await lookup.knows('organization', 'Alibaba')).toBe(true);
    expect(await lookup.knows('person', 'Nobody Atall')).toBe(false);
  });
});
