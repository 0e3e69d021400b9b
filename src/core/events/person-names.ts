import { HONORIFICS } from '../names.js';
import { foldLatin, remembered } from './fold.js';

// Short forms news copy uses for the same given name ("Bob Iger" / "Robert A. Iger"). Each maps
// to one canonical form so that both sides of a comparison fold to the same word.
const NICKNAMES: Readonly<Record<string, string>> = {
  bob: 'robert', bobby: 'robert', rob: 'robert', robbie: 'robert', bert: 'robert',
  bill: 'william', billy: 'william', will: 'william', willy: 'william', liam: 'william',
  jim: 'james', jimmy: 'james', jamie: 'james',
  mike: 'michael', mikey: 'michael', mick: 'michael',
  dave: 'david', davey: 'david',
  joe: 'joseph', joey: 'joseph',
  jen: 'jennifer', jenny: 'jennifer', jenn: 'jennifer',
  tom: 'thomas', tommy: 'thomas',
  dan: 'daniel', danny: 'daniel',
  steve: 'steven', stephen: 'steven',
  chris: 'christopher',
  pat: 'patrick',
  liz: 'elizabeth', beth: 'elizabeth', betsy: 'elizabeth',
  kate: 'katherine', katie: 'katherine', kathy: 'katherine', catherine: 'katherine',
  ed: 'edward', eddie: 'edward', ted: 'edward', teddy: 'edward',
  andy: 'andrew', drew: 'andrew',
  tony: 'anthony',
  nick: 'nicholas', nicky: 'nicholas',
  matt: 'matthew',
  sam: 'samuel',
  alex: 'alexander',
  ben: 'benjamin',
  greg: 'gregory',
  jeff: 'jeffrey', geoff: 'jeffrey', geoffrey: 'jeffrey',
  ken: 'kenneth', kenny: 'kenneth',
  larry: 'lawrence',
  rick: 'richard', rich: 'richard', dick: 'richard', richie: 'richard',
  ron: 'ronald', ronnie: 'ronald',
  tim: 'timothy',
  doug: 'douglas',
  sue: 'susan', susie: 'susan',
  meg: 'margaret', peggy: 'margaret', maggie: 'margaret',
  charlie: 'charles', chuck: 'charles',
  jon: 'jonathan',
  fred: 'frederick', freddie: 'frederick',
  phil: 'philip', phillip: 'philip',
  ray: 'raymond',
  walt: 'walter',
  vicky: 'victoria',
  becky: 'rebecca',
  abby: 'abigail',
};

/**
 * The words of a person's name, folded: case, accents and special letters ("Søren" = "Soren"),
 * apostrophes ("O'Neal" = "Oneal"), brackets ("Robert (Bob) Swan"), honorifics and suffixes
 * dropped, nicknames canonical. Hyphenated given names split into their parts on both sides
 * alike ("Lip-Bu").
 */
