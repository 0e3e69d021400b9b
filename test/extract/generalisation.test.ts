import { describe, expect, it } from 'vitest';
import { extractChanges } from '../../src/extract/index.js';

// One small item per rule class added in the held-out generalisation pass (docs/extraction.md,
// "Held-out"). Invented companies and people, worded differently from any labelled item.
type Exp = [person: string, direction: 'in' | 'out', category?: string, org?: string, interim?: boolean];
const CASES: Array<[title: string, summary: string | null, expected: Exp[]]> = [
  // a described object: "<Company> <field> executive <Person>", "retired veteran <Person>"
  ['Nortech names Vexa finance executive Priya Raman as CFO', null, [['Priya Raman', 'in', 'CFO', 'Nortech']]],
  ['Nortech brings back retired veteran Tom Lindqvist as CEO, replacing Priya Raman', null, [['Tom Lindqvist', 'in', 'CEO', 'Nortech'], ['Priya Raman', 'out', 'CEO', 'Nortech']]],
  ['Nortech to replace CEO Tom Lindqvist with Vexa executive Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // a board seat is held alongside the post the person has elsewhere
  ['Nortech taps Vexa CEO Priya Raman for its board of directors', null, [['Priya Raman', 'in', 'Board', 'Nortech']]],
  ['Tom Lindqvist quits Nortech board', null, [['Tom Lindqvist', 'out', 'Board', 'Nortech']]],
  // "candidates" in politics is not a succession rumour
  ["Tom Lindqvist to leave Nortech's board to back candidates in state races", null, [['Tom Lindqvist', 'out', 'Board', 'Nortech']]],
  // the post handed over is the giver's, not the receiver's former employer's
  ["Nortech's Tom Lindqvist hands CEO reins to Vexa's Priya Raman", null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // "the role she handed to X in 2019" is background; "will again serve as" is a return
  ['Nortech chief quits', 'Priya Raman, Nortech\'s chairman, will again serve as CEO, the role she handed to Tom Lindqvist in 2019.', [['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // the one left in charge
  ['Nortech co-CEO Tom Lindqvist steps down, leaving Priya Raman as sole CEO', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // "puts X in his place"
  ["Nortech ousts chairman Tom Lindqvist, puts Vexa's Priya Raman in his place", null, [['Tom Lindqvist', 'out', 'Chair', 'Nortech'], ['Priya Raman', 'in', 'Chair', 'Nortech']]],
  // Korean names (family name first, hyphenated given name; a family name that is also a month)
  ['Nortech replaces CFO Park Ji-hoon with Jun Hye-rin', null, [['Park Ji-hoon', 'out', 'CFO', 'Nortech'], ['Jun Hye-rin', 'in', 'CFO', 'Nortech']]],
  // a bare "as directors" after a list of names (the title as written: the scorer files "directors" under Other)
  ['Nortech adds two directors', 'The board named Priya Raman and Vexa chief Tom Lindqvist as directors.', [['Priya Raman', 'in', 'Other'], ['Tom Lindqvist', 'in', 'Other']]],
  // "chief executive of software company Nortech": the company is the name after its description
  ['Priya Raman steps down as chief executive of software company Nortech', null, [['Priya Raman', 'out', 'CEO', 'Nortech']]],
  // a CEO named while the previous one becomes chairman: the chairman leaves the CEO post
  ['Nortech names Priya Raman CEO as Tom Lindqvist becomes chairman', null, [['Priya Raman', 'in', 'CEO', 'Nortech'], ['Tom Lindqvist', 'in', 'Chair', 'Nortech'], ['Tom Lindqvist', 'out', 'CEO', 'Nortech']]],
  // long chief-X-officer titles, and "leaving <Company> to become"
  ['Nortech hires Priya Raman', "Raman is leaving Vexa to become Nortech's chief advanced robotics and embedded systems officer.", [['Priya Raman', 'in', undefined, 'Nortech']]],
  // a board seat in a coordinated verb phrase
  ['Nortech brings back Tom Lindqvist', 'Tom Lindqvist will return as CEO and will rejoin the board.', [['Tom Lindqvist', 'in', 'CEO'], ['Tom Lindqvist', 'in', 'Board']]],
  // a list in apposition as the subject
  ['Nortech reshuffle', "Nortech's two presidents, Priya Raman and Tom Lindqvist, were named co-CEOs.", [['Priya Raman', 'in', 'CEO', 'Nortech'], ['Tom Lindqvist', 'in', 'CEO', 'Nortech']]],
  // "to hand over to former <Company> chief X": a hand-over without an object, a described receiver
  ['Nortech CEO Tom Lindqvist to hand over to former Vexa chief Priya Raman', null, [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // "will hand <Company>'s chairmanship to X": the post and the organisation in the object
  ["Tom Lindqvist will hand Nortech's chairmanship to chief executive Priya Raman", null, [['Tom Lindqvist', 'out', 'Chair', 'Nortech'], ['Priya Raman', 'in', 'Chair', 'Nortech']]],
  // a company named by its shareholders; a nationality in "the Swiss maker" is not the employer
  ['Aker Solvang shareholders elect Priya Raman chair, ousting Tom Lindqvist', null, [['Priya Raman', 'in', 'Chair', 'Aker Solvang'], ['Tom Lindqvist', 'out', 'Chair', 'Aker Solvang']]],
  ['Nortech fires CEO Tom Lindqvist', 'The Swiss chipmaker named Priya Raman, its finance chief, as chief executive.', [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech']]],
  // a headline's bare "chief" yields to the body's specific title
  ["Nortech's Tom Lindqvist steps down as CEO; Priya Raman named interim chief", 'Priya Raman will take over as interim CEO.', [['Tom Lindqvist', 'out', 'CEO', 'Nortech'], ['Priya Raman', 'in', 'CEO', 'Nortech', true]]],
];

describe('phrasings added for unseen wording', () => {
  for (const [title, summary, expected] of CASES) {
    it(`${title}${summary ? ` / ${summary.slice(0, 40)}…` : ''}`, () => {
      const changes = extractChanges({ id: 't', title, summary, content: null, url: null, feed: null, publishedAt: '2025-03-03' });
      const got = changes.map((c) => `${c.person.name}|${c.direction}|${c.role.category}`);
      for (const [person, direction, category, org, interim] of expected) {
        const c = changes.find((x) => x.person.name === person && x.direction === direction && (!category || x.role.category === category));
        expect(c, `${person} ${direction} ${category ?? ''} in ${JSON.stringify(changes.map((x) => [x.person.name, x.direction, x.role.title, x.role.category, x.organization.name]))}`).toBeDefined();
        if (org) expect(c?.organization.name).toBe(org);
        if (interim !== undefined) expect(c?.interim).toBe(interim);
      }
      expect(got.length, JSON.stringify(got)).toBe(expected.length);
    });
  }
});
