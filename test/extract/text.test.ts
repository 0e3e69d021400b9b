import { describe, expect, it } from 'vitest';
import { MAX_BODY, splitSentences } from '../../src/extract/text.js';

describe('splitSentences', () => {
  it('splits at full stops but not after abbreviations, initials or a continuing "Corp."', () => {
    const body = 'Muñoz will take over on Jan. 1 from J. Allen Brack. He moves to parent LG Corp. as chief operating officer. Dell Inc. CEO Michael Dell spoke. The U.S. unit grew.';
    const { sentences } = splitSentences('Title', body);
    expect(sentences.map((s) => s.text)).toEqual([
      'Title',
      'Muñoz will take over on Jan. 1 from J. Allen Brack.',
      'He moves to parent LG Corp. as chief operating officer.',
      'Dell Inc. CEO Michael Dell spoke.',
      'The U.S. unit grew.',
    ]);
  });

  it('keeps a company name whole before a weekday, a second legal suffix or a bracketed ticker', () => {
    const body = 'Harbour Freight Inc. Tuesday said it named a president. Ada Stern joined Tokai Denki Co. Ltd. in 2001. Corvane Corp. (CRV.N) said profit rose.';
    expect(splitSentences('T', body).sentences.map((s) => s.text).slice(1)).toEqual([
      'Harbour Freight Inc. Tuesday said it named a president.',
      'Ada Stern joined Tokai Denki Co. Ltd. in 2001.',
      'Corvane Corp. (CRV.N) said profit rose.',
    ]);
  });

  it('takes the case of an all-capitals title from the story under it', () => {
    const { sentences } = splitSentences('HARBOUR FREIGHT NAMES NEW PRESIDENT', 'Harbour Freight Lines Inc said it named Ada Stern president.');
    expect(sentences[0]?.tokens.map((t) => t.text)).toEqual(['Harbour', 'Freight', 'names', 'new', 'president']);
    expect(sentences[0]?.text).toBe('HARBOUR FREIGHT NAMES NEW PRESIDENT');
  });

  it('keeps offsets so every sentence is a verbatim slice of the text', () => {
    const { text, sentences } = splitSentences('A title', 'First one. Second one!\n\nNew paragraph? Yes.');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.para)).toEqual([0, 1, 1, 2, 2]);
  });

  it('cuts run-on text into bounded pieces and reads a long body only up to MAX_BODY', () => {
    const body = 'word '.repeat(20_000);
    const { sentences } = splitSentences('T', body);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(600);
    expect(sentences.reduce((n, s) => n + s.text.length + 1, 0)).toBeLessThanOrEqual(MAX_BODY + 100);
  });

  it('treats an item without a title as body text (the first paragraph is split too)', () => {
    const { sentences } = splitSentences('', 'One. Two.');
    expect(sentences.map((s) => [s.text, s.isTitle])).toEqual([['One.', false], ['Two.', false]]);
  });
});
