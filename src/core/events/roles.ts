import type { RoleCategory } from '../change.js';
import { roleCategories } from '../roles.js';

// Outlets name the person who runs an organisation or a unit in several ways: "head of the
// cloud unit", "president", "CEO" of that unit. Those are one post for merging. A unit's chair
// ("chairman of Disney Media and Entertainment Distribution") is its head too; a company's chair
// is not its chief executive.
const TOP_POST: ReadonlySet<RoleCategory> = new Set(['CEO', 'President', 'Head']);
const UNIT_TOP_POST: ReadonlySet<RoleCategory> = new Set(['CEO', 'President', 'Head', 'Chair']);

/**
 * The categories a title stands for when merging. "Chairman of the board" is the chair, not a
 * board seat: a separate board seat ("leaves the board") stays its own change, as GUIDE.md says.
 * "Parks chief", "media distribution chief": a chief of something is its head.
 */
export function mergeCategories(title: string): RoleCategory[] {
  const cats = roleCategories(title);
  if (cats.has('Chair')) cats.delete('Board');
  if (/\bchief\s*$/i.test(title) && cats.has('Chief-other')) {
    cats.delete('Chief-other');
    cats.add('Head');
  }
  return [...cats];
}

/** Whether two role titles (as categories) can be the same post; `unit`: the post is in a unit. */
export function rolesCompatible(a: readonly RoleCategory[], b: readonly RoleCategory[], unit = false): boolean {
  if (a.some((c) => b.includes(c))) return true;
  const top = unit ? UNIT_TOP_POST : TOP_POST;
  return a.some((c) => top.has(c)) && b.some((c) => top.has(c));
}
