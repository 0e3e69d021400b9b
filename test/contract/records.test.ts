import { describe, expect, it } from 'vitest';
import { seedEvent } from '../support/event-seed.js';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

// The RecordsQuery over stored events (what timelines, `/changes export` and `execwatch export`
// read): pages past the event store's 100, limits, the exact `since` instant, the one-pass path
// by time, merged events left out, suggestions and "did you mean".

const NOW = new Date('2026-11-20T12:00:00.000Z');
const at = (minutes: number): string => new Date(Date.parse('2026-01-01T00:00:00.000Z') + minutes * 60_000).toISOString();

describe.each(adapters)('RecordsQuery contract ($name)', (adapter) => {
  const s = freshStores(adapter, () => NOW);

  async function seed() {
    const { events } = s().stores;
    await s().work.run(async () => {
      for (let i = 0; i < 250; i++) {
        await events.save(seedEvent({ id: `m${i}`, person: `Holder ${i} Many`, direction: i % 2 ? 'out' : 'in', title: 'board member', categories: ['Board'], org: 'Many Holders Ltd', firstSeen: at(i) }));
      }
      await events.save(seedEvent({ id: 'x1', person: 'Solo Person', direction: 'in', title: 'CEO', categories: ['CEO'], org: 'Other Corp', firstSeen: at(1000) }));
      // Merged into x1: read that one instead.
      await events.save({ ...seedEvent({ id: 'x2', person: 'Solo Person', direction: 'in', title: 'CEO', categories: ['CEO'], org: 'Other Corp', firstSeen: at(1001) }), mergedInto: 'x1' });
    });
    return s().records;
  }

  it('reads past one page of the event store, newest first, and says when the limit cut it', async () => {
    const records = await seed();
    const all = await records.forOrganization('many holders', 1000);
    expect(all.records).toHaveLength(250);
    expect(all.truncated).toBe(false);
    expect(all.records[0]!.id).toBe('m249');
    expect(all.records.at(-1)!.id).toBe('m0');
    const cut = await records.forOrganization('Many Holders Ltd', 120);
    expect(cut.records).toHaveLength(120);
    expect(cut.truncated).toBe(true);
    expect(cut.records.at(-1)!.id).toBe('m130');
    expect((await records.forOrganization('Many Holders Ltd', 250)).truncated).toBe(false);
    expect((await records.forPerson('Solo Person', 10)).records.map((r) => r.id)).toEqual(['x1']);
  });

  it('since is an exact instant, on the paged path and on the one-pass path; merged events stay out', async () => {
    const records = await seed();
    const since = new Date(at(200));
    const paged = await records.matching({ since, company: 'Many Holders' }, 1000);
    expect(paged.records.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `m${249 - i}`));
    const scanned = await records.matching({ since }, 1000);
    expect(scanned.records.map((r) => r.id)).toEqual(['x1', ...paged.records.map((r) => r.id)]);
    const outs = await records.matching({ since, direction: 'out' }, 1000);
    expect(outs.records.every((r) => r.direction === 'out')).toBe(true);
    expect(outs.records).toHaveLength(25);
    const everything = await records.matching({}, 1000);
    expect(everything.records.map((r) => r.id)).toEqual(['x1', ...Array.from({ length: 250 }, (_, i) => `m${249 - i}`)]);
    expect(await records.matching({}, 10)).toMatchObject({ truncated: true });
    expect((await records.matching({ role: 'CEO' }, 10)).records.map((r) => r.id)).toEqual(['x1']);
  });

  it('suggests names as typed, and the nearest ones for a misspelling', async () => {
    const records = await seed();
    expect(await records.suggest('organization', 'oth')).toEqual(['Other Corp']);
    expect(await records.nearest('organization', 'Othr Corp')).toEqual(['Other Corp']);
    expect(await records.nearest('person', 'Solo Persn')).toEqual(['Solo Person']);
    expect(await records.nearest('organization', 'Zzyzx Unrelated')).toEqual([]);
  });
});