export const personWords: (name: string) => readonly string[] = remembered((name: string): string[] => {
  const folded = foldLatin(name)
    .replace(/['\u2019]s\b/g, '')
    .replace(/['\u2019`]/g, '')
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ')
    .trim();
  if (!folded) return [];
  const out: string[] = [];
  for (const w of folded.split(' ')) {
    if (!w || HONORIFICS.has(w)) continue;
    const canonical = NICKNAMES[w] ?? w;
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
});

/** The stable key of a name: its folded words in order. */
export const personNameKey = (name: string): string => personWords(name).join(' ');

/** Words that identify (initials do not). Used for the index and for "how much" two names share. */
export const significantWords = (words: readonly string[]): string[] => words.filter((w) => w.length > 1);

/**
 * One spelling for the ways a name is carried over from another alphabet: "Sergey"/"Sergei",
 * "Arkady"/"Arkadiy", "Mueller"/"Müller", "Aleksei"/"Alexey". Only differences transliteration
 * makes are folded, so "Maria" and "Mario", "Jane" and "John" stay apart.
 */
export const transliterationKey = remembered((word: string): string => {
  const w = word
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ks/g, 'x')
    .replace(/ck/g, 'k')
    .replace(/tch/g, 'ch')
    .replace(/([aou])e/g, '$1')
    .replace(/y/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
  // Final "-ei", "-ii" ("Sergei", "Arkadii") are one "i" in other systems.
  return w.length > 3 ? w.replace(/[ei]i$/, 'i') : w;
});

/** Two folded words of names that are one word written two ways. */
export const sameWord = (a: string, b: string): boolean =>
  a === b || (a.length > 2 && b.length > 2 && transliterationKey(a) === transliterationKey(b));

/** The words of a name an index looks events up by (transliteration-folded, initials left out). */
export const nameTokens = (name: string): string[] => [...new Set(significantWords(personWords(name)).map(transliterationKey))];

/**
 * The names that identify a person: the full ones (two identifying words or more) when there are
 * any, since a bare surname an outlet used ("Zhang") fits anyone of that name.
 */
export function identityNames(names: readonly string[]): string[] {
  const full = names.filter((n) => significantWords(personWords(n)).length >= 2);
  return full.length ? full : [...names];
}

/** How strongly two names denote one person. */
export const NameMatch = {
  None: 0,
  /** One side is a single word found in the other: a surname-only mention ("Niccol"). */
  Surname: 1,
  /** Every word of the shorter name is in the longer ("Rory Read" ~ "Rory P. Read" ~ "Read, Rory"). */
  Contained: 2,
  /** The same words. */
  Same: 3,
} as const;
export type NameMatch = (typeof NameMatch)[keyof typeof NameMatch];

// A word of the shorter name is covered by the longer one when it is one of its words, a single
// initial of one of them ("J. Allen Brack"), or the initials of a run of them ("MJ" for
// "Michelle Johnston").
function covered(word: string, big: readonly string[]): boolean {
  if (big.some((b) => sameWord(word, b))) return true;
  if (word.length === 1) return big.some((b) => b.startsWith(word));
  // Only vowel-less runs are read as initials, so short surnames (Xu, Ma, Wu) stay surnames.
  if (word.length <= 3 && !/[aeiouy]/.test(word)) {
    for (let i = 0; i + word.length <= big.length; i++) {
      let initials = '';
      for (let j = i; j < i + word.length; j++) initials += big[j]?.[0] ?? '';
      if (initials === word) return true;
    }
  }
  return false;
}

// Father and son ("Stewart Bainum Sr." and "Stewart Bainum Jr."): two people.
const GENERATION = /\b(jr|sr|ii|iii|iv)\b\.?/i;
const generationOf = remembered((name: string): string => GENERATION.exec(foldLatin(name))?.[1]?.toLowerCase() ?? '');

export function compareNameWords(a: readonly string[], b: readonly string[]): NameMatch {
  const sa = significantWords(a);
  const sb = significantWords(b);
  if (sa.length === 0 || sb.length === 0) return NameMatch.None;
  if (sa.length === sb.length && sa.every((w) => sb.some((x) => sameWord(w, x))) && sb.every((w) => sa.some((x) => sameWord(w, x)))) {
    return NameMatch.Same;
  }
  const [small, big] = sa.length <= sb.length ? [a, b] : [b, a];
  const smallSig = sa.length <= sb.length ? sa : sb;
  if (!small.every((w) => covered(w, big))) return NameMatch.None;
  return smallSig.length >= 2 ? NameMatch.Contained : NameMatch.Surname;
}

/** Two names that say which generation, and not the same one. */
export function generationsDiffer(a: string, b: string): boolean {
  const ga = generationOf(a);
  const gb = generationOf(b);
  return ga !== '' && gb !== '' && ga !== gb;
}

export function compareNames(a: string, b: string): NameMatch {
  return generationsDiffer(a, b) ? NameMatch.None : compareNameWords(personWords(a), personWords(b));
}

/** The best match between any name of one side and any name of the other. */
export function bestNameMatch(as: readonly string[], bs: readonly string[]): NameMatch {
  let best: NameMatch = NameMatch.None;
  for (const a of as) {
    const wa = personWords(a);
    for (const b of bs) {
      if (generationsDiffer(a, b)) continue;
      const m = compareNameWords(wa, personWords(b));
      if (m > best) best = m;
      if (best === NameMatch.Same) return best;
    }
  }
  return best;
}

/** The name to show: the one with the most identifying words, the first such on a tie. */
export function fullestName(names: readonly string[]): string {
  let best = names[0] ?? '';
  let bestLen = significantWords(personWords(best)).length;
  for (const n of names.slice(1)) {
    const len = significantWords(personWords(n)).length;
    if (len > bestLen) {
      best = n;
      bestLen = len;
    }
  }
  return best;
}
