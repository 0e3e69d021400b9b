/**
 * Events in SQLite: the merger's repository and the queries the slash commands read.
 *
 * What Discord commands and `/why` call (all asynchronous, all exclude events merged into others):
 *
 *   recentEvents(filter: EventFilter): EventPage
 *     filter = { days?, company?, person?, role?, direction?, limit? (25), offset? (0), now? }
 *     Newest first by first report. `days`: first reported within the last N days. `company`:
 *     every word of it among the words of an organisation name the event was reported under (or
 *     its parent), so "Alibaba" finds Alibaba Cloud too. `person`: the same over person names,
 *     aliases included. `role`: a category ("CEO", "Board", "VP" …) or a title ("chief
 *     financial officer"), matched by category. `direction`: 'in' | 'out'.
 *     EventPage = { events: ChangeEvent[], total: number (counted up to 1,000), totalCapped, limit, offset }
 *   suggestOrganizations(query: string, limit = 25): NameSuggestion[]
 *   suggestPeople(query: string, limit = 25): NameSuggestion[]
 *     Names as reported that contain the query's words (the last one as a prefix, as it is being
 *     typed), folded for case and accents;
 *     aliases are names too ("Zhang Yong" suggests the event also reported as Daniel Zhang).
 *     NameSuggestion = { name: string, events: number } — most events first.
 *   eventsForItem(ref: { itemId?: string; url?: string }): ChangeEvent[]
 *     The live events an item (by id, or by its canonical URL) reported: what `/why` shows.
 *
 * The merger uses the `EventRepository` half (findCandidates, get, save, loadKnowledge,
 * saveAliasGroup, saveUnit). Run one item's merge in a unit of work (src/ports/unit-of-work.ts)
 * so it lands whole.
 */
import {
  ChangeEventSchema, eventHorizon, personNameKey,
  type CandidateQuery, type ChangeEvent, type Knowledge,
} from '../core/events/index.js';
import type { Db } from './db.js';
import { gated } from './gated.js';
import { categoriesOf, indexRowsOf, indexSignature, plainWords, type IndexRows } from './event-words.js';
import type { EventFilter, EventPage, NameSuggestion, EventStore } from '../ports/events.js';

const MAX_LIMIT = 100;
const COUNT_CAP = 1000;
const COMMON_TERM = 2000;
const DAY_MS = 86_400_000;

