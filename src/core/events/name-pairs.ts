// Items that write a person's two names together teach that they are one person:
// "Jack Ma (Ma Yun)", "Wu Yongming (Eddie Wu)", "Cho Joo-hee, also known as Cho Joo". The merger
// learns such pairs from the item text whatever the extractor makes of it.
//
// A name is two or three capitalised words, each at most 40 characters, and it starts where a
// word starts. Both bounds keep the scan linear: with unbounded words and no start boundary, a
// run of 20k capital letters was tried from each of its letters to its end (quadratic: a 1 MB
// title ran for minutes and blocked the process).
const WORD_START = "(?<![\\p{L}\\p{N}'\u2019.-])";
const NAME = `[A-Z][\\p{L}'\u2019-]{1,40}(?:\\s[A-Z][\\p{L}'\u2019.-]{0,40}){1,2}`;
const BRACKETED = new RegExp(`${WORD_START}(${NAME})\\s\\((${NAME})\\)`, 'gu');
const KNOWN_AS = new RegExp(`${WORD_START}(${NAME}),?\\s(?:also\\s)?(?:known|called)\\s(?:in\\s\\p{L}{1,40}\\s)?as\\s(${NAME})`, 'gu');

/** More pairs than this in one item is a list, not a person introduced under two names. */
export const MAX_NAME_PAIRS = 20;

/** Pairs of capitalised two- or three-word names the text gives for one person. */
export function findNamePairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const re of [BRACKETED, KNOWN_AS]) {
    for (const m of text.matchAll(re)) {
      const a = m[1]?.trim();
      const b = m[2]?.trim();
      if (a && b && a !== b) pairs.push([a, b]);
      if (pairs.length >= MAX_NAME_PAIRS) return pairs;
    }
  }
  return pairs;
}
