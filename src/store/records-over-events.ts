import type { EventFilter, EventStore } from '../ports/events.js';
import type { ChangeRecord } from '../timeline/change-record.js';
import { changeRecordFromEvent } from '../timeline/from-event.js';
import { nameWords, nearestNames } from '../timeline/nearest.js';
import type { RecordsFilter, RecordsQuery, RecordsResult } from '../timeline/records-query.js';

const DAY_MS = 86_400_000;
/** The event store's largest page. */
export const EVENT_PAGE = 100;

export type EventReads = Pick<EventStore, 'recentEvents' | 'suggestOrganizations' | 'suggestPeople'>;

/** Live events newest first by first report, from `since`, of one direction ('' both), as records up to `limit`. */
export type ScanByTime = (since: Date | null, direction: string, limit: number) => Promise<RecordsResult>;

/**
 * The records query over stored events, whatever the backend: the `/changes` matching
 * (recentEvents) read page by page up to the caller's limit, each live event as one ChangeRecord.
 * A filter of time and direction alone (an export of everything) goes to the backend's `scan`:
 * paging by offset through 100,000 events would read them some thousand times.
 */
export function recordsOverEvents(events: EventReads, now: () => Date, scan: ScanByTime): RecordsQuery {
  const read = async (filter: EventFilter, limit: number, keep: (r: ChangeRecord) => boolean = () => true): Promise<RecordsResult> => {
    const records: ChangeRecord[] = [];
    for (let offset = 0; ; offset += EVENT_PAGE) {
      const page = await events.recentEvents({ ...filter, limit: EVENT_PAGE, offset });
      for (const event of page.events) {
        const record = changeRecordFromEvent(event);
        if (!record || !keep(record)) continue;
        if (records.length === limit) return { records, truncated: true };
        records.push(record);
      }
      if (page.events.length < EVENT_PAGE) return { records, truncated: false };
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
      for (const word of nameWords(typed)) if (word.length >= 2) for (const name of await suggest(kind, word.slice(0, 2), EVENT_PAGE)) pool.add(name);
      return nearestNames(typed, pool, limit);
    },
  };
}
