import { ROLE_CATEGORIES, type RoleCategory } from '../core/change.js';
import { eventTokens, foldLatin, type ChangeEvent } from '../core/events/index.js';
import { roleCategories } from '../core/roles.js';

// The words an event is filtered and autocompleted by and its index rows, the same on both backends
// (SQLite's event-store.ts and Postgres's: `db copy` moves the rows and their index_rows as they are).

/** Folded like person names (case, accents, apostrophes), without nickname canonicalisation. */
export const plainWords = (s: string): string[] =>
  foldLatin(s)
    .replace(/['\u2019`]/g, '')
    .split(/[^a-z0-9\u4e00-\u9fff]+/)
    .filter(Boolean);
export const plainKey = (s: string): string => plainWords(s).join(' ');

export const organizationNames = (e: ChangeEvent): string[] =>
  [...e.organization.names, ...(e.organization.parent ? [e.organization.parent] : [])];

export function categoriesOf(role: string): RoleCategory[] {
  const exact = ROLE_CATEGORIES.find((c) => c.toLowerCase() === role.trim().toLowerCase());
  return exact ? [exact] : [...roleCategories(role)];
}

/** The index rows of an event (kept in events.index_rows, to remove them by key later). */
export interface IndexRows {
  tokens: string[];
  terms: Array<[string, string]>;
  names: Array<[string, string, string]>;
  /** Item ids already in event_sources. */
  sources: string[];
}

export function indexRowsOf(event: ChangeEvent): IndexRows {
  if (event.mergedInto) return { tokens: [], terms: [], names: [], sources: [] };
  const terms = new Map<string, [string, string]>();
  const names = new Map<string, [string, string, string]>();
  const add = (kind: 'p' | 'o', list: readonly string[]) => {
    for (const n of list) {
      const key = plainKey(n);
      if (!key) continue;
      if (!names.has(`${kind}:${key}`)) names.set(`${kind}:${key}`, [kind, key, n]);
      for (const w of key.split(' ')) terms.set(`${kind}:${w}`, [kind, w]);
    }
  };
  add('p', [event.person.name, ...event.person.names]);
  add('o', organizationNames(event));
  for (const c of event.role.categories) terms.set(`r:${c}`, ['r', c]);
  return { tokens: eventTokens(event), terms: [...terms.values()], names: [...names.values()], sources: event.sources.map((x) => x.itemId) };
}

/** What the index was built from: an event saved again with the same signature keeps its rows. */
export const indexSignature = (event: ChangeEvent): string =>
  JSON.stringify([event.mergedInto, event.direction, event.person.name, event.person.names, organizationNames(event), event.role.categories]);
