import { ChangeEventSchema } from '../../core/events/model.js';
import type { EventFilter, EventStore } from '../../ports/events.js';
import type { ChangeRecord } from '../../timeline/change-record.js';
import { changeRecordFromEvent } from '../../timeline/from-event.js';
import { nameWords, nearestNames } from '../../timeline/nearest.js';
import type { RecordsFilter, RecordsQuery, RecordsResult } from '../../timeline/records-query.js';
import type { PgDb } from './db.js';

const DAY_MS = 86_400_000;
/** The event store's largest page. */
const PAGE = 100;
/** Rows read per round trip when scanning by time. */
const SCAN_BATCH = 200;

type EventReads = Pick<EventStore, 'recentEvents' | 'suggestOrganizations' | 'suggestPeople'>;

/**
 * The records query over events in Postgres: what src/store/records-query-store.ts does over
 * SQLite (the `/changes` matching page by page; a filter of time and direction alone read by time
 * in one pass, here in keyset batches: first_seen, id).
 */
export function createPgRecordsQuery(db: PgDb, events: EventReads, now: () => Date): RecordsQuery {
  const scan = async (since: Date | null, direction: string, limit: number): Promise<RecordsResult> => {
    const records: ChangeRecord[] = [];
    let after: { firstSeen: string; id: string } | null = null;
    for (;;) {
      const rows: Array<{ json: string; first_seen: string; id: string }> = await db.query(
        `SELECT json, first_seen, id FROM events WHERE merged_into IS NULL AND first_seen >= $1 AND ($2 = '' OR direction = $2)
           AND ($3::text IS NULL OR (first_seen, id) < ($3, $4)) ORDER BY first_seen DESC, id DESC LIMIT ${SCAN_BATCH}`,
        [since ? since.toISOString() : '', direction, after?.firstSeen ?? null, after?.id ?? null],
      );
      for (const row of rows) {
        const record = changeRecordFromEvent(ChangeEventSchema.parse(JSON.parse(row.json)));
        if (!record) continue;
        if (records.length === limit) return { records, truncated: true };
        records.push(record);
      }
      const last = rows.at(-1);
      if (rows.length < SCAN_BATCH || !last) return { records, truncated: false };
      after = { firstSeen: last.first_seen, id: last.id };
    }
  };

  const read = async (filter: EventFilter, limit: number, keep: (r: ChangeRecord) => boolean = () => true): Promise<RecordsResult> => {
    const records: ChangeRecord[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await events.recentEvents({ ...filter, limit: PAGE, offset });
      for (const event of page.events) {
        const record = changeRecordFromEvent(event);
        if (!record || !keep(record)) continue;
        if (records.length === limit) return { records, truncated: true };
        records.push(record);
      }
      if (page.events.length < PAGE) return { records, truncated: false };
    }
  };

  const suggest = async (kind: 'organization' | 'person', typed: string, limit = 25): Promise<string[]> =>
    (await (kind === 'organization' ? events.suggestOrganizations(typed, limit) : events.suggestPeople(typed, limit))).map((s) => s.name);

  return {
    forOrganization: (name, limit) => read({ company: name, now: now() }, limit),
    forPerson: (name, limit) => read({ person: name, now: now() }, limit),
    matching(f: RecordsFilter, limit) {
      const at = now();
      const filter: EventFilter = { now: at };
      if (f.company) filter.company = f.company;
      if (f.person) filter.person = f.person;
      if (f.role) filter.role = f.role;
      if (f.direction) filter.direction = f.direction;
      if (!f.company && !f.person && !f.role) return scan(f.since ?? null, f.direction ?? '', limit);
      if (!f.since) return read(filter, limit);
      // The store counts back whole days from now; the exact instant is checked on each record.
      const sinceMs = f.since.getTime();
      filter.days = Math.max(0, (at.getTime() - sinceMs) / DAY_MS) + 1 / DAY_MS;
      return read(filter, limit, (r) => Date.parse(r.firstReported) >= sinceMs);
    },
    suggest,
    async nearest(kind, typed, limit = 5) {
      // A name the user began to type is the best guess; else names sharing a word's first
      // letters, ranked by how few letters differ.
      const started = await suggest(kind, typed, limit);
      if (started.length) return started;
      const pool = new Set<string>();
      for (const word of nameWords(typed)) if (word.length >= 2) for (const name of await suggest(kind, word.slice(0, 2), PAGE)) pool.add(name);
      return nearestNames(typed, pool, limit);
    },
  };
}
