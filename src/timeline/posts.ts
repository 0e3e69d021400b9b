import type { RoleCategory } from '../core/change.js';
import { roleCategories } from '../core/roles.js';

/** A post at an organisation: one row of a timeline (more when holders overlap). */
export interface Post {
  /** Stable identity within one organisation: the category, plus the title for shared posts. */
  key: string;
  /** What the row is called: "CEO", "Chair", or the title for shared posts ("Head of AI"). */
  label: string;
  category: RoleCategory;
  /** One holder at a time: a newcomer ends the previous holder's term. */
  single: boolean;
}

// Posts an organisation has one of at a time, most senior first; their label is the category.
const SINGLE_POSTS: readonly RoleCategory[] = [
  'CEO', 'Chair', 'President', 'CFO', 'COO', 'CTO', 'CIO', 'CISO', 'CMO', 'CPO', 'General counsel',
];
// Posts several people hold at once, in the order their rows follow the single posts.
const SHARED_POSTS: readonly RoleCategory[] = ['Chief-other', 'Founder', 'Board', 'VP', 'Head', 'Other'];

const RANK: ReadonlyMap<RoleCategory, number> = new Map(
  [...SINGLE_POSTS, ...SHARED_POSTS].map((c, i) => [c, i] as const),
);

/** Seniority order of a category (lower is more senior). */
export const postRank = (category: RoleCategory): number => RANK.get(category) ?? RANK.size;

// "Interim chief of staff" and "chief of staff" are one post; the holder is marked interim.
function foldTitle(title: string): string {
  return title.toLowerCase().replace(/\b(interim|acting)\b/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function titleLabel(title: string): string {
  const t = title.replace(/\b(interim|acting)\s+/gi, '').replace(/\s+/g, ' ').trim() || title.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * The posts a role title stands for. "Chairman and CEO" is two posts (chair and CEO); "President
 * and CEO" is the CEO post, as is "co-founder and CEO", so that such titles do not add rows that
 * only repeat the CEO's. Board seats are one "Board" row; other shared posts are told apart by
 * their title.
 */
export function postsOf(title: string, categories: readonly RoleCategory[]): Post[] {
  const cats = new Set(categories.length ? categories : roleCategories(title));
  if (cats.has('CEO')) cats.delete('President');
  if (cats.has('Chair')) cats.delete('Board');
  const singles = SINGLE_POSTS.filter((c) => cats.has(c));
  if (singles.length) return singles.map((c) => ({ key: c, label: c, category: c, single: true }));
  const shared = SHARED_POSTS.find((c) => cats.has(c)) ?? 'Other';
  if (shared === 'Board') return [{ key: 'Board', label: 'Board', category: 'Board', single: false }];
  return [{ key: `${shared}:${foldTitle(title)}`, label: titleLabel(title), category: shared, single: false }];
}
