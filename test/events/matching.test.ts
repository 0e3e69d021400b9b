import { describe, expect, it } from 'vitest';
import {
  cleanParent, compareNames, createUnitBook, deniesMove, describePost, findDenialSentences, findEffectiveDate, findNamePairs,
  fullNamesIn, identityNames, interimOf, mergeCategories, nameTokens, NameMatch, readFromDenial, relateOrganizations, relatePosts,
  resolveShortName, rolesCompatible, saysPermanent, titlesInOnePhrase, unitFromEvidence, unitFromTitle, unitNamedIn,
  unknownOrganization,
} from '../../src/core/events/index.js';
import { change } from './support.js';

describe('person names', () => {
  it.each([
    ['Brian Niccol', 'Niccol', NameMatch.Surname],
    ['Rory P. Read', 'Rory Read', NameMatch.Same],
    ['Xu Lei', 'Lei Xu', NameMatch.Same],
    ['Bob Iger', 'Robert A. Iger', NameMatch.Same],
    ['Jen O\u2019Neal', 'Jennifer Oneal', NameMatch.Same],
    ['MJ Holthaus', 'Michelle Johnston Holthaus', NameMatch.Contained],
    ['Dr. José Muñoz', 'JOSE MUNOZ', NameMatch.Same],
    ['Richard Liu', 'Richard Qiangdong Liu', NameMatch.Contained],
    ['Daniel Zhang', 'Jeff Zhang', NameMatch.None],
    ['Xu', 'Xavier Ulm', NameMatch.None],
    ['Sandy Xu', 'Xu Ran', NameMatch.None],
  ])('%s ~ %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
  });
});

describe('organisations', () => {
  const none = createUnitBook();
  const rel = (a: string, b: string, pa: string | null = null, pb: string | null = null, units = none) =>
    relateOrganizations({ names: [a], parent: pa }, { names: [b], parent: pb }, units);

  it('the same organisation under other names', () => {
    expect(rel('AMD', 'Advanced Micro Devices')).toBe('same');
    expect(rel('Disney', 'The Walt Disney Company')).toBe('same');
    expect(rel('Lenovo Group', 'Lenovo')).toBe('same');
    expect(rel('JD.com', 'JD Group')).toBe('same');
    expect(rel('Blizzard', 'Blizzard Entertainment')).toBe('same');
    expect(rel('board of Alibaba Group', 'Alibaba')).toBe('same');
    expect(rel('Alibaba Cloud', 'Cloud Intelligence Group', 'Alibaba', 'Alibaba Group')).toBe('same');
  });

  it('a unit and its parent, told by the report, by what was learned, or by the name', () => {
    expect(rel('Alibaba Cloud Intelligence Group', 'Alibaba Group', 'Alibaba Group')).toBe('unit');
    const units = createUnitBook([['alibaba cloud', 'alibaba']]);
    expect(rel('Alibaba Cloud', 'Alibaba', null, null, units)).toBe('unit');
    expect(rel('Intel Products', 'Intel')).toBe('unit');
    expect(rel('Intel', 'AMD')).toBe('none');
  });

  it('ignores a "parent" that is the organisation itself or no organisation', () => {
    expect(cleanParent('Alibaba Group', 'Alibaba')).toBeNull();
    expect(cleanParent('Blizzard Entertainment unit', 'Blizzard')).toBeNull();
    expect(cleanParent('Alibaba Group', 'board')).toBeNull();
    expect(cleanParent('Alibaba Cloud', 'Alibaba')).toBe('Alibaba');
  });

  it('reads the unit a role title or its evidence names', () => {
    expect(unitFromTitle('acting head of cloud unit', 'Alibaba')).toEqual({ name: 'Alibaba Cloud', parent: 'Alibaba' });
    expect(unitFromTitle('CEO of the cloud business', 'Alibaba')).toEqual({ name: 'Alibaba Cloud', parent: 'Alibaba' });
    expect(unitFromTitle('head of Local Services Group', 'Alibaba')).toEqual({ name: 'Local Services Group', parent: 'Alibaba' });
    expect(unitFromTitle('chief executive of a newly formed Intel Products group', 'Intel')).toEqual({ name: 'Intel Products', parent: 'Intel' });
    expect(unitFromTitle('chief executive of Alibaba Group', 'Alibaba')).toBeNull();
    expect(unitFromTitle('chairman of the board', 'Alibaba')).toBeNull();
    expect(unitFromTitle('chairman and CEO of Alibaba Cloud Intelligence Group', 'Alibaba Cloud', 'Alibaba'))
      .toEqual({ name: 'Alibaba Cloud Intelligence Group', parent: 'Alibaba' });
    expect(unitFromEvidence("Alibaba's Daniel Zhang quits as cloud unit CEO in surprise move", 'CEO', 'Alibaba'))
      .toEqual({ name: 'Alibaba Cloud', parent: 'Alibaba' });
    expect(unitFromEvidence('A, the cloud unit CEO, becomes CEO of Alibaba', 'CEO', 'Alibaba')).toBeNull();
  });
});

