import { describe, expect, it } from 'vitest';
import type { LeadershipChange } from '../../src/core/change.js';
import { createEventMerger, createMemoryEventRepository, type EventOptions } from '../../src/core/events/index.js';
import { change, itemOf, type ChangeSpec } from './support.js';

function setup(options: Partial<EventOptions> = {}) {
  const repository = createMemoryEventRepository();
  const merger = createEventMerger({ repository, options });
  const merge = async (...specs: ChangeSpec[]) => {
    const first = specs[0] as ChangeSpec;
    return (await merger.mergeItem(itemOf(first.item, first.at), specs.map(change))).outcomes;
  };
  const live = () => repository.all().filter((e) => !e.mergedInto);
  return { repository, merger, merge, live };
}

describe('one event per real change', () => {
  it('merges five outlets in five wordings into one event that keeps every source', async () => {
    const { merge, live } = setup();
    const first = await merge({ item: 'a', at: '2022-12-29T08:00:00Z', person: 'Daniel Zhang', role: 'acting head of cloud unit', org: 'Alibaba Cloud', parent: 'Alibaba', interim: true });
    await merge({ item: 'b', at: '2022-12-29T10:00:00Z', person: 'Daniel Zhang', role: 'acting president', org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', interim: true });
    await merge({ item: 'c', at: '2022-12-30T09:00:00Z', person: 'Mr. Daniel ZHANG', role: 'interim President', org: 'Alibaba Cloud Intelligence Group', interim: true });
    await merge({ item: 'd', at: '2022-12-30T11:00:00Z', person: 'Zhang', role: 'acting president', org: 'Alibaba Cloud', interim: true });
    const last = await merge({ item: 'e', at: '2023-01-02T07:00:00Z', person: 'Daniel Zhang', role: 'acting chief executive', org: 'Alibaba Cloud', interim: true });
    expect(live()).toHaveLength(1);
    expect(first[0]?.kind).toBe('created');
    expect(first[0]?.alert).toBe('post');
    expect(last[0]?.kind).toBe('corroborated');
    expect(last[0]?.alert).toBe('edit');
    expect(last[0]?.event.id).toBe(first[0]?.event.id);
    expect(live()[0]?.sources.map((s) => s.itemId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(live()[0]?.sources[2]?.evidence).toContain('ZHANG');
  });

  it('folds case, accents and honorifics in names', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'José Muñoz', org: 'Hyundai Motor' });
    await merge({ item: 'b', at: '2024-01-02T00:00:00Z', person: 'Dr. JOSE MUNOZ', org: 'Hyundai Motor Company' });
    expect(live()).toHaveLength(1);
  });

  it('treats an announcement and the report that it took effect as one event', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2018-09-10T00:00:00Z', person: 'Jack Ma', direction: 'out', role: 'chairman', org: 'Alibaba Group',
      evidence: 'Jack Ma will be succeeded as chairman by Daniel Zhang on September 10, 2019.' });
    const took = await merge({ item: 'b', at: '2019-09-10T06:00:00Z', person: 'Jack Ma', direction: 'out', role: 'chairman', org: 'Alibaba' });
    expect(live()).toHaveLength(1);
    expect(took[0]?.kind).toBe('corroborated');
    expect(live()[0]?.effectiveDate).toBe('2019-09-10');
  });

  it('starts a new event when reports are further apart than the window', async () => {
    const { merge, live } = setup({ windowDays: 14 });
    await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe', org: 'Acme' });
    await merge({ item: 'b', at: '2024-01-10T00:00:00Z', person: 'Jane Doe', org: 'Acme' });
    await merge({ item: 'c', at: '2024-01-23T00:00:00Z', person: 'Jane Doe', org: 'Acme' });
    expect(live()).toHaveLength(1); // each report within 14 days of the last
    await merge({ item: 'd', at: '2024-03-01T00:00:00Z', person: 'Jane Doe', org: 'Acme' });
    expect(live()).toHaveLength(2);
  });

  it('reads a publication date in the future as now, and a missing one too', async () => {
    const repository = createMemoryEventRepository();
    const merger = createEventMerger({ repository, now: () => new Date('2026-01-10T00:00:00Z') });
    const future = await merger.mergeItem(itemOf('a', '2027-06-01T00:00:00Z'), [change({ item: 'a', at: '2027-06-01T00:00:00Z', person: 'Jane Doe' })]);
    expect(future.outcomes[0]?.event.lastSeen).toBe('2026-01-11T00:00:00.000Z');
    const undated = { ...change({ item: 'b', at: '', person: 'John Roe' }), source: { itemId: 'b', url: null, feed: null, publishedAt: null } };
    const none = await merger.mergeItem({ id: 'b', title: 'b' }, [undated]);
    expect(none.outcomes[0]?.event.firstSeen).toBe('2026-01-10T00:00:00.000Z');
  });

  it('an item processed twice adds nothing', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe' });
    const again = await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe' });
    expect(again[0]?.kind).toBe('repeated');
    expect(again[0]?.alert).toBe('none');
    expect(live()[0]?.sources).toHaveLength(1);
  });
});

