import { describe, expect, it } from 'vitest';
import { extractChanges } from '../../src/extract/index.js';

// One small item per phrasing; invented companies and people, so the rules are tested on
// wording they were not written against.
type Exp = [person: string, direction: 'in' | 'out', category?: string, org?: string, interim?: boolean];
const CASES: Array<[title: string, summary: string | null, expected: Exp[]]> = [
  ['Nortech names Priya Raman CEO', null, [['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech taps Priya Raman as chief financial officer', null, [['Priya Raman', 'in', 'CFO', 'Nortech']]],
  ['Nortech appoints Priya Raman president and CEO', null, [['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech promotes Priya Raman to chief operating officer', null, [['Priya Raman', 'in', 'COO', 'Nortech']]],
  ['Nortech hires Vexa\'s Tom Lindqvist as CTO', null, [['Tom Lindqvist', 'in', 'CTO', 'Nortech']]],
  ['Nortech CEO Tom Lindqvist steps down', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ['Nortech CFO Tom Lindqvist resigns', null, [['Tom Lindqvist', 'out', 'CFO', 'Nortech']]],
  ['Tom Lindqvist to retire as Nortech chairman', null, [['Tom Lindqvist', 'out', 'Chair', 'Nortech']]],
  ['Nortech ousts CEO Tom Lindqvist', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ['Tom Lindqvist is out as Nortech CEO', null, [['Tom Lindqvist', 'out', 'CEO']]],
  // passive voice
  ['Priya Raman named interim CEO of Nortech', null, [['Priya Raman', 'in', 'CEO', 'Nortech', true]]],
  ['Priya Raman has been appointed chief technology officer at Nortech', null, [['Priya Raman', 'in', 'CTO']]],
  // successions
  ['Priya Raman to succeed Tom Lindqvist as Nortech CEO', null, [['Priya Raman', 'in', 'CEO', 'Nortech'], ['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ['Priya Raman replaces Tom Lindqvist as Nortech CFO', null, [['Priya Raman', 'in', 'CFO'], ['Tom Lindqvist', 'out', 'CFO']]],
  ['Nortech CEO Tom Lindqvist steps down; Priya Raman takes over', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech CEO Tom Lindqvist resigns, Priya Raman named successor', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Nortech founder Tom Lindqvist hands CEO role to Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Nortech CEO Tom Lindqvist hands the reins to Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Nortech replaces CEO Tom Lindqvist with Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Nortech CEO Tom Lindqvist replaced by Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Priya Raman takes the helm at Nortech as Tom Lindqvist retires', null, [['Priya Raman', 'in'], ['Tom Lindqvist', 'out']]],
  // possessives and appositives
  ["Nortech's new CFO: Priya Raman", null, [['Priya Raman', 'in', 'CFO', 'Nortech']]],
  ['Vexa hires Priya Raman', 'Raman, Nortech\'s chief financial officer, will join Vexa as CFO in May.', [['Priya Raman', 'in', 'CFO', 'Vexa'], ['Priya Raman', 'out', 'CFO', 'Nortech']]],
  // moves
  ['Nortech CTO Priya Raman leaves to become Vexa CEO', null, [['Priya Raman', 'out', 'CTO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Vexa']]],
  // interim / acting
  ['Nortech CEO Tom Lindqvist departs; CFO Priya Raman to serve as acting CEO', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO', 'Nortech', true]]],
  // co-posts and coordination
  ['Nortech names Priya Raman and Dev Okafor co-CEOs', null, [['Priya Raman', 'in', 'CEO'], ['Dev Okafor', 'in', 'CEO']]],
  ['Nortech names Priya Raman CTO and Dev Okafor chief product officer', null, [['Priya Raman', 'in', 'CTO'], ['Dev Okafor', 'in', 'CPO']]],
  ['Nortech co-founders Tom Lindqvist and Dev Okafor resign', null, [['Tom Lindqvist', 'out'], ['Dev Okafor', 'out']]],
  // board seats and chairs
  ['Priya Raman joins Nortech board of directors', null, [['Priya Raman', 'in', 'Board', 'Nortech']]],
  ['Nortech taps Priya Raman as CEO; Tom Lindqvist to become executive chairman', null, [['Priya Raman', 'in', 'CEO'], ['Tom Lindqvist', 'out', 'CEO'], ['Tom Lindqvist', 'in', 'Chair']]],
  // returns
  ['Tom Lindqvist returns as CEO of Nortech', null, [['Tom Lindqvist', 'in', 'CEO', 'Nortech']]],
  // passive and headline forms
  ['Nortech CEO Tom Lindqvist ousted', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ["Nortech's Tom Lindqvist out as chief executive", null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ['Nortech Names Priya Raman Chief Executive Officer', null, [['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech CEO Tom Lindqvist will step down at the end of the year and be succeeded by Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
  ['Former Vexa CEO Tom Lindqvist joins Nortech board', null, [['Tom Lindqvist', 'in', 'Board', 'Nortech']]],
  ['Vexa poaches Nortech CTO Priya Raman', null, [['Priya Raman', 'out', 'CTO', 'Nortech']]],
  ["Nortech's new CEO Priya Raman starts Monday", null, [['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech chairman Tom Lindqvist dies at 71', null, [['Tom Lindqvist', 'out', 'Chair', 'Nortech']]],
  // press releases
  ['Nortech announces leadership transition', 'Nortech today announced the resignation of Tom Lindqvist as chief executive officer. The board has appointed Priya Raman, currently chief operating officer, as chief executive officer, effective immediately.', [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  ['Nortech CEO to step down', 'Tom Lindqvist will no longer serve as chief executive of Nortech, the company said.', [['Tom Lindqvist', 'out', 'CEO']]],
  // unit heads
  ['Nortech elevates Priya Raman to run cloud unit', 'Raman will lead Nortech Cloud Services, the company said.', [['Priya Raman', 'in']]],
  // feed noise: entities, outlet suffix, Exclusive prefix
  ['Exclusive: Nortech CEO Tom Lindqvist to step down - Reuters', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  ['Nortech&#8217;s CEO Tom Lindqvist steps down | TechCrunch', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  // pronouns and surnames across sentences
  ['Nortech shake-up', 'Nortech said on Monday that Tom Lindqvist will step down as chief executive. He will hand the job to Priya Raman, its chief operating officer.', [['Tom Lindqvist', 'out', 'CEO'], ['Priya Raman', 'in', 'CEO']]],
];

describe('phrasings of a leadership change', () => {
  for (const [title, summary, expected] of CASES) {
    it(`${title}${summary ? ` / ${summary.slice(0, 40)}…` : ''}`, () => {
      const changes = extractChanges({ id: 't', title, summary, content: null, url: null, feed: null, publishedAt: '2025-03-03' });
      const got = changes.map((c) => `${c.person.name}|${c.direction}`);
      for (const [person, direction, category, org, interim] of expected) {
        const c = changes.find((x) => x.person.name === person && x.direction === direction && (!category || x.role.category === category || (category === 'CEO' && /CEO|chief executive/i.test(x.role.title))));
        expect(c, `${person} ${direction} ${category ?? ''} in ${JSON.stringify(changes.map((x) => [x.person.name, x.direction, x.role.title, x.organization.name]))}`).toBeDefined();
        if (org) expect(c?.organization.name).toBe(org);
        if (interim !== undefined) expect(c?.interim).toBe(interim);
      }
      expect(got.length, JSON.stringify(got)).toBe(new Set(expected.map((e) => `${e[0]}|${e[1]}|${e[2] ?? ''}`)).size);
    });
  }
});