describe('roles', () => {
  it('one post under the names outlets give it, and not others', () => {
    const compatible = (a: string, b: string, unit = false) => rolesCompatible(mergeCategories(a), mergeCategories(b), unit);
    expect(compatible('president', 'head of Blizzard')).toBe(true);
    expect(compatible('chief executive', 'president and chief executive officer')).toBe(true);
    expect(compatible('chairman', 'CEO')).toBe(false);
    expect(compatible('chairman', 'media distribution chief', true)).toBe(true);
    expect(compatible('chairman of the board', 'board member')).toBe(false);
    expect(compatible('CFO', 'CEO')).toBe(false);
  });
});

describe('effective dates', () => {
  it.each([
    ['will be succeeded on September 10, 2019', '2018-09-10', '2019-09-10'],
    ['on 10 September 2019, the 20th anniversary', '2018-09-10', '2019-09-10'],
    ['both effective Sept. 10', '2023-06-20', '2023-09-10'],
    ['effective 10 September', '2023-06-20', '2023-09-10'],
    ['to step down as chairman in a year', '2018-09-10', '2019-09-10'],
    ['takes over in September', '2023-06-21', '2023-09-01'],
    ['on September 10 next year', '2018-09-12', '2019-09-10'],
    ['who became CEO on March 3, 2015', '2023-06-20', null],
    ['no date here', '2023-06-20', null],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(findEffectiveDate(text, published)).toBe(expected);
  });
});

describe('text cues', () => {
  it('finds denials, not reports', () => {
    expect(findDenialSentences('Alibaba says Jack Ma is not retiring yet, disputing newspaper report. Shares rose.'))
      .toEqual(['Alibaba says Jack Ma is not retiring yet, disputing newspaper report.']);
    expect(findDenialSentences('The company denied reports that its CEO will leave.')).toHaveLength(1);
    expect(findDenialSentences('Jane Doe steps down as CEO of Acme.')).toEqual([]);
  });

  it('finds two names written together for one person', () => {
    expect(findNamePairs('Jack Ma (Ma Yun) will hand over to Daniel Zhang (Zhang Yong). Alibaba Group Holding Limited (NYSE: BABA) said.'))
      .toEqual([['Jack Ma', 'Ma Yun'], ['Daniel Zhang', 'Zhang Yong']]);
  });
});

