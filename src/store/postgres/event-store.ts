import {
  ChangeEventSchema, eventHorizon, personNameKey, type ChangeEvent, type Knowledge,
} from '../../core/events/index.js';
import type { EventFilter, EventPage, EventStore, NameSuggestion } from '../../ports/events.js';
import type { PgDb } from './db.js';
import { categoriesOf, indexRowsOf, indexSignature, plainWords, type IndexRows } from '../event-words.js';

const MAX_LIMIT = 100;
const COUNT_CAP = 1000;
const COMMON_TERM = 2000;
const DAY_MS = 86_400_000;

const parse = (json: string): ChangeEvent => ChangeEventSchema.parse(JSON.parse(json));
const column = <T>(rows: readonly T[][], i: number): T[] => rows.map((r) => r[i] as T);

/**
 * Events in Postgres: the rows and queries of src/store/event-store.ts (see it for what each
 * read returns), several rows per statement (unnest) instead of one statement per row.
 *
 * Merging under concurrency: the merger reads candidates, then saves what it decided. Two
 * workers merging reports of one move at once would each find no event and create two. So the
 * first merge-path call (findCandidates, get, save, knowledge) in a transaction takes one
 * transaction-level advisory lock (PgDb.takeMergeLock): merges serialise, and the second
 * worker's candidate read, made after the first committed, finds the first's event.
 */
