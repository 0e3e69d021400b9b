import { changeRecordFromEvent } from '../timeline/from-event.js';
import type { ChangeRecord } from '../timeline/change-record.js';
import { nameWords, nearestNames } from '../timeline/nearest.js';
import type { RecordsFilter, RecordsQuery, RecordsResult } from '../timeline/records-query.js';
import { ChangeEventSchema } from '../core/events/model.js';
import type { Db } from './db.js';
import { sqliteGate } from './unit-of-work.js';
import type { EventFilter, EventStore } from '../ports/events.js';

const DAY_MS = 86_400_000;
/** The event store's largest page. */
const PAGE = 100;

type EventReads = Pick<EventStore, 'recentEvents' | 'suggestOrganizations' | 'suggestPeople'>;

/**
 * The records query over stored events: the same matching as `/changes` (recentEvents), read
 * page by page up to the caller's limit, each live event as one ChangeRecord. A filter of time
 * and direction alone (an export of everything) reads the table in one pass instead: paging by
 * offset through 100,000 events would read them some thousand times.
 */
export function createRecordsQuery(db: Db, events: EventReads, now: () => Date): RecordsQuery {
  const byTime = db.prepare<[string, string, string, number], { json: string }>(
    `SELECT json FROM events WHERE merged_into IS NULL AND first_seen >= ? AND (? = '' OR direction = ?)
     ORDER BY first_seen DESC, id DESC LIMIT ?`,
  );
  const { call } = sqliteGate(db);
  const scan = (since: Date | null, direction: string, limit: number): Promise<RecordsResult> => call(() => {
    const records: ChangeRecord[] = [];
    for (const row of byTime.iterate(since ? since.toISOString() : '', direction, direction, limit + 1)) {
      const record = changeRecordFromEvent(ChangeEventSchema.parse(JSON.parse(row.json)));
      if (!record) continue;
      if (records.length === limit) return { records, truncated: true };
      records.push(record);
    }
    return { records, truncated: false };
  });

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
    async matching(f: RecordsFilter, limit) {
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