describe('people, folded and told apart', () => {
  it.each([
    ['Søren Skou', 'Soren Skou', NameMatch.Same],
    ['Łukasz Nowak', 'Lukasz Nowak', NameMatch.Same],
    ['Yannick BollorÃ©', 'Yannick Bolloré', NameMatch.Same],
    ['Klaus Müller', 'Klaus Mueller', NameMatch.Same],
    ['Sergey Ivanov', 'Sergei Ivanov', NameMatch.Same],
    ['Arkady Volozh', 'Arkadiy Volozh', NameMatch.Same],
    ['Soeren Aagaard', 'Søren Ågård', NameMatch.Same],
    ['Maria Rossi', 'Mario Rossi', NameMatch.None],
    ['Jane Smith', 'John Smith', NameMatch.None],
    ['Vincent Bolloré', 'Yannick Bollore', NameMatch.None],
    ['Stewart Bainum Jr.', 'Stewart Bainum Sr.', NameMatch.None],
    ['Stewart Bainum Jr.', 'Stewart Bainum', NameMatch.Same],
  ])('%s ~ %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
  });

  it('keys the index by transliteration, so either spelling finds the other', () => {
    expect(nameTokens('Sergey Ivanov')).toEqual(nameTokens('Sergei Ivanov'));
    expect(nameTokens('Mr. Klaus Müller')).toEqual(nameTokens('Klaus Mueller'));
    expect(identityNames(['Garman', 'Mr Garman', 'Matt Garman'])).toEqual(['Matt Garman']);
    expect(identityNames(['Garman'])).toEqual(['Garman']);
  });

  it('finds the full names an item writes, and who a surname is there', () => {
    const text = 'Amazon picks insider Matt Garman to run AWS\nMr Garman, who joined Amazon in 2005, will replace Adam Selipsky on June 3.';
    expect(fullNamesIn(text)).toEqual(['Matt Garman', 'Adam Selipsky']);
    expect(resolveShortName('Mr Garman', fullNamesIn(text))).toEqual({ full: 'Matt Garman', fits: ['Matt Garman'] });
    const two = fullNamesIn('Northwind Foods names Jane Smith CFO, John Smith general counsel');
    expect(resolveShortName('J. Smith', two)).toEqual({ full: null, fits: ['Jane Smith', 'John Smith'] });
    // A shouted headline or a title is no name; a sentence ends a name.
    expect(fullNamesIn('AMAZON WEB SERVICES CEO SELIPSKY DEPARTS')).toEqual([]);
    expect(fullNamesIn('replaced by Chief Financial Officer Sandy Xu. Ian Su Shan, a veteran, will become CFO.')).toEqual(['Sandy Xu', 'Ian Su Shan']);
  });
});

describe('posts', () => {
  const rel = (a: string, b: string, unit = false) => relatePosts(describePost(a), describePost(b), unit);

  it('one post in two wordings', () => {
    expect(describePost('chairman of global advertising and partnerships').domain).toEqual(['advertising', 'partnerships']);
    expect(rel('head of advertising', 'chairman of global advertising and partnerships')).toBe('same');
    expect(rel('advertising chief', 'head of advertising')).toBe('same');
    expect(rel('boss', 'CEO')).toBe('close');
    // The head of an area is not the organisation's top post.
    expect(rel('cloud boss', 'CEO')).toBe('weak');
    expect(rel('chairman and chief executive', 'CEO')).toBe('same');
    expect(rel('chairman of the board of directors', 'chairman')).toBe('same');
    expect(rel('independent director', 'board of directors')).toBe('same');
  });

  it('a chair and a CEO post may be a misreading of one; a board seat or another area is not', () => {
    expect(rel('chairman', 'CEO')).toBe('weak');
    expect(rel('chairman', 'CEO', true)).toBe('close');
    expect(rel('board member', 'CEO')).toBe('separate');
    expect(rel('head of cloud', 'head of AI research')).toBe('separate');
    expect(rel('head of new advanced AI research team', 'CEO')).toBe('weak');
  });

  it('finds two titles given as one phrase, and what follows it', () => {
    expect(titlesInOnePhrase('Musk will move to executive chair and CTO.', 'executive chair', 'CTO')).toEqual(['.']);
    expect(titlesInOnePhrase('He becomes chairman and chief executive of Starbucks next month', 'chief executive', 'chairman')[0]).toMatch(/^ of starbucks/);
    expect(titlesInOnePhrase('Tsai succeeds him as chairman, and Wu as CEO', 'chairman', 'CEO')).toEqual([]);
  });
});

