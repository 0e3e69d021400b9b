import { describe, expect, it } from 'vitest';
import { LEGAL_SUFFIXES, sameName } from '../../src/core/names.js';
import { roleCategories } from '../../src/core/roles.js';
import { extractChanges } from '../../src/extract/index.js';

// One small item per structure of English added for real news (issue 11; docs/extraction.md,
// "Causes"). Invented companies and people, sentences written for this file: none is copied from
// a labelled set. Each item must give exactly the changes listed, nothing more.
type Exp = [person: string, direction: 'in' | 'out', category: string, org?: string, interim?: boolean];
type Case = [title: string, body: string | null, expected: Exp[], published?: string];

export function expectExactly([title, body, expected, published]: Case): void {
  const changes = extractChanges({ id: 't', title, summary: body, content: null, url: null, feed: null, publishedAt: published ?? '2025-03-03' });
  const seen = changes.map((c) => [c.person.name, c.direction, c.role.title, c.role.category, c.organization.name, c.interim]);
  for (const [person, direction, category, org, interim] of expected) {
    // the scorer's rules: a role category in common, organisation names equal or one inside the other
    const c = changes.find((x) => x.person.name === person && x.direction === direction && roleCategories(x.role.title).has(category as never));
    expect(c, `${person} ${direction} ${category} in ${JSON.stringify(seen)}`).toBeDefined();
    if (org) expect(sameName(c?.organization.name ?? '', org, LEGAL_SUFFIXES), `${org} in ${JSON.stringify(seen)}`).toBe(true);
    if (interim !== undefined) expect(c?.interim, JSON.stringify(seen)).toBe(interim);
  }
  expect(changes.length, JSON.stringify(seen)).toBe(expected.length);
}

const run = (cases: Case[]): void => {
  for (const c of cases) it(`${c[0]}${c[1] ? ` / ${c[1].slice(0, 60)}…` : ''}`, () => expectExactly(c));
};

describe('titles written as one phrase', () => {
  run([
    // a list of titles with commas and an article before the last
    ['Harbour Freight names president', 'Harbour Freight Lines Inc said it appointed Edith Calloway as president, chief operating officer and a director of the company.', [['Edith Calloway', 'in', 'President', 'Harbour Freight Lines Inc']]],
    // a hyphenated tail ("-elect") and a bare "director" after "and"
    ['Corvane names CEO-elect', 'Corvane Systems said Dmitri Valk has been named president and CEO-elect.', [['Dmitri Valk', 'in', 'President', 'Corvane Systems']]],
    ['Stellwood promotes finance head', 'Stellwood Corp said Anja Brink was named vice president-finance and chief financial officer.', [['Anja Brink', 'in', 'VP', 'Stellwood Corp']]],
    // "director-general" of an institute, "editor-in-chief" of a title
    ['Institute picks new head', 'The Baltic Soil Institute said agronomist Lena Varga will take over as its director-general in May, succeeding Piet Maas.', [['Lena Varga', 'in', 'Head', 'Baltic Soil Institute'], ['Piet Maas', 'out', 'Head', 'Baltic Soil Institute']]],
    // a British newsroom's "boss", and "Mr" before a surname
    ['Ferrovia boss to quit', 'Ferrovia boss Alan Crewe is to leave his post in June, the rail group said. Mr Crewe will be replaced by finance director Rosa Lind.', [['Alan Crewe', 'out', 'Other', 'Ferrovia'], ['Rosa Lind', 'in', 'Other', 'Ferrovia']]],
  ]);
});

describe('newswire text', () => {
  run([
    // hard line wraps, an ALL CAPS title with a ticker, a private company in angle brackets
    ['HARBOUR FREIGHT <HFL> PRESIDENT RESIGNS', 'Harbour Freight Lines Inc said Paul N.\nOstrander has resigned as president of its <Coastal Tug Co>\nsubsidiary, effective immediately.', [['Paul N. Ostrander', 'out', 'President', 'Coastal Tug Co']], '1988-05-02'],
    // a dateline before the first sentence
    ['Corvane finance chief to retire', 'OSLO (Wirecast) - Corvane Systems said its chief financial officer, Ivar Holm, would retire on June 30.', [['Ivar Holm', 'out', 'CFO', 'Corvane Systems']]],
  ]);
});
