// Items that write a person's two names together teach that they are one person:
// "Jack Ma (Ma Yun)", "Wu Yongming (Eddie Wu)", "Cho Joo-hee, also known as Cho Joo". The merger
// learns such pairs from the item text whatever the extractor makes of it.
const NAME = "[A-Z][\\p{L}'\u2019-]+(?:\\s[A-Z][\\p{L}'\u2019.-]*){1,2}";
const BRACKETED = new RegExp(`(${NAME})\\s\\((${NAME})\\)`, 'gu');
const KNOWN_AS = new RegExp(`(${NAME}),?\\s(?:also\\s)?(?:known|called)\\s(?:in\\s\\p{L}+\\s)?as\\s(${NAME})`, 'gu');

/** Pairs of capitalised two- or three-word names the text gives for one person. */
export function findNamePairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const re of [BRACKETED, KNOWN_AS]) {
    for (const m of text.matchAll(re)) {
      const a = m[1]?.trim();
      const b = m[2]?.trim();
      if (a && b && a !== b) pairs.push([a, b]);
    }
  }
  return pairs;
}