describe('organisations, more', () => {
  const rel = (a: string, b: string, pa: string | null = null, pb: string | null = null) =>
    relateOrganizations({ names: [a], parent: pa }, { names: [b], parent: pb }, createUnitBook());

  it('short and legal forms of one company; parts named as parts', () => {
    expect(rel('Chipotle', 'Chipotle Mexican Grill')).toBe('same');
    expect(rel('Kestrel', 'Kestrel Robotics')).toBe('same');
    expect(rel('NBCU', 'NBCUniversal')).toBe('same');
    expect(rel('Yandex N.V.', 'Yandex')).toBe('same');
    expect(rel('Ørsted', 'Orsted A/S')).toBe('same');
    expect(rel('Google Cloud', 'Google')).toBe('unit');
    expect(rel('Amazon Cloud', 'AWS', 'Amazon', 'Amazon')).toBe('sibling');
  });

  it('reads a unit from a title only when the title names one', () => {
    expect(unitFromTitle("chairman of Vivendi's supervisory board", 'Vivendi')).toBeNull();
    expect(unitFromTitle('chairman and chief executive of Starbucks next month', 'Starbucks')).toBeNull();
    expect(unitFromTitle('chief financial officer of Northwind Foods', 'Northwind')).toBeNull();
    expect(unitFromTitle('head of cloud computing unit', 'AWS', 'Amazon')).toBeNull();
    expect(unitFromTitle('head of the cloud computing unit', 'Amazon')).toEqual({ name: 'Amazon Cloud Computing', parent: 'Amazon' });
  });

  it('takes a unit the change never names for a neighbour\'s, and a missing organisation for none', () => {
    expect(unitNamedIn('Intel Products', 'Intel', 'Frank Yeary will become interim executive chair for the transition period.')).toBe(false);
    expect(unitNamedIn('AWS', 'Amazon', 'Amazon Web Services chief executive Adam Selipsky will step down.')).toBe(true);
    expect(unitNamedIn('AWS', 'Amazon', "Selipsky, who has run Amazon's cloud computing unit since 2021, steps down.")).toBe(true);
    expect(unknownOrganization('unknown', [])).toBe(true);
    expect(unknownOrganization('Musk', ['Elon Musk'])).toBe(true);
    expect(unknownOrganization('Twitter', ['Elon Musk'])).toBe(false);
  });
});

describe('time and wording', () => {
  it.each([
    ['who will start in about six weeks', '2023-05-12', '2023-06-23'],
    ['will step down at the end of 2024', '2024-03-25', '2024-12-31'],
    ['will leave later this year', '2024-03-25', '2024-12-31'],
    ['becomes chief executive next month', '2024-05-16', '2024-06-30'],
    ['will take over in the third quarter', '2024-05-16', '2024-09-30'],
    ['will leave her post this fall', '2022-06-01', '2022-11-30'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(findEffectiveDate(text, published)).toBe(expected);
  });

  it('tells a denial of a move from a report of one', () => {
    expect(deniesMove('Kestrel Robotics denies report that chairman Per Dahl will step down')).toBe(true);
    expect(deniesMove('The company said reports that Reyes would quit were untrue.')).toBe(true);
    expect(deniesMove('Brack, who denied wrongdoing, stepped down as president.')).toBe(false);
    const dahl = (s: string) => /Dahl/.test(s);
    expect(readFromDenial('Kestrel Robotics denies report that chairman Per Dahl will step down. Dahl is not leaving.', dahl)).toBe(true);
    expect(readFromDenial('Per Dahl steps down as chairman.', dahl)).toBe(false);
  });

  it('reads the interim flag from the title and a permanent appointment from its wording', () => {
    expect(saysPermanent('Chipotle makes interim chief Scott Boatwright its permanent CEO')).toBe(true);
    expect(saysPermanent('Kestrel makes Anna Lind CEO, dropping interim tag')).toBe(true);
    expect(saysPermanent('named Anna Lind permanent chief executive nine days after')).toBe(true);
    expect(saysPermanent('will serve as interim CEO while the board looks for a permanent chief executive')).toBe(false);
    const c = change({ item: 'a', at: '2025-03-12T00:00:00Z', person: 'Anna Lind', role: 'chief executive', interim: true,
      evidence: 'The board named Anna Lind permanent chief executive after she stepped in on an interim basis.' });
    expect(interimOf(c)).toBe(false);
    expect(interimOf({ ...c, interim: false, role: { title: 'acting president', category: 'President' }, evidence: 'X is acting president.' })).toBe(true);
  });
});
