import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../src/core/change.js';
import { extractChanges, namesPublicBody } from '../../src/extract/index.js';
import { readRole } from '../../src/extract/mentions.js';
import { MODALITY } from '../../src/extract/patterns.js';
import { splitSentences, tokenize } from '../../src/extract/text.js';

// The regexes rewritten for the linear-time lint rules, on the inputs that made the old forms
// backtrack or rescan (long runs of spaces, quotes, repeated words): each still gives the
// answer it gave before, on ordinary text and on the hostile text.

const item = (title: string, summary: string): NewsItem =>
  ({ id: 'x', feedId: 'f', url: 'https://news.test/a', title, summary, content: null, publishedAt: '2026-01-05T00:00:00Z' }) as unknown as NewsItem;
const found = (title: string, summary: string) =>
  extractChanges(item(title, summary)).map((c) => [c.person.name, c.organization.name, c.role.title, c.direction]);

describe('rewritten extraction regexes on hostile text', () => {
  it('modality: a backed candidate is not a rumour, a question mark before trailing spaces still is', () => {
    expect(MODALITY.test('a candidate for chief executive')).toBe(true);
    for (const s of ['Acme backing candidate Jane Roe', 'she backs candidates', 'it funds candidates', 'he endorses candidate Roe']) {
      expect(MODALITY.test(s), s).toBe(false);
    }
    expect(MODALITY.test(`${'back '.repeat(40_000)}candidate`)).toBe(false);
    expect(MODALITY.test(`${' '.repeat(200_000)}x`)).toBe(false);
    expect(MODALITY.test(`Is he leaving?${' '.repeat(200_000)}`)).toBe(true);
    expect(MODALITY.test(`?${' '.repeat(200_000)}x`)).toBe(false);
  });

  it('sentence ends: opening quotes before the next word, and a dot followed only by spaces and marks', () => {
    expect(splitSentences('', 'Acme named Jane Roe CEO. "The board agreed," she said. Beta Inc. Tuesday said no.').sentences.map((s) => s.text))
      .toEqual(['Acme named Jane Roe CEO.', '"The board agreed," she said.', 'Beta Inc. Tuesday said no.']);
    // 200k spaces then an opening quote and bracket with no word after them: one sentence.
    expect(splitSentences('', `Jane Roe left.${' '.repeat(200_000)}"(`).sentences.map((s) => s.text)).toEqual(['Jane Roe left.']);
  });

  it('hyphenated titles: "CEO-elect", and a 200k-letter tail is no title tail', () => {
    expect(readRole(tokenize('CEO-elect Jane Roe', 0), 0)?.info.title).toBe('CEO-elect');
    expect(readRole(tokenize(`president-${'a'.repeat(200_000)}`, 0), 0)).toBeNull();
  });

  it('public bodies in a title are read after its first "of", however many there are', () => {
    expect(namesPublicBody('chairman of the Senate select committee')).toBe(true);
    expect(namesPublicBody('chief executive of Acme')).toBe(false);
    expect(namesPublicBody('army chief executive')).toBe(false);
    expect(namesPublicBody(`${'of '.repeat(70_000)}x`)).toBe(false);
    expect(namesPublicBody(`head ${'of '.repeat(70_000)}the army`)).toBe(true);
  });

  it('finds the change in plain news, none in a public post, none in hostile bodies', () => {
    expect(found('Acme names Jane Roe chief executive', 'Acme Corp. said on Monday it named Jane Roe chief executive, succeeding John Poe, who retired.'))
      .toEqual([['Jane Roe', 'Acme', 'chief executive', 'in'], ['John Poe', 'Acme', 'chief executive', 'out']]);
    expect(found('Jane Roe named chairman of the Senate select committee', 'Jane Roe was named chairman of the Senate select committee on Monday.')).toEqual([]);
    expect(found('Jane Roe will continue as chairman of Acme', 'Jane Roe will continue as chairman of Acme Corp.')).toEqual([]);
    const hostile = ['will '.repeat(40_000), 'Jane Roe, '.repeat(20_000), '1, '.repeat(60_000), ' '.repeat(200_000), 'Team '.repeat(40_000), 'continue as '.repeat(20_000), 'Acme Inc. '.repeat(20_000), '"'.repeat(200_000)];
    for (const body of hostile) expect(found('Acme news', body), body.slice(0, 20)).toEqual([]);
  });
});