export function createPgEventStore(db: PgDb): EventStore {
  /** A merge-path write: whole (its own unit when the caller has none), under the merge lock. */
  const merging = <T>(fn: () => Promise<T>): Promise<T> =>
    db.atomic(async () => {
      await db.takeMergeLock();
      return fn();
    });

  const get = async (id: string): Promise<ChangeEvent | null> => {
    await db.takeMergeLock();
    const [row] = await db.query<{ json: string }>('SELECT json FROM events WHERE id = $1', [id]);
    return row ? parse(row.json) : null;
  };

  const insertIndex = async (event: ChangeEvent, rows: IndexRows, horizon: string) => {
    const id = event.id;
    if (rows.tokens.length) {
      await db.execute(`INSERT INTO event_person_keys (key, direction, event_id, horizon)
        SELECT k, $2, $3, $4 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`, [rows.tokens, event.direction, id, horizon]);
    }
    if (rows.terms.length) {
      await db.execute(`INSERT INTO event_terms (kind, term, event_id) SELECT k, t, $3 FROM unnest($1::text[], $2::text[]) AS x(k, t)
        ON CONFLICT DO NOTHING`, [column(rows.terms, 0), column(rows.terms, 1), id]);
    }
    if (rows.names.length) {
      await db.execute(`INSERT INTO event_names (kind, name_key, name, event_id) SELECT k, nk, n, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(k, nk, n)
        ON CONFLICT DO NOTHING`, [column(rows.names, 0), column(rows.names, 1), column(rows.names, 2), id]);
      const words = rows.names.flatMap(([kind, key]) => key.split(' ').map((w) => [kind, w, key]));
      await db.execute(`INSERT INTO name_words (kind, word, name_key) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
        ON CONFLICT DO NOTHING`, [column(words, 0), column(words, 1), column(words, 2)]);
    }
    await insertSources(event, event.sources);
  };

  const insertSources = async (event: ChangeEvent, sources: ChangeEvent['sources']) => {
    if (!sources.length) return;
    await db.execute(`INSERT INTO event_sources (event_id, item_id, url) SELECT $1, i, u FROM unnest($2::text[], $3::text[]) AS x(i, u)
      ON CONFLICT DO NOTHING`, [event.id, sources.map((s) => s.itemId), sources.map((s) => s.url)]);
  };

  const dropIndex = async (id: string, old: IndexRows) => {
    if (old.tokens.length) await db.execute('DELETE FROM event_person_keys WHERE key = ANY($1::text[]) AND event_id = $2', [old.tokens, id]);
    if (old.terms.length) {
      await db.execute(`DELETE FROM event_terms t USING unnest($1::text[], $2::text[]) AS x(k, term)
        WHERE t.kind = x.k AND t.term = x.term AND t.event_id = $3`, [column(old.terms, 0), column(old.terms, 1), id]);
    }
    if (old.names.length) {
      await db.execute(`DELETE FROM event_names n USING unnest($1::text[], $2::text[]) AS x(k, nk)
        WHERE n.kind = x.k AND n.name_key = x.nk AND n.event_id = $3`, [column(old.names, 0), column(old.names, 1), id]);
    }
  };

  const save = async (event: ChangeEvent): Promise<void> => {
    const horizon = eventHorizon(event);
    const indexSig = indexSignature(event);
    const [previous] = await db.query<{ index_sig: string; index_rows: string }>('SELECT index_sig, index_rows FROM events WHERE id = $1', [event.id]);
    const kept = previous?.index_sig === indexSig ? (JSON.parse(previous.index_rows) as IndexRows) : null;
    const rows: IndexRows = kept ? { ...kept, sources: event.sources.map((x) => x.itemId) } : indexRowsOf(event);
    await db.execute(
      `INSERT INTO events (id, person, organization, role, direction, interim, confidence, first_seen, last_seen, horizon,
         merged_into, alert_state, revision, index_sig, index_rows, json, role_cats)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (id) DO UPDATE SET person = excluded.person, organization = excluded.organization, role = excluded.role,
         direction = excluded.direction, interim = excluded.interim, confidence = excluded.confidence,
         first_seen = excluded.first_seen, last_seen = excluded.last_seen, horizon = excluded.horizon,
         merged_into = excluded.merged_into, alert_state = excluded.alert_state, revision = excluded.revision,
         index_sig = excluded.index_sig, index_rows = excluded.index_rows, json = excluded.json, role_cats = excluded.role_cats`,
      [event.id, event.person.name, event.organization.name, event.role.title, event.direction, event.interim, event.confidence,
        event.firstSeen, event.lastSeen, horizon, event.mergedInto, event.alertState, event.revision, indexSig, JSON.stringify(rows),
        JSON.stringify(event), `|${event.role.categories.join('|')}|`],
    );
    if (kept) {
      // Most updates add a source: the words stay, only the horizon and the item list grow.
      if (rows.tokens.length) {
        await db.execute('UPDATE event_person_keys SET horizon = $1 WHERE key = ANY($2::text[]) AND direction = $3 AND event_id = $4',
          [horizon, rows.tokens, event.direction, event.id]);
      }
      const had = new Set(kept.sources);
      await insertSources(event, event.sources.filter((x) => !had.has(x.itemId)));
      return;
    }
    if (previous) await dropIndex(event.id, JSON.parse(previous.index_rows) as IndexRows);
    if (event.mergedInto) {
      await db.execute('DELETE FROM event_sources WHERE event_id = $1', [event.id]);
      return;
    }
    await insertIndex(event, rows, horizon);
  };

  const page = async (filter: EventFilter): Promise<EventPage> => {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(filter.limit ?? 25)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const where: string[] = ['e.merged_into IS NULL'];
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const requireTerms = async (kind: string, terms: readonly string[]) => {
      // No word to look for matches nothing (SQLite looks up a word no event has).
      if (terms.length === 0) where.push('FALSE');
      // A rare word (a name) is looked up and its events gathered; a common one ("labs") is
      // probed per event, newest first, so a page stops early.
      for (const t of terms) {
        const [count] = await db.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM event_terms WHERE kind = $1 AND term = $2 LIMIT ${COMMON_TERM + 1}) x`, [kind, t]);
        where.push((count?.n ?? 0) > COMMON_TERM
          ? `EXISTS (SELECT 1 FROM event_terms t WHERE t.kind = ${p(kind)} AND t.term = ${p(t)} AND t.event_id = e.id)`
          : `e.id IN (SELECT t.event_id FROM event_terms t WHERE t.kind = ${p(kind)} AND t.term = ${p(t)})`);
      }
    };
    if (filter.days !== undefined) {
      where.push(`e.first_seen >= ${p(new Date((filter.now ?? new Date()).getTime() - filter.days * DAY_MS).toISOString())}`);
    }
    if (filter.direction) where.push(`e.direction = ${p(filter.direction)}`);
    if (filter.company !== undefined) await requireTerms('o', plainWords(filter.company));
    if (filter.person !== undefined) await requireTerms('p', plainWords(filter.person));
    if (filter.role !== undefined) {
      // A category holds many events: tested on each row (newest first), not gathered and sorted.
      const cats = categoriesOf(filter.role);
      where.push(cats.length ? `(${cats.map((c) => `strpos(e.role_cats, ${p(`|${c}|`)}) > 0`).join(' OR ')})` : 'FALSE');
    }
    const clause = where.join(' AND ');
    // Counting stops past COUNT_CAP: a page needs to know there is more, not how many thousands.
    const [counted] = await db.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM events e WHERE ${clause} LIMIT ${COUNT_CAP + 1}) x`, params);
    const n = counted?.n ?? 0;
    const rows = await db.query<{ json: string }>(
      `SELECT e.json FROM events e WHERE ${clause} ORDER BY e.first_seen DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}`, params);
    return { events: rows.map((r) => parse(r.json)), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, limit, offset };
  };

  const suggest = async (kind: 'p' | 'o', query: string, limit = 25): Promise<NameSuggestion[]> => {
    const words = plainWords(query);
    const n = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
    const counted = (where: string, params: unknown[]) => db.query<{ name: string; events: number }>(
      `SELECT MIN(n.name) AS name, COUNT(DISTINCT n.event_id)::int AS events FROM event_names n
       WHERE ${where} GROUP BY n.name_key ORDER BY events DESC, name LIMIT ${n}`, params);
    if (words.length === 0) return counted('n.kind = $1', [kind]);
    const last = words[words.length - 1] as string;
    const rest = words.slice(0, -1);
    // Names with a word starting with the last typed word (a range scan), then the other words whole.
    const keys = (await db.query<{ name_key: string }>(
      'SELECT DISTINCT name_key FROM name_words WHERE kind = $1 AND word >= $2 AND word < $3 LIMIT 500', [kind, last, `${last}\uffff`]))
      .map((r) => r.name_key)
      .filter((k) => {
        const kw = k.split(' ');
        return rest.every((w) => kw.includes(w));
      });
    if (keys.length === 0) return [];
    return counted('n.kind = $1 AND n.name_key = ANY($2::text[])', [kind, keys]);
  };

  return {
    async findCandidates(query) {
      const tokens = [...new Set(query.tokens)];
      await db.takeMergeLock();
      if (tokens.length === 0) return [];
      const rows = await db.query<{ json: string }>(
        `SELECT e.json FROM events e WHERE e.id IN (
           SELECT event_id FROM event_person_keys WHERE key = ANY($1::text[]) AND ($2::text IS NULL OR direction = $2) AND horizon >= $3)`,
        [tokens, query.direction ?? null, query.since],
      );
      // The merger's hot path reads back JSON this store wrote itself; the query API validates.
      return rows.map((r) => JSON.parse(r.json) as ChangeEvent);
    },
    get,
    save: (event) => merging(() => save(event)),
    async loadKnowledge(): Promise<Knowledge> {
      await db.takeMergeLock();
      const groups = new Map<string, string[]>();
      for (const r of await db.query<{ group_id: string; name: string }>('SELECT group_id, name FROM person_alias_groups ORDER BY group_id, name_key')) {
        groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r.name]);
      }
      const units = await db.query<{ unit_key: string; parent_key: string }>('SELECT unit_key, parent_key FROM org_units ORDER BY unit_key, parent_key');
      return { aliasGroups: [...groups.values()], units: units.map((r): [string, string] => [r.unit_key, r.parent_key]) };
    },
    saveAliasGroup: (names) =>
      merging(async () => {
        // A group replaces any group it overlaps, as the alias book merged them.
        const keys = names.map(personNameKey);
        await db.execute(`DELETE FROM person_alias_groups WHERE group_id IN (
          SELECT DISTINCT group_id FROM person_alias_groups WHERE name_key = ANY($1::text[]))`, [keys]);
        const groupId = [...keys].sort()[0] ?? '';
        // Two names of one key: the later one stays (SQLite replaces row by row).
        const byKey = new Map(names.map((n, i) => [keys[i] as string, n]));
        if (!byKey.size) return;
        await db.execute(`INSERT INTO person_alias_groups (name_key, group_id, name) SELECT k, $3, n FROM unnest($1::text[], $2::text[]) AS x(k, n)
          ON CONFLICT (name_key) DO UPDATE SET group_id = excluded.group_id, name = excluded.name`, [[...byKey.keys()], [...byKey.values()], groupId]);
      }),
    saveUnit: (unitKey, parentKey) =>
      merging(async () => void (await db.execute('INSERT INTO org_units (unit_key, parent_key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [unitKey, parentKey]))),
    recentEvents: (filter = {}) => page(filter),
    suggestOrganizations: (query, limit) => suggest('o', query, limit),
    suggestPeople: (query, limit) => suggest('p', query, limit),
    async eventsForItem({ itemId, url }) {
      if (!itemId && !url) return [];
      const rows = await db.query<{ json: string }>(
        `SELECT DISTINCT e.json, e.first_seen FROM event_sources s JOIN events e ON e.id = s.event_id
         WHERE (s.item_id = $1 OR s.url = $2) AND e.merged_into IS NULL ORDER BY e.first_seen`,
        [itemId ?? null, url ?? null],
      );
      return rows.map((r) => parse(r.json));
    },
  };
}