describe('distinct occasions stay distinct', () => {
  it('an interim appointment and the permanent one', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2018-06-21T00:00:00Z', person: 'Robert Swan', role: 'interim CEO', org: 'Intel', interim: true });
    await merge({ item: 'b', at: '2018-06-25T00:00:00Z', person: 'Bob Swan', role: 'CEO', org: 'Intel Corp', interim: false });
    expect(live()).toHaveLength(2);
  });

  it('but leaving happens once: an outlet that drops the "interim" reports the same departure', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2025-03-12T00:00:00Z', person: 'David Zinsner', direction: 'out', role: 'interim co-CEO', org: 'Intel', interim: true });
    await merge({ item: 'b', at: '2025-03-14T00:00:00Z', person: 'David Zinsner', direction: 'out', role: 'co-CEO', org: 'Intel', interim: false });
    expect(live()).toHaveLength(1);
    expect(live()[0]?.interim).toBe(true);
    // A bare surname is not enough to overrule the flag.
    await merge({ item: 'c', at: '2025-03-14T00:00:00Z', person: 'Zinsner', direction: 'out', role: 'CEO', org: 'Intel', interim: false });
    expect(live()).toHaveLength(2);
  });

  it('someone returning to a post years later', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2005-03-13T00:00:00Z', person: 'Bob Iger', role: 'CEO', org: 'Disney' });
    await merge({ item: 'b', at: '2020-02-25T00:00:00Z', person: 'Bob Iger', direction: 'out', role: 'CEO', org: 'Disney' });
    await merge({ item: 'c', at: '2022-11-20T00:00:00Z', person: 'Robert A. Iger', role: 'chief executive', org: 'The Walt Disney Company' });
    expect(live()).toHaveLength(3);
    expect(live().filter((e) => e.direction === 'in')).toHaveLength(2);
  });

  it('a move out of one company and into another is two events, even reported together', async () => {
    const { merge, live } = setup();
    await merge(
      { item: 'a', at: '2011-08-25T00:00:00Z', person: 'Rory Read', direction: 'out', role: 'president and COO', org: 'Lenovo' },
      { item: 'a', at: '2011-08-25T00:00:00Z', person: 'Rory Read', direction: 'in', role: 'CEO', org: 'AMD' },
    );
    await merge({ item: 'b', at: '2011-08-26T00:00:00Z', person: 'Rory Read', direction: 'in', role: 'chief executive', org: 'Advanced Micro Devices' });
    await merge({ item: 'c', at: '2011-08-26T00:00:00Z', person: 'Rory P. Read', direction: 'out', role: 'president', org: 'Lenovo Group' });
    const events = live();
    expect(events).toHaveLength(2);
    expect(events.map((e) => `${e.direction}:${e.organization.name}:${e.sources.length}`).sort()).toEqual(['in:AMD:2', 'out:Lenovo:2']);
  });

  it('two people with the same surname', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2023-05-10T00:00:00Z', person: 'Xu Lei', direction: 'out', org: 'JD.com' },
      { item: 'a', at: '2023-05-10T00:00:00Z', person: 'Sandy Xu', direction: 'in', org: 'JD.com' });
    // Two board members named Zhang join on the same day: full names differ, so two events.
    await merge({ item: 'b', at: '2023-05-10T00:00:00Z', person: 'Daniel Zhang', role: 'board member', org: 'Acme' },
      { item: 'b', at: '2023-05-10T00:00:00Z', person: 'Jeff Zhang', role: 'board member', org: 'Acme' });
    await merge({ item: 'c', at: '2023-05-11T00:00:00Z', person: 'Jeff Zhang', role: 'director', org: 'Acme' });
    const events = live();
    expect(events).toHaveLength(4);
    const jeff = events.find((e) => e.person.name === 'Jeff Zhang');
    expect(jeff?.sources.map((s) => s.itemId)).toEqual(['b', 'c']);
  });

  it('a unit and its parent are different posts', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2023-09-10T00:00:00Z', person: 'Daniel Zhang', direction: 'out', role: 'chairman and CEO', org: 'Alibaba Cloud Intelligence Group', parent: 'Alibaba Group' });
    await merge({ item: 'b', at: '2023-09-11T00:00:00Z', person: 'Daniel Zhang', direction: 'out', role: 'chief executive', org: 'Alibaba Group' });
    await merge({ item: 'c', at: '2023-09-11T00:00:00Z', person: 'Daniel Zhang', direction: 'out', role: 'CEO', org: 'Alibaba Cloud' });
    const events = live();
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.organization.name === 'Alibaba Group')?.sources).toHaveLength(1);
  });

  it('a company and a unit named after it, without any parent given', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2024-12-02T00:00:00Z', person: 'Michelle Johnston Holthaus', role: 'CEO', org: 'Intel Products' });
    await merge({ item: 'b', at: '2024-12-02T00:00:00Z', person: 'Michelle Johnston Holthaus', role: 'CEO', org: 'Intel' });
    expect(live()).toHaveLength(2);
  });

  it('a CEO post and a separate board seat of one person', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2024-12-02T00:00:00Z', person: 'Pat Gelsinger', direction: 'out', role: 'CEO', org: 'Intel' },
      { item: 'a', at: '2024-12-02T00:00:00Z', person: 'Pat Gelsinger', direction: 'out', role: 'board member', org: 'Intel' });
    await merge({ item: 'b', at: '2024-12-03T00:00:00Z', person: 'Gelsinger', direction: 'out', role: 'board of directors', org: 'Intel' });
    expect(live().map((e) => e.sources.length).sort()).toEqual([1, 2]);
  });
});

