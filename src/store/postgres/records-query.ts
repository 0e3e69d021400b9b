import { ChangeEventSchema } from '../../core/events/model.js';
import type { ChangeRecord } from '../../timeline/change-record.js';
import { changeRecordFromEvent } from '../../timeline/from-event.js';
import type { RecordsQuery } from '../../timeline/records-query.js';
import { recordsOverEvents, type EventReads, type ScanByTime } from '../records-over-events.js';
import type { PgDb } from './db.js';

/** Rows read per round trip when scanning by time. */
const SCAN_BATCH = 200;

/**
 * The records query over events in Postgres: the shared matching (src/store/records-over-events.ts),
 * and the read by time in keyset batches (first_seen, id) rather than one cursor.
 */
export function createPgRecordsQuery(db: PgDb, events: EventReads, now: () => Date): RecordsQuery {
  const scan: ScanByTime = async (since, direction, limit) => {
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
  return recordsOverEvents(events, now, scan);
}