export function createEventStore(db: Db): EventStore {
  const sql = {
    upsert: db.prepare(
      `INSERT INTO events (id, person, organization, role, direction, interim, confidence, first_seen, last_seen, horizon,
         merged_into, alert_state, revision, index_sig, index_rows, json, role_cats)
       VALUES (@id, @person, @organization, @role, @direction, @interim, @confidence, @firstSeen, @lastSeen, @horizon,
         @mergedInto, @alertState, @revision, @indexSig, @indexRows, @json, @roleCats)
       ON CONFLICT(id) DO UPDATE SET person = excluded.person, organization = excluded.organization, role = excluded.role,
         direction = excluded.direction, interim = excluded.interim, confidence = excluded.confidence,
         first_seen = excluded.first_seen, last_seen = excluded.last_seen, horizon = excluded.horizon,
         merged_into = excluded.merged_into, alert_state = excluded.alert_state, revision = excluded.revision,
         index_sig = excluded.index_sig, index_rows = excluded.index_rows, json = excluded.json, role_cats = excluded.role_cats`,
    ),
    indexOf: db.prepare<[string], { index_sig: string; index_rows: string }>('SELECT index_sig, index_rows FROM events WHERE id = ?'),
    keyHorizon: db.prepare('UPDATE event_person_keys SET horizon = ? WHERE key = ? AND direction = ? AND event_id = ?'),
    dropKey: db.prepare('DELETE FROM event_person_keys WHERE key = ? AND direction = ? AND event_id = ?'),
    dropTerm: db.prepare('DELETE FROM event_terms WHERE kind = ? AND term = ? AND event_id = ?'),
    dropName: db.prepare('DELETE FROM event_names WHERE kind = ? AND name_key = ? AND event_id = ?'),
    clearSources: db.prepare('DELETE FROM event_sources WHERE event_id = ?'),
    key: db.prepare('INSERT OR IGNORE INTO event_person_keys (key, direction, event_id, horizon) VALUES (?, ?, ?, ?)'),
    toReindex: db.prepare<[], { event_id: string }>('SELECT event_id FROM event_reindex LIMIT 500'),
    reindexed: db.prepare('DELETE FROM event_reindex WHERE event_id = ?'),
    term: db.prepare('INSERT OR IGNORE INTO event_terms (kind, term, event_id) VALUES (?, ?, ?)'),
    name: db.prepare('INSERT OR IGNORE INTO event_names (kind, name_key, name, event_id) VALUES (?, ?, ?, ?)'),
    nameWord: db.prepare('INSERT OR IGNORE INTO name_words (kind, word, name_key) VALUES (?, ?, ?)'),
    source: db.prepare('INSERT OR IGNORE INTO event_sources (event_id, item_id, url) VALUES (?, ?, ?)'),
    get: db.prepare<[string], { json: string }>('SELECT json FROM events WHERE id = ?'),
    aliasGroupsOfKeys: db.prepare<[string], { group_id: string }>(
      'SELECT DISTINCT group_id FROM person_alias_groups WHERE name_key IN (SELECT value FROM json_each(?))',
    ),
    deleteAliasGroup: db.prepare('DELETE FROM person_alias_groups WHERE group_id = ?'),
    insertAlias: db.prepare('INSERT OR REPLACE INTO person_alias_groups (name_key, group_id, name) VALUES (?, ?, ?)'),
    allAliases: db.prepare<[], { group_id: string; name: string }>('SELECT group_id, name FROM person_alias_groups ORDER BY group_id'),
    unit: db.prepare('INSERT OR IGNORE INTO org_units (unit_key, parent_key) VALUES (?, ?)'),
    allUnits: db.prepare<[], { unit_key: string; parent_key: string }>('SELECT unit_key, parent_key FROM org_units'),
    termCount: db.prepare<[string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM event_terms WHERE kind = ? AND term = ? LIMIT ${COMMON_TERM + 1})`,
    ),
    byItem: db.prepare<[string, string], { json: string }>(
      `SELECT DISTINCT e.json, e.first_seen FROM event_sources s JOIN events e ON e.id = s.event_id
       WHERE (s.item_id = ? OR s.url = ?) AND e.merged_into IS NULL ORDER BY e.first_seen`,
    ),
  };
  // One statement per number of keys keeps lookups on the (key, direction) primary key.
  const candidateStatements = new Map<string, ReturnType<typeof db.prepare<unknown[], { json: string }>>>();
  const candidateSql = (n: number, withDirection: boolean) => {
    const key = `${n}:${withDirection}`;
    let stmt = candidateStatements.get(key);
    if (!stmt) {
      stmt = db.prepare<unknown[], { json: string }>(
        `SELECT e.json FROM events e WHERE e.id IN (
           SELECT event_id FROM event_person_keys WHERE key IN (${Array(n).fill('?').join(',')})
           ${withDirection ? 'AND direction = ?' : ''} AND horizon >= ?)`,
      );
      candidateStatements.set(key, stmt);
    }
    return stmt;
  };

  const parse = (json: string): ChangeEvent => ChangeEventSchema.parse(JSON.parse(json));

  // Rows are removed by their keys (kept in index_rows), so the index tables need no event_id
  // index: fewer pages written per commit.
  const save = (event: ChangeEvent): void => {
    const horizon = eventHorizon(event);
    const indexSig = indexSignature(event);
    const previous = sql.indexOf.get(event.id);
    const unchanged = previous?.index_sig === indexSig;
    const kept = unchanged ? (JSON.parse(previous.index_rows) as IndexRows) : null;
    const rows: IndexRows = kept ? { ...kept, sources: event.sources.map((x) => x.itemId) } : indexRowsOf(event);
    sql.upsert.run({
      id: event.id,
      person: event.person.name,
      organization: event.organization.name,
      role: event.role.title,
      direction: event.direction,
      interim: event.interim ? 1 : 0,
      confidence: event.confidence,
      firstSeen: event.firstSeen,
      lastSeen: event.lastSeen,
      horizon,
      mergedInto: event.mergedInto,
      alertState: event.alertState,
      revision: event.revision,
      indexSig,
      indexRows: JSON.stringify(rows),
      json: JSON.stringify(event),
      roleCats: `|${event.role.categories.join('|')}|`,
    });
    if (kept) {
      // Most updates add a source: the words stay, only the horizon and the item list grow.
      for (const t of rows.tokens) sql.keyHorizon.run(horizon, t, event.direction, event.id);
      const had = new Set(kept.sources);
      for (const x of event.sources) if (!had.has(x.itemId)) sql.source.run(event.id, x.itemId, x.url);
      return;
    }
    if (previous) {
      const old = JSON.parse(previous.index_rows) as IndexRows;
      for (const t of old.tokens) for (const d of ['in', 'out']) sql.dropKey.run(t, d, event.id);
      for (const [k, t] of old.terms) sql.dropTerm.run(k, t, event.id);
      for (const [k, key] of old.names) sql.dropName.run(k, key, event.id);
    }
    if (event.mergedInto) {
      sql.clearSources.run(event.id);
      return;
    }
    for (const t of rows.tokens) sql.key.run(t, event.direction, event.id, horizon);
    for (const [kind, term] of rows.terms) sql.term.run(kind, term, event.id);
    for (const [kind, key, name] of rows.names) {
      sql.name.run(kind, key, name, event.id);
      for (const w of key.split(' ')) sql.nameWord.run(kind, w, key);
    }
    for (const s of event.sources) sql.source.run(event.id, s.itemId, s.url);
  };

  const get = (id: string): ChangeEvent | null => {
    const row = sql.get.get(id);
    return row ? parse(row.json) : null;
  };

  const page = (filter: EventFilter): EventPage => {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(filter.limit ?? 25)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const where: string[] = ['e.merged_into IS NULL'];
    const params: unknown[] = [];
    const requireTerms = (kind: string, terms: readonly string[]) => {
      // Every word must be a term of the event. A rare word (a name) is looked up and its events
      // gathered; a common one ("labs") is probed per event, newest first, so a page stops early.
      for (const t of terms) {
        const common = (sql.termCount.get(kind, t)?.n ?? 0) > COMMON_TERM;
        where.push(common
          ? 'EXISTS (SELECT 1 FROM event_terms t WHERE t.kind = ? AND t.term = ? AND t.event_id = e.id)'
          : 'e.id IN (SELECT t.event_id FROM event_terms t WHERE t.kind = ? AND t.term = ?)');
        params.push(kind, t);
      }
    };
    if (filter.days !== undefined) {
      const since = new Date((filter.now ?? new Date()).getTime() - filter.days * DAY_MS).toISOString();
      where.push('e.first_seen >= ?');
      params.push(since);
    }
    if (filter.direction) {
      where.push('e.direction = ?');
      params.push(filter.direction);
    }
    if (filter.company !== undefined) requireTerms('o', plainWords(filter.company).length ? plainWords(filter.company) : ['\u0000']);
    if (filter.person !== undefined) requireTerms('p', plainWords(filter.person).length ? plainWords(filter.person) : ['\u0000']);
    if (filter.role !== undefined) {
      const cats = categoriesOf(filter.role);
      // A category holds many events: tested on each row (newest first), not gathered and sorted.
      where.push(`(${cats.map(() => 'instr(e.role_cats, ?) > 0').join(' OR ')})`);
      params.push(...cats.map((c) => `|${c}|`));
    }
    const clause = where.join(' AND ');
    // Counting stops past COUNT_CAP: a page needs to know there is more, not how many thousands.
    const counted = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM events e WHERE ${clause} LIMIT ${COUNT_CAP + 1})`)
      .get(...params) as { n: number }).n;
    const total = Math.min(counted, COUNT_CAP);
    const rows = db.prepare(`SELECT e.json FROM events e WHERE ${clause} ORDER BY e.first_seen DESC, e.id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ json: string }>;
    return { events: rows.map((r) => parse(r.json)), total, totalCapped: counted > COUNT_CAP, limit, offset };
  };

  const suggest = (kind: 'p' | 'o', query: string, limit = 25): NameSuggestion[] => {
    const words = plainWords(query);
    const n = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
    if (words.length === 0) {
      return (db.prepare(
        `SELECT MIN(n.name) AS name, COUNT(DISTINCT n.event_id) AS events FROM event_names n
         WHERE n.kind = ? GROUP BY n.name_key ORDER BY events DESC, name LIMIT ?`,
      ).all(kind, n) as NameSuggestion[]);
    }
    const last = words[words.length - 1] as string;
    const rest = words.slice(0, -1);
    // Names with a word starting with the last typed word (a range scan), then the other words whole.
    const keys = (db.prepare(
      'SELECT DISTINCT name_key FROM name_words WHERE kind = ? AND word >= ? AND word < ? LIMIT 500',
    ).all(kind, last, `${last}\uffff`) as Array<{ name_key: string }>)
      .map((r) => r.name_key)
      .filter((k) => {
        const kw = k.split(' ');
        return rest.every((w) => kw.includes(w));
      });
    if (keys.length === 0) return [];
    return db.prepare(
      `SELECT MIN(n.name) AS name, COUNT(DISTINCT n.event_id) AS events FROM event_names n
       WHERE n.kind = ? AND n.name_key IN (SELECT value FROM json_each(?))
       GROUP BY n.name_key ORDER BY events DESC, name LIMIT ?`,
    ).all(kind, JSON.stringify(keys), n) as NameSuggestion[];
  };

  // Events stored by a version that keyed names otherwise (migration 0009 lists them): index them
  // again before the merger reads the index. Batches, so that a large store is not one transaction.
  for (let batch = sql.toReindex.all(); batch.length; batch = sql.toReindex.all()) {
    db.transaction(() => {
      for (const { event_id: id } of batch) {
        const event = get(id);
        if (event) save(event);
        sql.reindexed.run(id);
      }
    })();
  }

  return gated<EventStore>(db, {
    findCandidates(query: CandidateQuery) {
      const tokens = [...new Set(query.tokens)];
      if (tokens.length === 0) return [];
      const params: unknown[] = [...tokens];
      if (query.direction) params.push(query.direction);
      params.push(query.since);
      // The merger's hot path reads back JSON this store wrote itself; the query API validates.
      return candidateSql(tokens.length, Boolean(query.direction)).all(...params).map((r) => JSON.parse(r.json) as ChangeEvent);
    },
    get,
    // Inside the caller's transaction (the pipeline's per-item one) no savepoint is needed.
    save: (event) => (db.inTransaction ? save(event) : db.transaction(() => save(event))()),
    loadKnowledge(): Knowledge {
      const groups = new Map<string, string[]>();
      for (const r of sql.allAliases.all()) groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r.name]);
      return {
        aliasGroups: [...groups.values()],
        units: sql.allUnits.all().map((r): [string, string] => [r.unit_key, r.parent_key]),
      };
    },
    saveAliasGroup(names) {
      db.transaction(() => {
        const keys = names.map(personNameKey);
        for (const g of sql.aliasGroupsOfKeys.all(JSON.stringify(keys))) sql.deleteAliasGroup.run(g.group_id);
        const groupId = [...keys].sort()[0] ?? '';
        names.forEach((n, i) => sql.insertAlias.run(keys[i], groupId, n));
      })();
    },
    saveUnit: (unitKey, parentKey) => void sql.unit.run(unitKey, parentKey),
    recentEvents: (filter = {}) => page(filter),
    suggestOrganizations: (query, limit) => suggest('o', query, limit),
    suggestPeople: (query, limit) => suggest('p', query, limit),
    eventsForItem({ itemId, url }) {
      if (!itemId && !url) return [];
      return sql.byItem.all(itemId ?? '\u0000', url ?? '\u0000').map((r) => parse(r.json));
    },
  });
}
