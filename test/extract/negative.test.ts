import { describe, expect, it } from 'vitest';
import { extractChanges } from '../../src/extract/index.js';

// Items that mention executives and posts but report no change.
const NONE: Array<[kind: string, title: string, summary: string | null]> = [
  ['rumour', 'Nortech is said to be considering Priya Raman as its next CEO', null],
  ['rumour', 'Exclusive: Nortech in talks with Priya Raman about CEO job, sources say', null],
  ['rumour', 'Nortech board approached Priya Raman about chief executive role', 'The board has also held talks with other candidates, according to people familiar with the matter.'],
  ['question', 'Is Priya Raman Nortech\'s next CEO?', null],
  ['denial', 'Tom Lindqvist says he is not stepping down as Nortech CEO, disputing report', null],
  ['denial', 'Nortech denies report that CEO Tom Lindqvist will resign', null],
  ['background', 'Nortech shares rise', 'Chief executive Tom Lindqvist, who took over from Ada Berg in 2019, said demand was strong.'],
  ['background', 'Vexa unveils new chip', 'Former Nortech CEO Tom Lindqvist joined the launch event in Berlin.'],
  ['background', 'Nortech profit jumps', 'Lindqvist became chief executive in 2017 after the board ousted Ada Berg.'],
  ['interview', 'Nortech CEO Tom Lindqvist on AI, China and what comes next', 'In an interview, Lindqvist said the company would keep investing.'],
  ['earnings', 'Nortech beats estimates as CEO Tom Lindqvist touts AI demand', 'Revenue rose 12% in the quarter, chief financial officer Ada Berg said.'],
  ['pay', "Nortech CEO Tom Lindqvist's pay package tops $50 million", null],
  ['layoffs', 'Nortech to cut 10% of staff, CEO Tom Lindqvist tells employees', null],
  ['stays', 'Vexa buys Nortech', 'Tom Lindqvist will remain chief executive of Nortech, which keeps its brand.'],
  ['honorary', 'Nortech makes founder Tom Lindqvist chairman emeritus', null],
  ['award', 'Priya Raman named CEO of the Year by industry magazine', null],
  ['unnamed', 'Nortech fires engineer who leaked chip designs', null],
  ['lawsuit', 'Nortech CEO Tom Lindqvist sued by former employees', null],
  ['stays', 'Nortech shares fall after Lindqvist says he will stay on as CEO', null],
  ['unnamed', 'Nortech names new head of gaming division', null],
  ['founding', 'Ex-Nortech CEO Tom Lindqvist launches AI startup', null],
  ['list', 'Priya Raman named to Time 100 list', null],
  ['question', 'Who will replace Tom Lindqvist as Nortech CEO?', null],
  ['statement', "Nortech's new CEO Priya Raman says ads are back", null],
  ['death', 'Civil rights leader Tom Lindqvist dies at 84', null],
];

describe('items that report no change', () => {
  for (const [kind, title, summary] of NONE) {
    it(`${kind}: ${title}`, () => {
      const changes = extractChanges({ id: 'n', title, summary, content: null, url: null, feed: null, publishedAt: '2025-03-03' });
      expect(changes.map((c) => `${c.person.name} ${c.direction} ${c.role.title}`)).toEqual([]);
    });
  }
});

describe('participles that describe a person', () => {
  it('"the ousted president, X, has admitted …" reports no change', () => {
    const changes = extractChanges({ id: 'n', title: 'Holm admits defeat', summary: 'The ousted Ruritanian president, Ivar Holm, has admitted privately that his campaign is over.', content: null, url: null, feed: null, publishedAt: '2025-03-03' });
    expect(changes).toEqual([]);
  });
});
