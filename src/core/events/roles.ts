import type { RoleCategory } from '../change.js';
import { roleCategories } from '../roles.js';

// Outlets name the person who runs an organisation or a unit in several ways: "head of the
// cloud unit", "president", "CEO" of that unit. Those are one post for merging.
const TOP_POST: ReadonlySet<RoleCategory> = new Set(['CEO', 'President', 'Head']);

/**
 * The categories a title stands for when merging. "Chairman of the board" is the chair, not a
 * board seat: a separate board seat ("leaves the board") stays its own change, as GUIDE.md says.
 */
export function mergeCategories(title: string): RoleCategory[] {
  const cats = roleCategories(title);
  if (cats.has('Chair')) cats.delete('Board');
  return [...cats];
}

export function rolesCompatible(a: readonly RoleCategory[], b: readonly RoleCategory[]): boolean {
  if (a.some((c) => b.includes(c))) return true;
  if (a.some((c) => TOP_POST.has(c)) && b.some((c) => TOP_POST.has(c))) {
    // "Chairman and CEO" against "chairman" is decided by the shared Chair; against
    // "president" by the top post. A pure chair is never the top executive.
    return true;
  }
  return false;
}
