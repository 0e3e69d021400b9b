import type { RoleCategory } from '../change.js';
import { roleCategories } from '../roles.js';
import { foldLatin, remembered } from './fold.js';
import { orgWords } from './organizations.js';

// The role is evidence of which post a report is about, not a key: outlets name one post in
// several ways ("head of advertising", "chairman of global advertising"; "CEO", "head of AMD"),
// and extractors misread titles ("chairman" for a new CEO described as a former chairman).

// Outlets name the person who runs an organisation or a unit in several ways: "head of the
// cloud unit", "president", "CEO" of that unit. Those are one post for merging. A unit's chair
// ("chairman of Disney Media and Entertainment Distribution") is its head too; a company's chair
// is not its chief executive.
const TOP_POST: ReadonlySet<RoleCategory> = new Set(['CEO', 'President', 'Head']);
const UNIT_TOP_POST: ReadonlySet<RoleCategory> = new Set(['CEO', 'President', 'Head', 'Chair']);
const EXECUTIVE: ReadonlySet<RoleCategory> = new Set([
  'CEO', 'President', 'Chair', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'CPO', 'CISO', 'Chief-other', 'General counsel', 'VP', 'Head', 'Founder',
]);

/**
 * The categories a title stands for when merging. "Chairman of the board" is the chair, not a
 * board seat: a separate board seat ("leaves the board") stays its own change, as GUIDE.md says.
 * "Parks chief", "cloud boss": a chief of something is its head.
 */
export function mergeCategories(title: string): RoleCategory[] {
  const cats = roleCategories(title);
  // "Independent director", "chairman of the board of directors": the board, not the head of anything.
  if ((cats.has('Board') || cats.has('Chair')) && cats.has('Head') && !/\b(?:head|leader|lead|chief of|managing director|general manager|gm)\b/i.test(title)) cats.delete('Head');
  if (cats.has('Chair')) cats.delete('Board');
  if (/\b(?:chief|boss)\s*$/i.test(title) && (cats.has('Chief-other') || cats.has('Other'))) {
    cats.delete('Chief-other');
    cats.delete('Other');
    cats.add('Head');
  }
  return [...cats];
}

/** Whether two role titles (as categories) can be the same post; `unit`: the post is in a unit. */
export function rolesCompatible(a: readonly RoleCategory[], b: readonly RoleCategory[], unit = false): boolean {
  if (a.some((c) => c !== 'Other' && b.includes(c))) return true;
  const top = unit ? UNIT_TOP_POST : TOP_POST;
  return a.some((c) => top.has(c)) && b.some((c) => top.has(c));
}

/** A post as a title describes it: its categories and the area it names ("advertising" in "head of global advertising"). */
export interface Post {
  title: string;
  categories: RoleCategory[];
  /** Words of the area the title names beyond the organisation; empty when it names none. */
  domain: string[];
}

// Words of a title that say what kind of post, or nothing about which area.
const NOT_DOMAIN: ReadonlySet<string> = new Set([
  'the', 'its', 'a', 'an', 'and', 'of', 'for', 'at', 'in', 'on', 'to', 'over', 'with', 'as', 'new', 'newly', 'formed',
  'global', 'worldwide', 'group', 'company', 'business', 'businesses', 'unit', 'division', 'arm', 'segment', 'team',
  'operations', 'board', 'directors', 'director', 'supervisory', 'management', 'committee', 'executive', 'executives',
  'chief', 'officer', 'head', 'leader', 'lead', 'boss', 'president', 'vice', 'senior', 'chair', 'chairman', 'chairwoman',
  'chairperson', 'co', 'sole', 'acting', 'interim', 'permanent', 'deputy', 'general', 'manager', 'managing', 'member',
  'non', 'independent', 'ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'cpo', 'vp', 'svp', 'evp', 'transition', 'period',
]);
const HEAD_NOUN = /^(?:chief|head|boss|leader|lead|chair|chairman|president)$/;