describe('names learned across items', () => {
  it('learns aliases from an item that gives two names for one person', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2022-12-29T00:00:00Z', person: 'Jeff Zhang', aliases: ['Zhang Jianfeng'], direction: 'out', role: 'president', org: 'Alibaba Cloud' });
    await merge({ item: 'b', at: '2022-12-30T00:00:00Z', person: 'Zhang Jianfeng', direction: 'out', role: 'president', org: 'Alibaba Cloud Intelligence' });
    await merge({ item: 'c', at: '2022-12-31T00:00:00Z', person: 'Jeff Zhang', direction: 'out', role: 'head of cloud unit', org: 'Alibaba Cloud' });
    expect(live()).toHaveLength(1);
    expect(live()[0]?.sources.map((s) => s.itemId)).toEqual(['a', 'b', 'c']);
    // The alias holds for later events of the same person too.
    await merge({ item: 'd', at: '2025-01-01T00:00:00Z', person: 'Jeff Zhang', role: 'head', org: 'DAMO Academy' });
    await merge({ item: 'e', at: '2025-01-02T00:00:00Z', person: 'Zhang Jianfeng', role: 'head', org: 'DAMO Academy' });
    expect(live()).toHaveLength(2);
  });

  it('joins two events once a later item shows their names are one person', async () => {
    const { merge, merger, live } = setup();
    const a = await merge({ item: 'a', at: '2018-09-10T01:00:00Z', person: 'Jack Ma', direction: 'out', role: 'chairman', org: 'Alibaba' });
    const b = await merge({ item: 'b', at: '2018-09-10T02:00:00Z', person: 'Ma Yun', direction: 'out', role: 'chairman of the board', org: 'Alibaba Group' });
    expect(live()).toHaveLength(2); // nothing yet says Ma Yun is Jack Ma
    const c = await merger.mergeItem(itemOf('c', '2018-09-12T00:00:00Z'),
      [change({ item: 'c', at: '2018-09-12T00:00:00Z', person: 'Jack Ma', aliases: ['Ma Yun'], direction: 'out', role: 'chairmanship', org: 'Alibaba' })]);
    expect(live()).toHaveLength(1);
    expect(c.outcomes[0]?.event.id).toBe(a[0]?.event.id); // the first event (and its alert) survives
    expect(c.joined).toEqual([{ event: expect.objectContaining({ id: a[0]?.event.id }), absorbed: [b[0]?.event.id] }]);
    expect(live()[0]?.sources.map((s) => s.itemId)).toEqual(['a', 'b', 'c']);
  });

  it('learns two names written together in the text, even from an item with no change', async () => {
    const { merge, merger, live } = setup();
    await merge({ item: 'a', at: '2018-09-10T01:00:00Z', person: 'Daniel Zhang', role: 'chairman', org: 'Alibaba' });
    await merge({ item: 'b', at: '2018-09-10T02:00:00Z', person: 'Zhang Yong', role: 'chairman of the board', org: 'Alibaba Group' });
    expect(live()).toHaveLength(2);
    const wrap = await merger.mergeItem({ id: 'c', title: 'China tech wrap', summary: null, url: null, feed: null, publishedAt: '2018-09-12T00:00:00Z',
      content: 'Jack Ma will hand the chairmanship to chief executive Daniel Zhang (Zhang Yong) next year.' }, []);
    expect(wrap.joined).toHaveLength(1);
    expect(live()).toHaveLength(1);
    // A pair of names nobody has reported yet is not learned (brackets hold many things).
    await merger.mergeItem({ id: 'd', title: 'x', summary: 'Pony Ma (Ma Huateng) spoke.', content: null, url: null, feed: null, publishedAt: '2018-09-12T00:00:00Z' }, []);
    await merge({ item: 'e', at: '2018-09-13T00:00:00Z', person: 'Pony Ma', role: 'chairman', org: 'Tencent' });
    await merge({ item: 'f', at: '2018-09-13T00:00:00Z', person: 'Ma Huateng', role: 'chairman', org: 'Tencent' });
    expect(live()).toHaveLength(3);
  });

  it('a fuller name bridges two partial ones; a bare surname does not', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2023-05-10T01:00:00Z', person: 'Sandy Xu', org: 'JD.com' });
    await merge({ item: 'b', at: '2023-05-10T02:00:00Z', person: 'Xu Ran', org: 'JD Group' });
    // "Xu" may be either of them: it joins neither.
    await merge({ item: 'c', at: '2023-05-10T03:00:00Z', person: 'Xu', org: 'JD.com' });
    expect(live()).toHaveLength(3);
    await merge({ item: 'd', at: '2023-05-10T04:00:00Z', person: 'Sandy Ran Xu', org: 'JD.com' });
    expect(live()).toHaveLength(1);
  });

  it('reads nicknames and initials', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2024-12-02T00:00:00Z', person: 'Michelle Johnston Holthaus', role: 'interim co-CEO', org: 'Intel', interim: true });
    await merge({ item: 'b', at: '2024-12-02T00:00:00Z', person: 'MJ Holthaus', role: 'interim co-CEO', org: 'Intel', interim: true });
    await merge({ item: 'c', at: '2024-12-03T00:00:00Z', person: 'Dave Zinsner', role: 'interim co-CEO', org: 'Intel', interim: true });
    await merge({ item: 'd', at: '2024-12-03T00:00:00Z', person: 'David Zinsner', role: 'interim co-chief executive', org: 'Intel', interim: true });
    expect(live().map((e) => e.sources.length)).toEqual([2, 2]);
  });
});

