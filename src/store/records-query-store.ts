import { changeRecordFromEvent } from '../timeline/from-event.js';
import type { ChangeRecord } from '../timeline/change-record.js';
import type { RecordsQuery, RecordsResult } from '../timeline/records-query.js';
import { ChangeEventSchema } from '../core/events/model.js';
import type { Db } from './db.js';
import { sqliteGate } from './unit-of-work.js';
import { recordsOverEvents, type EventReads } from './records-over-events.js';

/**
 * The records query over SQLite's events (src/store/records-over-events.ts), whose scan by time
 * reads the table in one pass.
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

  return recordsOverEvents(events, now, scan);
}
