// Name folding shared by scoring, merging and lookups: case, accents, punctuation,
// honorifics for people and legal suffixes for organisations.
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'prof', 'jr', 'sr', 'ii', 'iii', 'iv',
]);
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'plc', 'group', 'holdings',
  'holding', 'co', 'company', 'the', 'sa', 'ag', 'nv', 'se', 'gmbh',
]);

export function nameWords(s: string | null | undefined, drop: ReadonlySet<string>): string[] {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ')
    .split(' ')
    .filter((w) => w && !drop.has(w));
}

/** Equal, or every word of the shorter name stands in the longer ("Niccol" ~ "Brian Niccol"). */
export function sameName(a: string, b: string, drop: ReadonlySet<string>): boolean {
  const x = nameWords(a, drop);
  const y = nameWords(b, drop);
  if (x.length === 0 || y.length === 0) return false;
  const [small, big] = x.length <= y.length ? [x, y] : [y, x];
  return small.every((w) => big.includes(w));
}

export const personKey = (name: string): string => nameWords(name, HONORIFICS).join(' ');
export const organizationKey = (name: string): string => nameWords(name, LEGAL_SUFFIXES).join(' ');
