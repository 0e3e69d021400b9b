import { LEGAL_SUFFIXES, nameWords } from '../names.js';
import { foldLatin, remembered } from './fold.js';

// Words around a name that say which part or which moment, not which organisation:
// "the board of Alibaba Group", "its Blizzard Entertainment unit", "the new Cloud Intelligence Group".
const LEADING_NOISE: ReadonlySet<string> = new Set(['new', 'its', 'newly', 'former']);
const TRAILING_NOISE: ReadonlySet<string> = new Set(['unit', 'units', 'studio', 'studios', 'division', 'business', 'arm', 'segment', 'subsidiary']);

// Legal forms beyond the shared list, as they end company names abroad ("Yandex N.V.", "Eni S.p.A.").
const MORE_SUFFIXES: ReadonlySet<string> = new Set(['bv', 'spa', 'kk', 'ab', 'asa', 'oyj', 'pte', 'pty', 'llp', 'lp', 'sas', 'srl', 'kgaa', 'nv', 'sa']);

/** The words of an organisation's name without legal suffixes ("The Walt Disney Company" → walt disney). */
export const orgWords: (name: string) => readonly string[] = remembered((name: string): string[] => {
  // "N.V.", "S.p.A.": letters with full stops are one word.
  const joined = foldLatin(name).replace(/\b(?:[a-z]\.){2,4}/g, (m) => `${m.replace(/\./g, '')} `);
  const words = nameWords(joined.replace(/['\u2019`](?!s\b)/g, ''), LEGAL_SUFFIXES).filter((w, i, all) => i === 0 || i < all.length - 1 || !MORE_SUFFIXES.has(w));
  let start = 0;
  let end = words.length;
  for (;;) {
    if (words[start] === 'board' && words[start + 1] === 'of' && end - start > 2) start += 2;
    else if (LEADING_NOISE.has(words[start] ?? '') && end - start > 1) start += 1;
    else break;
  }
  while (end - start > 1 && TRAILING_NOISE.has(words[end - 1] ?? '')) end -= 1;
  return words.slice(start, end);
});

export const orgKey = (name: string): string => orgWords(name).join(' ');

// Words that describe what a company does rather than name a part of it: "Blizzard
// Entertainment" is Blizzard, while "Intel Products" or "Alibaba Cloud" is a unit of the parent.
const DESCRIPTORS: ReadonlySet<string> = new Set([
  'com', 'entertainment', 'technologies', 'technology', 'tech', 'systems', 'software', 'networks',
  'network', 'communications', 'semiconductor', 'semiconductors', 'electronics', 'motors', 'motor',
  'platforms', 'international', 'industries', 'enterprises', 'devices', 'computer', 'computers',
  'interactive', 'pharmaceuticals', 'labs', 'inc', 'global', 'worldwide', 'digital', 'online',
  'media', 'ventures', 'partners', 'capital', 'bank', 'financial', 'games', 'studios', 'corp',
]);

/** Parent/unit relations learned from reports that name both ("Alibaba Cloud", parent Alibaba). */
export interface UnitBook {
  /** Parent keys recorded for a unit key. */
  parentsOf(unitKey: string): readonly string[];
  /** Returns true when the pair was new. */
  learn(unitKey: string, parentKey: string): boolean;
  entries(): Array<[string, string]>;
}

export function createUnitBook(initial: Iterable<readonly [string, string]> = []): UnitBook {
  const parents = new Map<string, string[]>();
  const book: UnitBook = {
    parentsOf: (unitKey) => parents.get(unitKey) ?? [],
    learn(unitKey, parentKey) {
      if (!unitKey || !parentKey || unitKey === parentKey) return false;
      const list = parents.get(unitKey) ?? [];
      if (list.includes(parentKey)) return false;
      list.push(parentKey);
      parents.set(unitKey, list);
      return true;
    },
    entries: () => [...parents].flatMap(([u, ps]) => ps.map((p): [string, string] => [u, p])),
  };
  for (const [u, p] of initial) book.learn(u, p);
  return book;
}

// What a misread "parent" can be that names no organisation ("the board of Alibaba Group").
const NOT_AN_ORGANIZATION: ReadonlySet<string> = new Set([
  'board', 'directors', 'company', 'firm', 'group', 'unit', 'business', 'division', 'studio', 'team',
  'management', 'committee', 'office', 'executive', 'executives', 'parent', 'its', 'their', 'his', 'her',
]);

/**
 * The parent a report gives, unless it is no parent at all: the organisation itself ("Alibaba
 * Group", parent "Alibaba") or the same company with a descriptor ("Blizzard Entertainment",
 * parent "Blizzard").
 */
export function cleanParent(name: string, parent: string | null): string | null {
  if (!parent) return null;
  const nw = orgWords(name);
  const pw = orgWords(parent);
  if (pw.length === 0 || nw.length === 0 || pw.every((w) => NOT_AN_ORGANIZATION.has(w))) return null;
  if (pw.join(' ') === nw.join(' ')) return null;
  if (pw.every((w) => nw.includes(w)) && nw.filter((w) => !pw.includes(w)).every((w) => DESCRIPTORS.has(w))) return null;
  return parent;
}

// Words before a unit's name that are not part of it: "a newly formed Intel Products group".
const UNIT_LEAD: ReadonlySet<string> = new Set(['the', 'its', 'a', 'an', 'new', 'newly', 'recently', 'formed', 'created', 'established']);
const UNIT_NOUN: ReadonlySet<string> = new Set(['unit', 'business', 'division', 'arm', 'segment', 'operations']);
const CONNECTOR: ReadonlySet<string> = new Set(['and', 'of', '&']);
const GOVERNANCE: ReadonlySet<string> = new Set(['board', 'supervisory', 'directors', 'trustees', 'management', 'executive', 'committee', 'council', 'advisory']);

const titleCase = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
const isLower = (token: string): boolean => /^[a-z][a-z&-]*$/.test(token);
const isCapitalised = (token: string): boolean => /^\p{Lu}/u.test(token);

interface TitleUnit {
  /** "cloud" in "head of the cloud unit", "cloud unit CEO". */
  generic: string | null;
  /** "Local Services Group" in "head of Local Services Group" (a proper name after "of"/"at"). */
  named: string | null;
}

// The unit a title names, read token by token (linear whatever the title holds).
function titleUnit(title: string): TitleUnit {
  const tokens = title.trim().split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((t) => /^(?:of|at)$/i.test(t));
  let phrase = at >= 0 ? tokens.slice(at + 1) : [];
  while (phrase.length && UNIT_LEAD.has((phrase[0] as string).toLowerCase())) phrase = phrase.slice(1);
  // "head of the cloud unit": lower-case words, then the word for a unit, at the end.
  const last = phrase.at(-1)?.replace(/(?<![.,;:])[.,;:]+$/, '') ?? '';
  if (phrase.length >= 2 && UNIT_NOUN.has(last) && phrase.slice(0, -1).every(isLower)) {
    return { generic: phrase.slice(0, -1).join(' '), named: null };
  }
  // "cloud unit CEO": lower-case words, a unit word, then the title.
  const noun = tokens.findIndex((t) => UNIT_NOUN.has(t) && t !== 'operations');
  if (noun > 0 && noun < tokens.length - 1 && tokens.slice(0, noun).every(isLower)) return { generic: tokens.slice(0, noun).join(' '), named: null };
  // A proper name: the run of capitalised words (connectors inside), "Starbucks" in "of Starbucks next month".
  const run: string[] = [];
  for (const t of phrase) {
    if (isCapitalised(t)) run.push(t);
    else if (run.length && CONNECTOR.has(t)) run.push(t);
    else break;
    if (/[,;:]$/.test(t)) break;
  }
  while (run.length && CONNECTOR.has(run[run.length - 1] as string)) run.pop();
  return { generic: null, named: run.length ? run.join(' ').replace(/(?<![.,;:])[.,;:]+$/, '') : null };
}

/**
 * The unit a role title names when the report gives only the parent as the organisation:
 * "head of cloud unit" at Alibaba is the post at Alibaba's cloud unit, "head of Local Services
 * Group" at Alibaba is at Local Services Group. Null when the title names no other unit.
 */
export function unitFromTitle(title: string, organization: string, parentOfOrganization: string | null = null): { name: string; parent: string } | null {
  const orgK = orgKey(organization);
  const { generic, named } = titleUnit(title);
  if (generic) {
    // "head of the cloud computing unit" at AWS, itself Amazon's unit: that unit, described.
    if (orgK.split(' ').includes(orgKey(generic)) || parentOfOrganization) return null;
    return { name: `${organization} ${titleCase(generic)}`, parent: organization };
  }
  if (named) {
    const k = orgKey(named);
    if (!k || k === orgK) return null;
    const pw = k.split(' ');
    const ow = orgK.split(' ');
    // "chief executive of Alibaba Group" at Alibaba, "co-head of its Blizzard Entertainment
    // studio" at Blizzard: the organisation itself.
    if (pw.every((w) => ow.includes(w)) || cleanParent(named, organization) === null) return null;
    // "chairman of Vivendi's supervisory board": the company's board, not a unit.
    if (pw.filter((w) => !ow.includes(w)).every((w) => GOVERNANCE.has(w))) return null;
    // "Alibaba Cloud Intelligence Group" for a report at Alibaba Cloud (itself a unit of
    // Alibaba): the unit's fuller name, not a unit of the unit.
    if (parentOfOrganization && ow.every((w) => pw.includes(w))) return { name: named, parent: parentOfOrganization };
    // "chief financial officer of Northwind Foods" at Northwind: the company's full name.
    if (ow.every((w) => pw.includes(w)) && !namesPartOf(pw, ow)) return null;
    return { name: named, parent: organization };
  }
  return null;
}

const UNIT_STOPWORDS: ReadonlySet<string> = new Set(['as', 'the', 'its', 'a', 'an', 'of', 'at', 'new', 'former', 'his', 'her', 'their']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The unit the evidence puts the role in when the role title lost it: "quits as cloud unit CEO"
 * with role "CEO" at Alibaba is the post at Alibaba's cloud unit. Only when every mention of the
 * title in the evidence carries the same unit, so "the cloud unit CEO becomes CEO of Alibaba"
 * stays undecided (null).
 */
export function unitFromEvidence(evidence: string, title: string, organization: string): { name: string; parent: string } | null {
  const t = title.trim();
  if (!t) return null;
  const mentions = [...evidence.matchAll(new RegExp(`\\b${escapeRegExp(t)}\\b`, 'gi'))];
  if (mentions.length === 0) return null;
  const units = new Set<string>();
  for (const m of mentions) {
    const before = evidence.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    const unit = /(?:^|\s)([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s(?:unit|business|division|arm|segment)(?:'s)?\s$/.exec(before)?.[1];
    if (!unit) return null;
    const words = unit.split(/\s/).filter((w) => !UNIT_STOPWORDS.has(w));
    if (words.length === 0) return null;
    units.add(words.join(' '));
  }
  if (units.size !== 1) return null;
  const [unit] = units as Set<string>;
  return unitFromTitle(`${unit} unit ${t}`, organization);
}

export interface OrgRef {
  names: readonly string[];
  parent: string | null;
}

/**
 * same: one organisation; unit: a unit and its parent (different posts); sibling: two units of
 * one parent under unrelated names ("Amazon Cloud" read from "the cloud unit", and "AWS"),
 * maybe one unit; none: unrelated as far as the names tell.
 */
export type OrgRelation = 'same' | 'unit' | 'sibling' | 'none';

const subset = (small: readonly string[], big: readonly string[]): boolean =>
  small.length > 0 && small.every((w) => big.includes(w));

function isAcronym(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const [word] = short;
  return word !== undefined && word.length === long.length && long.map((w) => w[0]).join('') === word;
}

function parentKeys(key: string, explicitParent: string | null, units: UnitBook): string[] {
  const keys = [...units.parentsOf(key)];
  if (explicitParent) keys.push(orgKey(explicitParent));
  return keys;
}

// Words that name a part of a company rather than the company itself: "Intel Products",
// "Alibaba Cloud", "Amazon Web Services", "AMD China". A longer name with other words is the same
// company written out ("Chipotle" / "Chipotle Mexican Grill", "Kestrel" / "Kestrel Robotics").
const UNIT_WORDS: ReadonlySet<string> = new Set([
  'cloud', 'products', 'product', 'services', 'service', 'web', 'devices', 'gaming', 'consumer', 'enterprise',
  'commercial', 'retail', 'wholesale', 'research', 'ads', 'advertising', 'payments', 'pay', 'logistics', 'studios',
  'studio', 'distribution', 'intelligence', 'local', 'commerce', 'ai', 'mobile', 'automotive', 'foundry',
  'foundries', 'europe', 'asia', 'americas', 'china', 'india', 'japan', 'uk', 'us', 'usa', 'emea', 'apac', 'latam',
  'north', 'america', 'africa', 'germany', 'france', 'reality', 'operations', 'division', 'unit', 'segment',
  'subsidiary', 'parks', 'experiences',
]);

/** A word that says what a company does rather than which part of it ("Entertainment", "Technologies"). */
export const isDescriptor = (word: string): boolean => DESCRIPTORS.has(word);

/** Whether `unit` names a part of `parent`: every word of the parent, and a word naming a part ("Alibaba Cloud" of Alibaba). */
export function namesPartOf(unit: readonly string[], parent: readonly string[]): boolean {
  return parent.length > 0 && parent.every((w) => unit.includes(w)) && unit.some((w) => !parent.includes(w) && UNIT_WORDS.has(w));
}

// "Intel" against "Intel Products": the longer name starts with the whole shorter one, which is
// a single word, and goes on with words that name a part.
function looksLikeUnit(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || long.length <= 1 || long[0] !== short[0]) return false;
  return long.slice(1).some((w) => UNIT_WORDS.has(w));
}

// "NBCU" and "NBCUniversal": one word, the start of another one-word name.
function isShortForm(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const [x, y] = [a[0] as string, b[0] as string];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.length > short.length && long.startsWith(short);
}

function strip(words: readonly string[], drop: readonly string[]): string[] {
  const rest = words.filter((w) => !drop.includes(w));
  return rest.length ? rest : [...words];
}

/**
 * Whether two mentions name the same organisation, a unit and its parent (different posts:
 * the CEO of Alibaba Cloud is not the CEO of Alibaba), or unrelated ones.
 */
export function relateOrganizations(a: OrgRef, b: OrgRef, units: UnitBook): OrgRelation {
  const aKeys = a.names.map(orgKey).filter(Boolean);
  const bKeys = b.names.map(orgKey).filter(Boolean);
  if (aKeys.some((k) => bKeys.includes(k))) return 'same';
  let sawSame = false;
  let sawHeuristicUnit = false;
  let sawSibling = false;
  for (const ka of aKeys) {
    const wa = ka.split(' ');
    const aParents = parentKeys(ka, a.parent, units);
    for (const kb of bKeys) {
      const wb = kb.split(' ');
      const bParents = parentKeys(kb, b.parent, units);
      if (aParents.includes(kb) || bParents.includes(ka)) return 'unit';
      if (subset(wa, wb) || subset(wb, wa)) {
        if (looksLikeUnit(wa, wb) || looksLikeUnit(wb, wa)) sawHeuristicUnit = true;
        else sawSame = true;
        continue;
      }
      if (isAcronym(wa, wb) || isAcronym(wb, wa) || isShortForm(wa, wb)) {
        sawSame = true;
        continue;
      }
      // Two units of one parent, named with and without it: "Alibaba Cloud" / "Cloud Intelligence".
      const shared = aParents.find((p) => bParents.includes(p));
      if (shared) {
        const pw = shared.split(' ');
        const ra = strip(wa, pw);
        const rb = strip(wb, pw);
        if (subset(ra, rb) || subset(rb, ra)) sawSame = true;
        else sawSibling = true;
      }
    }
  }
  if (sawSame) return 'same';
  if (sawHeuristicUnit) return 'unit';
  return sawSibling ? 'sibling' : 'none';
}
