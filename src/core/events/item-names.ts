import { compareNameWords, NameMatch, personNameKey, personWords, significantWords } from './person-names.js';

// Outlets name a person in full once and then by surname ("Mr Garman", "Niccol"); extractors
// often report the short form. The item's own full names say who it is.

// Capitalised words that start or sit in a run of capitals without being part of a name.
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'of', 'in', 'on', 'at', 'as', 'to', 'for', 'by', 'with', 'from', 'after', 'before',
  'chief', 'executive', 'officer', 'president', 'chairman', 'chairwoman', 'chair', 'director', 'founder',
  'co', 'vice', 'senior', 'head', 'ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'svp', 'evp', 'vp', 'board',
  'interim', 'acting', 'new', 'former', 'group', 'inc', 'corp', 'ltd', 'plc', 'company', 'bank', 'says', 'said',
  'names', 'named', 'appoints', 'appointed', 'appointment', 'taps', 'hires', 'picks', 'promotes', 'elects', 'announces',
  'steps', 'down', 'resigns', 'retires', 'quits', 'joins', 'leaves', 'replaces', 'succeeds', 'becomes', 'takes', 'exits',
  'ousts', 'fires', 'adds', 'makes', 'is', 'are', 'was', 'will', 'who', 'why', 'what', 'how',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
// Lower-case words inside names: "Ursula von der Leyen", "Mohammed bin Salman".
const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'van', 'von', 'der', 'den', 'del', 'la', 'le', 'bin', 'al', 'dos', 'du']);
const MAX_WORDS = 4;

const OPENING = new Set(['(', '"', "'", '\u201c', '\u2018']);
const CLOSING = new Set([')', '"', "'", '\u201d', '\u2019', ',', ';', ':', '!', '?']);
const STOPS = new Set([...CLOSING, '.']);

// Punctuation off the ends of a token, by a loop (a pattern anchored at the end would retry at
// every position of a long token).
function trimmed(token: string, start: ReadonlySet<string>, end: ReadonlySet<string>): string {
  let a = 0;
  let b = token.length;
  while (a < b && start.has(token[a] as string)) a++;
  while (b > a && end.has(token[b - 1] as string)) b--;
  return token.slice(a, b);
}

// A word that can be part of a name: "Garman", "Jae-yong", "O'Neal", "J.", "MJ" (two capitals at
// most, so that "CEO" or a shouted headline is not read as a name).
function nameLike(token: string): boolean {
  const word = trimmed(token, OPENING, CLOSING);
  if (!/^\p{Lu}/u.test(word)) return false;
  if (NOT_NAME_WORDS.has(trimmed(word.toLowerCase(), new Set(), STOPS))) return false;
  if (/^\p{Lu}\.?$/u.test(word)) return true;
  if (/^\p{Lu}{2}$/u.test(word)) return true;
  return /\p{Ll}/u.test(word);
}

/**
 * The full names an item writes: runs of two to four capitalised words (particles allowed inside),
 * one entry per person (a name contained in a longer one is the same person). A tokeniser, not a
 * regular expression: linear in the text whatever it holds.
 */
export function fullNamesIn(text: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length && PARTICLES.has(run[run.length - 1] as string)) run.pop();
    if (run.length >= 2 && run.length <= MAX_WORDS) {
      const name = trimmed(run.join(' '), new Set(), STOPS).replace(/['\u2019]s$/, '');
      if (significantWords(personWords(name)).length >= 2) names.push(name);
    }
    run = [];
  };
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (run.length && PARTICLES.has(token)) {
      run.push(token);
      continue;
    }
    if (nameLike(token)) {
      run.push(trimmed(token, OPENING, new Set()));
      // A name ends at punctuation after it, a full stop after a word (not an initial: "J."),
      // or a possessive ("Garman's").
      if (/[,;:!?)"\u201d]$|['\u2019]s$|\p{L}{2}\.$/u.test(token)) flush();
    } else flush();
  }
  flush();
  return dedupePeople(names);
}

function dedupePeople(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const w = personWords(n);
    const i = out.findIndex((o) => compareNameWords(personWords(o), w) >= NameMatch.Contained);
    if (i < 0) out.push(n);
    else if (significantWords(w).length > significantWords(personWords(out[i] as string)).length) out[i] = n;
  }
  return out;
}

export interface Resolution {
  /** The full name the item gives for a surname-only mention, when exactly one fits. */
  full: string | null;
  /** Full names in the item that fit the mention: two or more means it is ambiguous there. */
  fits: string[];
}

/**
 * Who a short mention ("Mr Garman", "Smith", "J. Smith") is in an item that writes full names:
 * the one full name that contains it. A mention that is already a full name resolves to nothing.
 */
export function resolveShortName(name: string, fullNames: readonly string[]): Resolution {
  const words = personWords(name);
  if (significantWords(words).length !== 1) return { full: null, fits: [] };
  const fits = fullNames.filter((f) => compareNameWords(words, personWords(f)) === NameMatch.Surname);
  const people = [...new Set(fits.map(personNameKey))];
  return { full: people.length === 1 ? (fits[0] as string) : null, fits };
}
