import { describe, expect, it } from 'vitest';
import {
  cleanParent, compareNames, createUnitBook, findDenialSentences, findEffectiveDate, findNamePairs, mergeCategories,
  NameMatch, relateOrganizations, rolesCompatible, unitFromEvidence, unitFromTitle,
} from '../../src/core/events/index.js';

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