const postOf = remembered((key: string): Post => {
  const [title = '', ...organization] = key.split('\u0000');
  return readPost(title, organization);
});

/** The post a title describes at an organisation (whose own words are not an area). */
export const describePost = (title: string, organization: readonly string[] = []): Post => postOf([title, ...organization].join('\u0000'));

function readPost(title: string, organization: readonly string[]): Post {
  const words = foldLatin(title).replace(/['\u2019]s\b/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  const of = words.findIndex((w) => w === 'of' || w === 'for' || w === 'over');
  // "head of global advertising", else "advertising chief" / "cloud boss".
  let area: string[] = [];
  if (of >= 0) area = words.slice(of + 1);
  else if (words.length > 1 && HEAD_NOUN.test(words[words.length - 1] as string)) area = words.slice(0, -1);
  const own = new Set(organization.flatMap((o) => orgWords(o)));
  const domain = [...new Set(area.filter((w) => !NOT_DOMAIN.has(w) && !own.has(w) && !/^\d+$/.test(w)))];
  return { title, categories: mergeCategories(title), domain };
}

/**
 * same: one post in other words; close: the top post of the organisation under another name
 * ("CEO" / "head of AMD"); weak: different titles that may still be a misreading of one post
 * (a chair and a CEO post); separate: posts that cannot be one (a board seat and an executive
 * post, two different areas).
 */
export type PostRelation = 'same' | 'close' | 'weak' | 'separate';

/** A seat on a board and no executive post. */
export const isBoardSeat = (p: Post): boolean => p.categories.includes('Board') && !p.categories.some((c) => EXECUTIVE.has(c));

export function relatePosts(a: Post, b: Post, unit = false): PostRelation {
  if (a.domain.length && b.domain.length) return a.domain.some((w) => b.domain.includes(w)) ? 'same' : 'separate';
  if (isBoardSeat(a) !== isBoardSeat(b)) return 'separate';
  const shared = a.categories.filter((c) => c !== 'Other' && b.categories.includes(c));
  // "Chief-other" covers many posts (chief scientist, chief revenue officer): the same words or nothing.
  if (shared.some((c) => c !== 'Chief-other')) return 'same';
  if (shared.length) return foldLatin(a.title) === foldLatin(b.title) ? 'same' : 'weak';
  // A post in an area ("head of the AI research team") is not the organisation's top post.
  if (a.domain.length || b.domain.length) return 'weak';
  return rolesCompatible(a.categories, b.categories, unit) ? 'close' : 'weak';
}

const normalise = (s: string): string => foldLatin(s).replace(/\s+/g, ' ').trim();
const JOINER = /^\s*(?:,|&|\/|and\b|plus\b)\s*(?:(?:the|its|also)\s+)?/;

/**
 * Where a text gives two titles as one phrase ("executive chair and CTO", "chairman and chief
 * executive of Starbucks"): then two changes an extractor made of them are one post. Returns the
 * folded text after each such phrase (to tell whose post it is: "chairman and CEO of the cloud
 * unit" is another post), none when the titles are not joined.
 */
export function titlesInOnePhrase(text: string, a: string, b: string): string[] {
  const t = normalise(text);
  const [x, y] = [normalise(a), normalise(b)];
  if (x.length < 2 || y.length < 2) return [];
  const after: string[] = [];
  const follows = (first: string, second: string): void => {
    for (let at = t.indexOf(first); at >= 0; at = t.indexOf(first, at + 1)) {
      const start = at + first.length;
      const rest = t.slice(start, start + second.length + 16);
      const joiner = JOINER.exec(rest);
      if (joiner && joiner[0].length > 0 && rest.slice(joiner[0].length).startsWith(second)) {
        const end = start + joiner[0].length + second.length;
        after.push(t.slice(end, end + 80));
      }
    }
  };
  follows(x, y);
  follows(y, x);
  return after;
}
