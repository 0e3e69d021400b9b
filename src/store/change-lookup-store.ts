import { LeadershipChangeSchema, ROLE_CATEGORIES, type Direction, type LeadershipChange, type RoleCategory } from '../core/change.js';
import { organizationKey, personKey } from '../core/names.js';
import { primaryRoleCategory } from '../core/roles.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';

// What the slash commands read. Today it reads the changes table; when stored events exist, an
// implementation of the same interface over them replaces this one (the commands do not change).

export type NameKind = 'organization' | 'person';

export interface LookupQuery {
  sinceIso?: string | null;
  company?: string | null;
  person?: string | null;
  role?: string | null;
  direction?: Direction | null;
  limit: number;
  offset: number;
}

export interface LookupEntry {
  id: number;
  /** The alert key of this change (what delivery and /why use). */
  alertKey: string;
  itemId: string;
  createdAt: string;
  change: LeadershipChange;
}

export interface LookupPage {
  total: number;
  entries: LookupEntry[];
}

export interface NameSuggestion {
  /** What the user sees ("Zhang Jianfeng → Jeff Zhang" for an alias). */
  label: string;
  /** What the option receives: the canonical stored name. */
  value: string;
}

export interface ChangeLookup {
  find(q: LookupQuery): LookupPage;
  /** Stored names containing what was typed, insensitive to case and accents; aliases count. */
  suggest(kind: NameKind, typed: string, limit?: number): NameSuggestion[];
  /** Whether any stored change names this organisation or person (aliases and units count). */
  knows(kind: NameKind, name: string): boolean;
}

/** Case, accents and punctuation folded away: "Société Générale" ~ "societe generale". */
export function foldName(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface NameEntry {
  label: string;
  value: string;
  folded: string;
  words: string[];
  /** The stored keys (person_key / organization_key) this name stands for. */
  keys: Set<string>;
  count: number;
}

interface IndexRow { id: number; person: string; person_key: string; organization: string; organization_key: string; aliases: string | null; parent: string | null }

/** A name matching more stored names than this is too vague to filter by every one of them. */
const MAX_KEYS = 2000;

export function categoryOf(role: string): RoleCategory {
  const exact = ROLE_CATEGORIES.find((c) => c.toLowerCase() === role.trim().toLowerCase());
  return exact ?? primaryRoleCategory(role);
}

export function createChangeLookup(db: Db): ChangeLookup {
  const names: Record<NameKind, Map<string, NameEntry>> = { organization: new Map(), person: new Map() };
  let lastId = 0;
  const newRows = db.prepare<[number], IndexRow>(
    `SELECT id, person, person_key, organization, organization_key,
       json_extract(json, '$.person.aliases') AS aliases, json_extract(json, '$.organization.parent') AS parent
     FROM changes WHERE id > ? ORDER BY id`,
  );
  const maxId = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM changes');

  const add = (kind: NameKind, label: string, value: string, key: string): void => {
    const folded = foldName(label);
    if (!folded || !key) return;
    let e = names[kind].get(folded);
    if (!e) names[kind].set(folded, (e = { label: label === value ? label : `${label} → ${value}`, value, folded, words: folded.split(' '), keys: new Set(), count: 0 }));
    e.keys.add(key);
    e.count += 1;
  };

  // The index follows the table incrementally: one cheap MAX(id) per lookup, new rows only.
  const refresh = (): void => {
    const m = maxId.get()?.m ?? 0;
    if (m <= lastId) return;
    for (const r of newRows.iterate(lastId)) {
      add('person', r.person, r.person, r.person_key);
      for (const alias of r.aliases ? (JSON.parse(r.aliases) as string[]) : []) add('person', alias, r.person, r.person_key);
      add('organization', r.organization, r.organization, r.organization_key);
      if (r.parent) add('organization', r.parent, r.parent, organizationKey(r.parent));
      lastId = r.id;
    }
  };

  /** The stored keys a typed name stands for: exact names first, else every name containing its words. */
  const keysFor = (kind: NameKind, typed: string): string[] => {
    const folded = foldName(typed);
    // A person's exact name (or alias) is that person; an organisation also covers its units.
    const exact = names[kind].get(folded);
    if (exact && kind === 'person') return [...exact.keys];
    const words = folded.split(' ').filter(Boolean);
    if (!words.length) return [];
    const out = new Set<string>();
    for (const e of names[kind].values()) {
      if (words.every((w) => e.words.includes(w))) for (const k of e.keys) out.add(k);
      if (out.size >= MAX_KEYS) break;
    }
    if (!out.size) out.add(kind === 'person' ? personKey(typed) : organizationKey(typed));
    return [...out];
  };

  const statements = new Map<string, Database.Statement<unknown[]>>();
  const prepared = (sql: string): Database.Statement<unknown[]> => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare<unknown[]>(sql)));
    return s;
  };

  return {
    find(q) {
      refresh();
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.sinceIso) {
        where.push('created_at >= ?');
        params.push(q.sinceIso);
      }
      if (q.direction) {
        where.push('direction = ?');
        params.push(q.direction);
      }
      if (q.role) {
        where.push('role_category = ?');
        params.push(categoryOf(q.role));
      }
      if (q.person) {
        const keys = keysFor('person', q.person);
        where.push('person_key IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(keys));
      }
      if (q.company) {
        // keysFor matches by words, so a company covers its units: "alibaba" → "alibaba cloud intelligence".
        const keys = keysFor('organization', q.company).filter(Boolean);
        where.push('organization_key IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(keys));
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (prepared(`SELECT COUNT(*) AS n FROM changes ${clause}`).get(...params) as { n: number }).n;
      const rows = prepared(`SELECT id, item_id, created_at, json FROM changes ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...params, q.limit, q.offset) as Array<{ id: number; item_id: string; created_at: string; json: string }>;
      return {
        total,
        entries: rows.map((r) => ({
          id: r.id,
          alertKey: `change:${r.id}`,
          itemId: r.item_id,
          createdAt: r.created_at,
          change: LeadershipChangeSchema.parse(JSON.parse(r.json)),
        })),
      };
    },
    suggest(kind, typed, limit = 25) {
      refresh();
      const folded = foldName(typed);
      const scored: Array<[number, NameEntry]> = [];
      for (const e of names[kind].values()) {
        let score: number;
        if (!folded) score = 3;
        else if (e.folded.startsWith(folded)) score = 0;
        else if (e.folded.includes(` ${folded}`)) score = 1;
        else if (e.folded.includes(folded)) score = 2;
        else continue;
        scored.push([score, e]);
      }
      scored.sort((a, b) => a[0] - b[0] || b[1].count - a[1].count || a[1].label.localeCompare(b[1].label));
      return scored.slice(0, limit).map(([, e]) => ({ label: e.label, value: e.value }));
    },
    knows(kind, name) {
      refresh();
      const folded = foldName(name);
      if (!folded) return false;
      if (names[kind].has(folded)) return true;
      if (kind === 'organization') {
        const key = organizationKey(name);
        for (const e of names.organization.values()) for (const k of e.keys) if (k === key || k.startsWith(`${key} `)) return true;
        return false;
      }
      const words = folded.split(' ');
      for (const e of names.person.values()) if (words.every((w) => e.words.includes(w))) return true;
      return false;
    },
  };
}