describe('corroboration', () => {
  it('confidence rises with independent outlets, not with more items of one outlet', async () => {
    const { merge } = setup();
    const one = await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe', url: 'https://news.example/a', confidence: 0.6 });
    const same = await merge({ item: 'b', at: '2024-01-01T01:00:00Z', person: 'Jane Doe', url: 'https://www.news.example/b', confidence: 0.6 });
    const other = await merge({ item: 'c', at: '2024-01-01T02:00:00Z', person: 'Jane Doe', url: 'https://other.example/c', confidence: 0.6 });
    expect(one[0]?.event.confidence).toBe(0.6);
    expect(same[0]?.event.confidence).toBe(0.6);
    expect(other[0]?.event.confidence).toBeCloseTo(0.84, 3);
  });

  it('holds a low-confidence event until a second source confirms it', async () => {
    const { merge } = setup({ holdBelowConfidence: 0.75 });
    const first = await merge({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe', confidence: 0.6 });
    expect(first[0]?.alert).toBe('hold');
    expect(first[0]?.event.alertState).toBe('held');
    const second = await merge({ item: 'b', at: '2024-01-02T00:00:00Z', person: 'Jane Doe', confidence: 0.6 });
    expect(second[0]?.alert).toBe('post');
    const third = await merge({ item: 'c', at: '2024-01-03T00:00:00Z', person: 'Jane Doe', confidence: 0.6 });
    expect(third[0]?.alert).toBe('edit');
    const sure = await merge({ item: 'd', at: '2024-01-03T00:00:00Z', person: 'John Roe', confidence: 0.9 });
    expect(sure[0]?.alert).toBe('post');
  });

  it('fills in what later reports make known, such as the effective date', async () => {
    const { merger } = setup();
    const base: LeadershipChange = change({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe' });
    await merger.mergeItem(itemOf('a', base.source.publishedAt as string), [base]);
    const later = { ...change({ item: 'b', at: '2024-01-02T00:00:00Z', person: 'Jane Doe' }), effectiveDate: '2024-02-01', reason: 'hired' as const };
    const { outcomes } = await merger.mergeItem(itemOf('b', '2024-01-02T00:00:00Z'), [later]);
    expect(outcomes[0]?.event.effectiveDate).toBe('2024-02-01');
    expect(outcomes[0]?.event.reason).toBe('hired');
    expect(outcomes[0]?.event.revision).toBe(2);
  });

  it('records without alerting on a silent (baseline) merge, and stays quiet after', async () => {
    const { merger } = setup();
    const a = await merger.mergeItem(itemOf('a', '2024-01-01T00:00:00Z'), [change({ item: 'a', at: '2024-01-01T00:00:00Z', person: 'Jane Doe' })], { silent: true });
    expect(a.outcomes[0]?.alert).toBe('none');
    const b = await merger.mergeItem(itemOf('b', '2024-01-02T00:00:00Z'), [change({ item: 'b', at: '2024-01-02T00:00:00Z', person: 'Jane Doe' })]);
    expect(b.outcomes[0]?.alert).toBe('none');
    expect(b.outcomes[0]?.event.sources).toHaveLength(2);
  });
});

describe('contradictions', () => {
  it('notes a denial on the stored event it disputes', async () => {
    const { merge, merger, live } = setup();
    await merge({ item: 'a', at: '2018-09-07T00:00:00Z', person: 'Jack Ma', direction: 'out', role: 'chairman', org: 'Alibaba' });
    const { outcomes, contradicted } = await merger.mergeItem({
      id: 'denial', title: 'Alibaba says Jack Ma is not retiring yet, disputing newspaper report', summary: null, content: null,
      url: 'https://reuters.example/denial', feed: null, publishedAt: '2018-09-08T00:00:00Z',
    }, []);
    expect(outcomes).toEqual([]);
    expect(contradicted).toHaveLength(1);
    const [event] = live();
    expect(event?.contradictions).toEqual([expect.objectContaining({ kind: 'denial', itemId: 'denial', url: 'https://reuters.example/denial' })]);
  });

  it('a denial that names someone else notes nothing', async () => {
    const { merge, merger, live } = setup();
    await merge({ item: 'a', at: '2018-09-07T00:00:00Z', person: 'Jack Ma', direction: 'out', role: 'chairman', org: 'Alibaba' });
    await merger.mergeItem(itemOf('x', '2018-09-08T00:00:00Z', 'Tencent denies Pony Ma is stepping down'), []);
    expect(live()[0]?.contradictions).toEqual([]);
  });

  it('notes a reversal: out of a post, then back in it within the window', async () => {
    const { merge, live } = setup();
    await merge({ item: 'a', at: '2023-11-17T00:00:00Z', person: 'Sam Altman', direction: 'out', org: 'OpenAI' });
    await merge({ item: 'b', at: '2023-11-22T00:00:00Z', person: 'Sam Altman', direction: 'in', org: 'OpenAI' });
    const events = live();
    expect(events).toHaveLength(2);
    const out = events.find((e) => e.direction === 'out');
    const back = events.find((e) => e.direction === 'in');
    expect(out?.contradictions).toEqual([expect.objectContaining({ kind: 'reversal', eventId: back?.id })]);
  });
});
