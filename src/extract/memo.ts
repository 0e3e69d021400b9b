// The same titles and names are classified many times while one item is read (every pair of
// candidate changes is compared): the answers are kept, in a bounded table.
import type { RoleCategory } from '../core/change.js';
import { personKey as computePersonKey } from '../core/names.js';
import { primaryRoleCategory as computePrimary, roleCategories as computeCategories } from '../core/roles.js';

const LIMIT = 5000;

function memo<T>(compute: (key: string) => T): (key: string | null | undefined) => T {
  const table = new Map<string, T>();
  return (key) => {
    const k = key ?? '';
    let v = table.get(k);
    if (v === undefined) {
      if (table.size >= LIMIT) table.clear();
      v = compute(k);
      table.set(k, v);
    }
    return v;
  };
}

/** Role categories of a title (read only: the set is shared). */
export const roleCategories: (title: string | null | undefined) => ReadonlySet<RoleCategory> = memo(computeCategories);
export const primaryRoleCategory = memo(computePrimary);
export const personKey = memo(computePersonKey);
