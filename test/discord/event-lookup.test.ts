import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeEventSchema, type ChangeEvent } from '../../src/core/events/model.js';
import { createEventLookupAdapter } from '../../src/discord/lookup.js';
import { createEventStore } from '../../src/store/event-store.js';
import { openStores } from './harness.js';

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
  const s = openStores();
  const store = createEventStore(s.db);
  const lookup = createEventLookupAdapter(store, () => now);

  beforeAll(() => {
    store.save(event('e1', 'Jeff Zhang', ['Zhang Jianfeng'], 'Alibaba Cloud Intelligence', 'out', daysAgo(1), ['TechNode', 'SCMP', 'Reuters']));
    store.save(event('e2', 'Daniel Zhang', [], 'Alibaba Cloud Intelligence', 'in', daysAgo(2), ['TechNode']));
    store.save(event('e3', 'Frédéric Oudéa', [], 'Société Générale', 'out', daysAgo(40), ['FT']));
  });
  afterAll(() => s.db.close());

  it('gives one alert per event, with every outlet as a source, newest first', () => {
    const page = lookup.recent({ days: 7, company: null, person: null, role: null, direction: null, limit: 5, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.alerts.map((a) => a.key)).toEqual(['event:e1', 'event:e2']);
    expect(page.alerts[0]!.sources.map((src) => src.feed)).toEqual(['TechNode', 'SCMP', 'Reuters']);
    expect(page.alerts[0]!.change.person.aliases).toEqual(['Zhang Jianfeng']);
  });

  it('passes the filters through: company, person by alias, direction, days', () => {
    const q = { days: null, company: null, person: null, role: null, direction: null, limit: 5, offset: 0 } as const;
    expect(lookup.recent({ ...q, company: 'Alibaba' }).total).toBe(2);
    expect(lookup.recent({ ...q, person: 'Zhang Jianfeng' }).alerts.map((a) => a.key)).toEqual(['event:e1']);
    expect(lookup.recent({ ...q, direction: 'in' }).alerts.map((a) => a.key)).toEqual(['event:e2']);
    expect(lookup.recent({ ...q, days: 30, company: 'Société Générale' }).total).toBe(0);
    expect(lookup.recent({ ...q, company: 'societe generale' }).total).toBe(1);
  });

  it('suggests stored names and knows which exist', () => {
    expect(lookup.suggest('organization', 'soc').map((x) => x.value)).toEqual(['Société Générale']);
    expect(lookup.suggest('person', 'jianf').map((x) => x.value)).toEqual(['Zhang Jianfeng']);
    expect(lookup.knows('organization', 'Alibaba')).toBe(true);
    expect(lookup.knows('person', 'Nobody Atall')).toBe(false);
  });
});
