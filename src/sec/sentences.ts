// Sentences of filing prose. Filings are formal: a sentence ends at a full stop followed by a
// capital, except after the titles, initials and company abbreviations they are full of.

const NO_BREAK = /(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Jr|Sr|St|No|Nos|Inc|Corp|Co|Ltd|Cos|L\.P|N\.A|U\.S|S\.A|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|e\.g|i\.e|vs|approx|Reg|Sec|[A-Z])$/;

/** The sentences of a paragraph, trimmed, in order. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’)]*\s+(?=["“(]?[A-Z0-9])/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const dot = paragraph.slice(start, m.index);
    if (paragraph[m.index] === '.' && NO_BREAK.test(dot)) continue;
    const end = m.index + m[0].trimEnd().length;
    const s = paragraph.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
