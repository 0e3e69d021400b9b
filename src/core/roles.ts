import type { RoleCategory } from './change.js';

// The same rules the reference scorer (../shared/eval/score.mjs) uses, so that a category the
// extractor assigns is the category the scorer will compare.
const ROLE_RULES: ReadonlyArray<readonly [RoleCategory, RegExp]> = [
  ['CEO', /\b(ceo|chief executive|executive chief)/],
  ['CFO', /\b(cfo|chief financial|financ\w* chief)/],
  ['COO', /\b(coo|chief operating|operati\w* chief)/],
  ['CTO', /\b(cto|chief technology|chief technical|tech\w* chief)/],
  ['CISO', /\b(ciso|chief information security|chief security|security chief)/],
  ['CIO', /\b(cio|chief information officer)/],
  ['CMO', /\b(cmo|chief marketing|marketing chief)/],
  ['CPO', /\b(cpo|chief product|product chief)/],
  ['General counsel', /\b(general counsel|chief legal|legal chief|clo)\b/],
  ['VP', /\b(vice[- ]president|vp|svp|evp)\b/],
  ['President', /\bpresident\b/],
  ['Chair', /\bchair/],
  ['Board', /\b(board|non-?executive director|independent director)\b|^director$/],
  ['Founder', /\bfounder/],
  ['Head', /\b(head|leader|lead|chief of|managing director|director|general manager|gm)\b/],
];

/** Every category a role title falls in ("chairman and CEO" is both Chair and CEO). */
export function roleCategories(title: string | null | undefined): Set<RoleCategory> {
  const r = String(title ?? '').toLowerCase().replace(/vice[- ]president/g, ' vp ');
  const cats = new Set<RoleCategory>();
  for (const [cat, re] of ROLE_RULES) {
    if (cat === 'President' && /\bvp\b/.test(r) && !/\bpresident\b/.test(r)) continue;
    if (re.test(r)) cats.add(cat);
  }
  const hasChiefOfficer = [...cats].some((c) => /^C[A-Z]+$/.test(c) || c === 'General counsel');
  if (/\bchief\b/.test(r) && !hasChiefOfficer) cats.add('Chief-other');
  if (cats.size === 0) cats.add('Other');
  return cats;
}

/** The one category a change is filed under: the first, most senior, match. */
export function primaryRoleCategory(title: string | null | undefined): RoleCategory {
  const [first] = roleCategories(title);
  return first ?? 'Other';
}
