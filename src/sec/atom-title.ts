// The title of an entry of EDGAR's latest-filings feed: "8-K - NVIDIA CORP (0001045810) (Filer)".
// Read by a scan rather than the regex it replaces,
//   /^(.+?)\s+-\s+(.+?)\s+\((\d{1,10})\)\s*(?:\((?:Filer|Subject|Filed by|Reporting)\))?\s*$/
// whose lazy parts trade spaces with the runs around them and backtrack quadratically. The scan
// splits where that regex would: the form before the first " - " that leaves a name, the name up
// to the spaces before the CIK in parentheses, and an optional role at the end.

export interface AtomTitle {
  form: string;
  company: string;
  cik: string;
}

const ROLE = /\((?:Filer|Subject|Filed by|Reporting)\)$/;
const CIK = /\((\d{1,10})\)$/;
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isLineBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

export function parseAtomTitle(title: string): AtomTitle | null {
  let s = title.trimEnd();
  const role = ROLE.exec(s);
  if (role) s = s.slice(0, role.index).trimEnd();
  const cik = CIK.exec(s);
  if (!cik) return null;
  const paren = cik.index;
  // The spaces before the CIK's parenthesis; the name ends where they start (or one later).
  let spaces = paren;
  while (spaces > 0 && isSpace(s[spaces - 1])) spaces--;
  if (spaces === paren) return null;
  // Neither the form nor the name may hold a line break.
  // nextBreak[i]: the first line break at or after i (s.length when none).
  const nextBreak = new Array<number>(s.length + 1);
  nextBreak[s.length] = s.length;
  for (let i = s.length - 1; i >= 0; i--) nextBreak[i] = isLineBreak(s[i]) ? i : nextBreak[i + 1]!;
  for (let dash = s.indexOf('-', 1); dash !== -1 && dash < paren; dash = s.indexOf('-', dash + 1)) {
    // The form ends at the spaces before the dash (at least one character of form, one space).
    let formEnd = dash;
    while (formEnd > 1 && isSpace(s[formEnd - 1])) formEnd--;
    if (formEnd === dash || !isSpace(s[formEnd])) continue;
    if (nextBreak[0]! < formEnd) return null;
    // The name starts after as many spaces as leave it a character and the spaces before the CIK.
    let after = dash + 1;
    while (after < paren && isSpace(s[after])) after++;
    for (let start = after; start > dash + 1; start--) {
      const end = Math.max(start + 1, spaces);
      if (end >= paren) continue;
      if (nextBreak[start]! < end) continue;
      return { form: s.slice(0, formEnd), company: s.slice(start, end), cik: cik[1]! };
    }
  }
  return null;
}
