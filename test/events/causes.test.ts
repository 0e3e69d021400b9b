import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventMerger, type ChangeEvent, type EventMerger } from '../../src/core/events/index.js';
import { repositories, reportOf, type ChangeSpec, type ItemSpec, type TestRepository } from './support.js';

// Each cause of duplicate events and wrong merges seen on real streams, end to end through the
// merger and each repository (the SQLite one is the store the bot runs on).
describe.each(repositories)('merging through the $name', ({ open }) => {
  let repo: TestRepository;
  let merger: EventMerger;
  beforeEach(async () => {
    repo = open();
    merger = createEventMerger({ repository: repo.repository });
  });
  afterEach(async () => repo.close());

  const merge = (spec: ItemSpec, ...changes: Array<Omit<ChangeSpec, 'item' | 'at'>>) => {
    const { item, changes: list } = reportOf(spec, changes);
    return merger.mergeItem(item, list);
  };
  const of = async (person: string, direction: 'in' | 'out' = 'in'): Promise<ChangeEvent[]> =>
    (await repo.live()).filter((e) => e.direction === direction && e.person.names.some((n) => n.includes(person)));
  const items = (e: ChangeEvent | undefined) => [...new Set(e?.sources.map((s) => s.itemId))].sort();

  it('a new CEO also read as chairman (her title elsewhere) opens no second event', async () => {
    await merge({ id: 'a', at: '2023-05-12T15:00:00Z', title: 'Twitter names NBCUniversal ad chief Linda Yaccarino as CEO',
      summary: 'Linda Yaccarino, chairman of global advertising and partnerships at NBCUniversal, will take over as chief executive of Twitter.' },
    { person: 'Linda Yaccarino', role: 'CEO', org: 'Twitter' },
    { person: 'Linda Yaccarino', role: 'chairman of global advertising and partnerships', org: 'Twitter' });
    await merge({ id: 'b', at: '2023-05-12T16:00:00Z', title: 'Yaccarino leaves NBCUniversal', summary: 'Linda Yaccarino, head of advertising, leaves NBCUniversal.' },
      { person: 'Linda Yaccarino', direction: 'out', role: 'head of advertising', org: 'NBCUniversal' });
    await merge({ id: 'c', at: '2023-05-13T08:00:00Z', title: "Who is Linda Yaccarino, Twitter's new boss?",
      summary: 'The longtime NBCUniversal advertising chairman takes charge of Twitter.' },
    { person: 'Linda Yaccarino', role: 'advertising chairman', org: 'Twitter' });
    await merge({ id: 'd', at: '2023-05-13T09:00:00Z', title: 'Yaccarino is Twitter CEO' }, { person: 'Yaccarino', role: 'chief executive', org: 'Twitter' });
    const arrivals = await of('Yaccarino');
    expect(arrivals).toHaveLength(1);
    expect(items(arrivals[0])).toEqual(['a', 'c', 'd']);
    expect(arrivals[0]?.role.title).toBe('CEO');
  });

  it('two titles of one phrase ("chairman and CEO") read as two changes are one post', async () => {
    const out = await merge({ id: 'a', at: '2024-08-13T20:00:00Z', title: "Starbucks names Chipotle's Brian Niccol chairman and CEO" },
      { person: 'Brian Niccol', role: 'chairman', org: 'Starbucks' }, { person: 'Brian Niccol', role: 'CEO', org: 'Starbucks' });
    expect(out.outcomes.map((o) => o.kind)).toEqual(['created', 'repeated']);
    expect(await repo.live()).toHaveLength(1);
  });

  it('a second post the item states for its organisation is its own event at once', async () => {
    await merge({ id: 'a', at: '2023-06-20T01:00:00Z', title: "Alibaba's Daniel Zhang to step down as CEO" },
      { person: 'Daniel Zhang', direction: 'out', role: 'CEO', org: 'Alibaba' });
    await merge({ id: 'b', at: '2023-06-20T02:00:00Z', title: 'Alibaba reshuffle',
      summary: 'Daniel Zhang will hand the chief executive role to Eddie Wu and the chairman role to Joe Tsai.' },
    { person: 'Daniel Zhang', direction: 'out', role: 'chief executive', org: 'Alibaba Group' },
    { person: 'Daniel Zhang', direction: 'out', role: 'chairman', org: 'Alibaba Group' });
    expect((await of('Zhang', 'out')).map((e) => e.role.title).sort()).toEqual(['CEO', 'chairman']);
  });

  it('a reading of a second post splits off once two outlets report it apart, and the first event is revised', async () => {
    await merge({ id: 'a', at: '2023-06-20T01:00:00Z', title: 'Zhang to step down as Acme CEO' }, { person: 'Daniel Zhang', direction: 'out', role: 'CEO', org: 'Acme' });
    await merge({ id: 'b', at: '2023-06-20T02:00:00Z', title: 'Acme shake-up', summary: 'Zhang gives up both of his posts at Acme.' },
      { person: 'Daniel Zhang', direction: 'out', role: 'CEO', org: 'Acme' }, { person: 'Daniel Zhang', direction: 'out', role: 'chair', org: 'Acme' });
    expect(await of('Zhang', 'out')).toHaveLength(1); // one outlet's reading, for now
    const third = await merge({ id: 'c', at: '2023-06-20T03:00:00Z', title: 'Acme: Zhang leaves', summary: 'Zhang is to give up both posts.' },
      { person: 'Daniel Zhang', direction: 'out', role: 'CEO', org: 'Acme' }, { person: 'Daniel Zhang', direction: 'out', role: 'chair', org: 'Acme' });
    const events = await of('Zhang', 'out');
    expect(events).toHaveLength(2);
    const chair = events.find((e) => e.role.title === 'chair');
    expect(items(chair)).toEqual(['b', 'c']);
    expect(items(events.find((e) => e.role.title === 'CEO'))).toEqual(['a', 'b', 'c']);
    expect(third.outcomes.find((o) => o.change.role.title === 'chair')).toMatchObject({ kind: 'created', alert: 'post' });
    expect(third.revised.map((e) => e.id)).toEqual([events.find((e) => e.role.title === 'CEO')?.id]);
  });

  it('folds accents, special letters and mis-decoded text in names', async () => {
    const at = (h: number) => `2018-04-19T${String(h).padStart(2, '0')}:00:00Z`;
    await merge({ id: 'a', at: at(1), title: 'Yannick Bolloré takes over as Vivendi chairman' }, { person: 'Yannick Bolloré', role: 'chairman', org: 'Vivendi' });
    await merge({ id: 'b', at: at(2), title: 'Yannick Bollore named Vivendi chairman' }, { person: 'Yannick Bollore', role: 'chairman', org: 'Vivendi SA' });
    await merge({ id: 'c', at: at(3), title: 'VIVENDI: YANNICK BOLLORÉ SUCCEEDS FATHER' }, { person: 'YANNICK BOLLORÉ', role: 'CHAIRMAN', org: 'VIVENDI' });
    await merge({ id: 'd', at: at(4), title: 'Yannick BollorÃ© chairman' }, { person: 'Yannick BollorÃ©', role: 'chairman', org: 'Vivendi' });
    await merge({ id: 'e', at: at(5), title: 'Søren Skou leaves Maersk' }, { person: 'Søren Skou', direction: 'out', org: 'Maersk' });
    await merge({ id: 'f', at: at(6), title: 'Soeren Skou leaves A.P. Moller-Maersk' }, { person: 'Soeren Skou', direction: 'out', org: 'Maersk' });
    expect((await repo.live()).map((e) => e.sources.length).sort()).toEqual([2, 4]);
  });

  it('two wordings of one post at one company', async () => {
    await merge({ id: 'a', at: '2023-05-12T15:00:00Z', title: "NBCUniversal's head of advertising Linda Yaccarino exits" },
      { person: 'Linda Yaccarino', direction: 'out', role: 'head of advertising', org: 'NBCUniversal' });
    await merge({ id: 'b', at: '2023-05-12T16:00:00Z', title: 'Yaccarino steps down as NBCU chairman of global advertising and partnerships' },
      { person: 'Linda Yaccarino', direction: 'out', role: 'chairman of global advertising and partnerships', org: 'NBCU' });
    await merge({ id: 'c', at: '2023-05-12T17:00:00Z', title: 'NBCUniversal ad chief departs' },
      { person: 'Linda Yaccarino', direction: 'out', role: 'advertising chief', org: 'NBCUniversal' });
    expect(await repo.live()).toHaveLength(1);
  });

  it('a unit under its names, never its parent', async () => {
    await merge({ id: 'a', at: '2024-05-14T13:00:00Z', title: 'AWS CEO Adam Selipsky to step down' }, { person: 'Adam Selipsky', direction: 'out', org: 'AWS', parent: 'Amazon' });
    await merge({ id: 'b', at: '2024-05-14T14:00:00Z', title: 'Amazon Web Services chief Selipsky quits' },
      { person: 'Adam Selipsky', direction: 'out', role: 'chief executive', org: 'Amazon Web Services' });
    await merge({ id: 'c', at: '2024-05-14T15:00:00Z', title: "Amazon's cloud boss steps down", summary: 'Adam Selipsky ran the cloud computing unit of Amazon.' },
      { person: 'Adam Selipsky', direction: 'out', role: 'head of the cloud computing unit', org: 'Amazon' });
    await merge({ id: 'd', at: '2024-05-14T16:00:00Z', title: 'Amazon chief executive leaves' }, { person: 'Adam Selipsky', direction: 'out', role: 'chief executive', org: 'Amazon' });
    const events = await repo.live();
    expect(events).toHaveLength(2);
    expect(items(events.find((e) => e.organization.parent === 'Amazon'))).toEqual(['a', 'b', 'c']);
  });

  it('"Mr Surname" is the item\'s full name; a surname two people share joins neither', async () => {
    await merge({ id: 'a', at: '2024-05-14T13:00:00Z', title: 'AWS picks Matt Garman as CEO' }, { person: 'Matt Garman', org: 'AWS' });
    await merge({ id: 'b', at: '2024-05-15T05:00:00Z', title: 'Amazon picks insider Matt Garman to run AWS', summary: 'Mr Garman joined Amazon as an intern in 2005.' },
      { person: 'Mr Garman', role: 'head of AWS', org: 'AWS' });
    expect(await of('Garman')).toHaveLength(1);
    expect((await of('Garman'))[0]?.person.name).toBe('Matt Garman');

    await merge({ id: 'c', at: '2025-02-03T13:00:00Z', title: 'Northwind Foods names Jane Smith CFO, John Smith general counsel' },
      { person: 'Jane Smith', role: 'CFO', org: 'Northwind Foods' }, { person: 'John Smith', role: 'general counsel', org: 'Northwind Foods' });
    await merge({ id: 'd', at: '2025-02-04T07:00:00Z', title: 'Ms Smith to take the finance job' }, { person: 'Ms Smith', role: 'chief financial officer', org: 'Northwind' });
    await merge({ id: 'e', at: '2025-02-04T08:00:00Z', title: 'J. Smith named top lawyer' }, { person: 'J. Smith', role: 'general counsel', org: 'Northwind Foods Inc.' });
    await merge({ id: 'f', at: '2025-02-04T09:00:00Z', title: 'Smith joins Northwind' }, { person: 'Smith', role: 'executive', org: 'Northwind' });
    const smiths = await of('Smith');
    expect(smiths).toHaveLength(3);
    expect(items(smiths.find((e) => e.person.name === 'Jane Smith'))).toEqual(['c', 'd']);
    expect(items(smiths.find((e) => e.person.name === 'John Smith'))).toEqual(['c', 'e']);
  });

  it('a surname is resolved against the item and the candidates: father and son', async () => {
    await merge({ id: 'a', at: '2018-03-08T07:00:00Z', title: 'Vincent Bolloré to hand Vivendi chair to son Yannick Bolloré' },
      { person: 'Vincent Bolloré', direction: 'out', role: 'chairman', org: 'Vivendi' }, { person: 'Yannick Bolloré', role: 'chairman', org: 'Vivendi' });
    await merge({ id: 'b', at: '2018-03-08T09:00:00Z', title: "Vivendi's Bollore to pass chairmanship to son", summary: 'Vincent Bollore hands the post to his son Yannick Bollore.' },
      { person: 'Bollore', direction: 'out', role: 'chairmanship', org: 'Vivendi' }, { person: 'Bollore', role: 'chairman', org: 'Vivendi' });
    expect(await repo.live()).toHaveLength(2);
    expect(items((await of('Vincent', 'out'))[0])).toEqual(['a', 'b']);
    expect(items((await of('Yannick', 'in'))[0])).toEqual(['a', 'b']);
  });

  it('an announcement and the day it takes effect are one event, for the successor and the one who leaves', async () => {
    await merge({ id: 'a', at: '2023-05-12T15:00:00Z', title: 'Musk hands Twitter CEO job to Linda Yaccarino', summary: 'Linda Yaccarino will start in about six weeks.' },
      { person: 'Linda Yaccarino', role: 'CEO', org: 'Twitter' });
    await merge({ id: 'b', at: '2023-05-12T18:00:00Z', title: 'Elon Musk hands Twitter CEO job to Linda Yaccarino' },
      { person: 'Linda Yaccarino', role: 'CEO', org: 'Twitter' }, { person: 'Elon Musk', direction: 'out', role: 'CEO', org: 'Twitter' });
    await merge({ id: 'c', at: '2023-06-05T13:00:00Z', title: 'Linda Yaccarino takes over from Elon Musk as Twitter CEO today' },
      { person: 'Linda Yaccarino', role: 'chief executive', org: 'Twitter' }, { person: 'Elon Musk', direction: 'out', role: 'chief executive', org: 'Twitter' });
    expect((await repo.live()).map((e) => items(e)).sort()).toEqual([['a', 'b', 'c'], ['b', 'c']]);
  });

  it('an interim appointment and the permanent one nine days later, even with the flag misread', async () => {
    await merge({ id: 'a', at: '2025-03-03T12:00:00Z', title: 'Kestrel Robotics CFO Anna Lind steps in as interim chief' },
      { person: 'Anna Lind', role: 'interim chief', org: 'Kestrel Robotics', interim: true });
    await merge({ id: 'b', at: '2025-03-12T12:00:00Z', title: 'Kestrel makes Anna Lind CEO, dropping interim tag' },
      { person: 'Anna Lind', role: 'chief executive', org: 'Kestrel Robotics', interim: true });
    await merge({ id: 'c', at: '2025-03-13T07:00:00Z', title: 'ANNA LIND CONFIRMED AS KESTREL ROBOTICS CEO' }, { person: 'ANNA LIND', role: 'CEO', org: 'KESTREL ROBOTICS' });
    const events = await of('Lind');
    expect(events.map((e) => [e.interim, items(e)])).toEqual(expect.arrayContaining([[true, ['a']], [false, ['b', 'c']]]));
    expect(events).toHaveLength(2);
  });

  it('a change read from a denial makes no event; the denial is noted on the event it disputes', async () => {
    await merge({ id: 'a', at: '2025-03-01T08:00:00Z', title: 'Kestrel chairman Per Dahl to step down' }, { person: 'Per Dahl', direction: 'out', role: 'chairman', org: 'Kestrel Robotics' });
    const denial = await merge({ id: 'b', at: '2025-03-06T08:00:00Z', title: 'Kestrel Robotics denies report that chairman Per Dahl will step down' },
      { person: 'Per Dahl', direction: 'out', role: 'chairman', org: 'Kestrel Robotics' });
    expect(denial.outcomes).toEqual([]);
    expect(denial.contradicted).toHaveLength(1);
    const [event] = await repo.live();
    expect(items(event)).toEqual(['a']);
    expect(event?.contradictions).toEqual([expect.objectContaining({ kind: 'denial', itemId: 'b' })]);
    const none = await merge({ id: 'c', at: '2025-03-07T08:00:00Z', title: 'Acme denies rumours that CFO Jo Bloggs is leaving' },
      { person: 'Jo Bloggs', direction: 'out', role: 'CFO', org: 'Acme' });
    expect(none.outcomes).toEqual([]);
    expect(await repo.live()).toHaveLength(1);
  });

  it('transliterations and generations', async () => {
    await merge({ id: 'a', at: '2022-06-03T09:00:00Z', title: 'Yandex founder Arkady Volozh steps down' }, { person: 'Arkady Volozh', direction: 'out', org: 'Yandex' });
    await merge({ id: 'b', at: '2022-06-03T10:00:00Z', title: 'Arkadiy Volozh resigns' }, { person: 'Arkadiy Volozh', direction: 'out', role: 'chief executive', org: 'Yandex N.V.' });
    await merge({ id: 'c', at: '2022-06-03T11:00:00Z', title: 'Manor Care: Stewart Bainum Jr. CEO, Stewart Bainum Sr. vice chairman' },
      { person: 'Stewart Bainum Jr.', role: 'CEO', org: 'Manor Care' }, { person: 'Stewart Bainum Sr.', role: 'CEO', org: 'Manor Care' });
    expect((await repo.live()).map((e) => e.sources.length).sort()).toEqual([1, 1, 2]);
  });

  it('an organisation misread (a section title, none found, the person\'s name) still joins; another company does not', async () => {
    await merge({ id: 'a', at: '2022-06-01T20:00:00Z', title: 'Sheryl Sandberg steps down as Meta COO' }, { person: 'Sheryl Sandberg', direction: 'out', role: 'COO', org: 'Meta' });
    await merge({ id: 'b', at: '2022-06-02T09:00:00Z', title: 'Tech this week: Sandberg leaves Meta' },
      { person: 'Sheryl Sandberg', direction: 'out', role: 'chief operating officer', org: 'Tech this week' });
    await merge({ id: 'c', at: '2022-06-02T10:00:00Z', title: 'Sandberg to go' }, { person: 'Sheryl Sandberg', direction: 'out', role: 'COO', org: 'unknown' });
    await merge({ id: 'd', at: '2022-06-02T11:00:00Z', title: 'Sandberg to go' }, { person: 'Sheryl Sandberg', direction: 'out', role: 'COO', org: 'Sandberg' });
    expect(await repo.live()).toHaveLength(1);

    await merge({ id: 'e', at: '2023-11-20T08:00:00Z', title: 'Microsoft hires Sam Altman to lead new AI research team' },
      { person: 'Sam Altman', role: 'head of new advanced AI research team', org: 'Microsoft' });
    await merge({ id: 'f', at: '2023-11-22T06:00:00Z', title: 'Sam Altman to return as OpenAI CEO, two days after Microsoft hired him' },
      { person: 'Sam Altman', role: 'chief executive', org: 'OpenAI' });
    expect((await of('Altman')).map((e) => e.organization.name).sort()).toEqual(['Microsoft', 'OpenAI']);
  });
});
