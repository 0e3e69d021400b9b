import { LEGAL_SUFFIXES, nameWords, sameName } from '../core/names.js';

// The registrant's name: from the cover page ("… (Exact name of registrant as specified in its
// charter)"), from EDGAR's conformed name, and from the definitions the text itself makes
// ("Nuance Communications, Inc. (the “Company”)"), which a filing then uses instead of the name.

const EXACT_NAME = /exact name of (?:the )?registrants?\b/i;
const RULE_LINE = /^[\s\-_=*.]*$/;

/** The first registrant's name on the cover page, or null. */
export function coverPageName(lines: readonly string[]): string | null {
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const line = lines[i] ?? '';
    const at = line.search(EXACT_NAME);
    if (at === -1) continue;
    // What stands before "(Exact name …", without the parenthesis and the spaces around it.
    const lead = line.slice(0, at).trimEnd();
    const before = (lead.endsWith('(') ? lead.slice(0, -1) : lead).trim();
    if (before && !RULE_LINE.test(before)) return cleanName(before);
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      const prev = (lines[j] ?? '').trim();
      if (!prev || RULE_LINE.test(prev)) continue;
      if (/date of report|earliest event|^\(?commission|^\d{1,2},? \d{4}$/i.test(prev)) return null;
      return cleanName(prev);
    }
    return null;
  }
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The cover page's "Date of Report (Date of earliest event reported): March 2, 2026", as an ISO date. */
export function coverReportDate(lines: readonly string[]): string | null {
  const limit = Math.min(lines.length, 200);
  for (let i = 0; i < limit; i++) {
    if (!/date of report|earliest event reported/i.test(lines[i] ?? '')) continue;
    const text = `${lines[i]} ${lines[i + 1] ?? ''} ${lines[i - 1] ?? ''}`;
    const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(text);
    if (m) return `${m[3]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return null;
}

/** EDGAR's state and slash suffixes dropped: "WALT DISNEY CO/" -> "WALT DISNEY CO". */
export function cleanName(name: string): string {
  let s = name.trimEnd();
  const state = /\/[A-Z]{2,3}\/?$/.exec(s);
  if (state) s = s.slice(0, state.index).trimEnd();
  if (s.endsWith('/')) s = s.slice(0, -1);
  return s.replace(/\s+/g, ' ').trim();
}

const isAllCaps = (s: string): boolean => /[A-Z]/.test(s) && !/[a-z]/.test(s);

/** Name words that identify a company ("nvidia"; legal forms such as "corporation" dropped). */
const companyWords = (name: string): string[] => nameWords(name, LEGAL_SUFFIXES);

/** Whether two spellings name one company ("WALT DISNEY CO" ~ "The Walt Disney Company"). */
export function sameCompany(a: string, b: string): boolean {
  return sameName(a, b, LEGAL_SUFFIXES) || (companyWords(a).join('') === companyWords(b).join('') && companyWords(a).length > 0);
}

export interface Definition {
  name: string;
  /** The defined terms ("Company", "Firm", "JPMorganChase"). */
  terms: string[];
}

// `NAME (the “Company”)`, `NAME ("Company")`, `NAME (“JPMorganChase” or the “Firm”)`.
const DEFINITION = /\((?:together with its (?:consolidated )?subsidiaries,?\s*)?(?:collectively,?\s*)?(?:the\s+)?[“"']([^”"'()]{1,40})[”"'](?:\s*(?:or|and)\s*(?:the\s+)?[“"']([^”"'()]{1,40})[”"'])?\s*\)/g;
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\p{N}.&'’-]*,?|&|of|and|de|du|la|le)$/u;
const ORG_FORM = /\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.?p|plc|n\.?a|bank|banking|bancorp|bancshares|holdings?|group|trust|partners|technologies|systems|industries|management|division|segment|services)\.?,?$/i;
const ORG_TERMS = /^(?:company|registrant|corporation|firm|bank|parent|issuer|partnership|trust)$/i;

// Capitalised words that open a sentence or a date rather than a name.
const NOT_NAME = /^(?:on|in|at|as|by|for|from|with|effective|upon|after|before|during|january|february|march|april|may|june|july|august|september|october|november|december|\d+,|\d{1,2})$/i;

/** The run of name words just before a definition's parenthesis. */
function nameBefore(text: string, at: number): string | null {
  const words = text.slice(Math.max(0, at - 200), at).trimEnd().split(/\s+/);
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0 && run.length < 12; i--) {
    const w = words[i] ?? '';
    if (!NAME_WORD.test(w) || NOT_NAME.test(w)) break;
    run.unshift(w);
  }
  while (run.length && /^(?:of|and|&|de|du|la|le)$/.test(run[0]!)) run.shift();
  const name = run.join(' ').replace(/,$/, '');
  return name || null;
}

/**
 * The organisations the text defines short terms for. A definition counts when its term is an
 * organisation's (Company, Registrant, Firm …) or its name looks like a company's, or it names
 * the registrant (`known`).
 */
export function findDefinitions(text: string, known: string | null): Definition[] {
  const out: Definition[] = [];
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
    const terms = [m[1], m[2]].filter((t): t is string => Boolean(t)).map((t) => t.trim());
    const run = nameBefore(text, m.index);
    if (!run) continue;
    const name = organisationIn(run, known);
    const org = terms.some((t) => ORG_TERMS.test(t)) || ORG_FORM.test(name) || (known !== null && sameCompany(name, known));
    if (!org || terms.some((t) => /date|agreement|plan|committee|board|award|policy|notes?/i.test(t))) continue;
    const existing = out.find((d) => d.name === name);
    if (existing) existing.terms.push(...terms.filter((t) => !existing.terms.includes(t)));
    else out.push({ name, terms });
  }
  return out;
}

/**
 * The organisation at the end of a run of capitalised words: "Board of Directors of Nuance
 * Communications, Inc." and "Gibbs, Senior Vice President … of Tyson Foods, Inc." end in the
 * company. With the registrant's name known, the shortest ending that holds all its words.
 */
function organisationIn(run: string, known: string | null): string {
  const words = run.split(/\s+/);
  const wanted = known ? companyWords(known) : [];
  const starts = words.map((_, i) => i).filter((i) => i === 0 || /^(?:of|and|&)$/.test(words[i - 1] ?? '') || /,$/.test(words[i - 1] ?? ''));
  let unit: string | null = null;
  for (const i of starts.reverse()) {
    const tail = words.slice(i).join(' ');
    if (!/^[\p{Lu}\d]/u.test(tail)) continue;
    if (wanted.length && wanted.every((w) => companyWords(tail).includes(w))) return tail;
    // "CEO of Consumer & Community Banking": what follows a title's "of" is the organisation.
    if (!unit && words[i - 1] === 'of' && ORG_FORM.test(tail)) unit = tail;
  }
  return unit ?? run;
}

/**
 * The name alerts should carry: the registrant's own spelling in the text when it uses one
 * ("NVIDIA Corporation" rather than the cover's "NVIDIA CORPORATION"), else the cover page's,
 * else EDGAR's conformed name without its suffixes.
 */
export function displayName(candidates: { definitions: readonly Definition[]; cover: string | null; conformed: string | null; text: string }): string | null {
  const { definitions, cover, conformed } = candidates;
  const registrant = cover ?? (conformed ? cleanName(conformed) : null);
  const defined = definitions.find((d) => d.terms.some((t) => ORG_TERMS.test(t)) && (!registrant || sameCompany(d.name, registrant)))
    ?? (registrant ? definitions.find((d) => sameCompany(d.name, registrant)) : undefined);
  if (defined) return defined.name;
  if (registrant && isAllCaps(registrant)) {
    const spelled = mixedCaseSpelling(candidates.text, registrant);
    if (spelled) return spelled;
  }
  return registrant;
}

/** The registrant's name as the text writes it in mixed case ("NVIDIA Corporation"), if it does. */
function mixedCaseSpelling(text: string, upper: string): string | null {
  const words = upper.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 8) return null;
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const re = new RegExp(`\\b${pattern}(?![\\w])`, 'gi');
  for (const m of text.matchAll(re)) if (!isAllCaps(m[0])) return m[0].replace(/\s+/g, ' ');
  return null;
}
