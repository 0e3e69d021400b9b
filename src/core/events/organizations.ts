import { LEGAL_SUFFIXES, nameWords } from '../names.js';

/** The words of an organisation's name without legal suffixes ("The Walt Disney Company" → walt disney). */
export const orgWords = (name: string): string[] =>
  nameWords(name.replace(/['\u2019`](?!s\b)/g, ''), LEGAL_SUFFIXES);

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

export interface OrgRef {
  names: readonly string[];
  parent: string | null;
}

export type OrgRelation = 'same' | 'unit' | 'none';

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

// "Intel" against "Intel Products": the longer name starts with the whole shorter one, which is
// a single word, and goes on with words that name a part rather than describe the business.
function looksLikeUnit(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || long.length <= 1 || long[0] !== short[0]) return false;
  return long.slice(1).some((w) => !DESCRIPTORS.has(w));
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
      if (isAcronym(wa, wb) || isAcronym(wb, wa)) {
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
      }
    }
  }
  if (sawSame) return 'same';
  return sawHeuristicUnit ? 'unit' : 'none';
}
