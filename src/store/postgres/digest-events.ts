import { ChangeEventSchema } from '../../core/events/model.js';
import type { DigestEventSource } from '../../ports/digests.js';
import type { PgDb } from './db.js';

/** What a digest reads, in Postgres: the query of src/store/digest-events.ts. */
export function createPgDigestEventSource(db: PgDb): DigestEventSource {
  return {
    eventsRecordedIn: async (start, end) =>
      (await db.query<{ json: string }>(
        `SELECT e.json FROM events e
         WHERE e.id IN (SELECT s.event_id FROM items i JOIN event_sources s ON s.item_id = i.id WHERE i.seen_at >= $1 AND i.seen_at < $2)
           AND e.merged_into IS NULL AND e.alert_state = 'released'
           AND NOT EXISTS (SELECT 1 FROM event_sources s2 JOIN items i2 ON i2.id = s2.item_id WHERE s2.event_id = e.id AND i2.seen_at < $1)
         ORDER BY e.first_seen, e.id`,
        [start.toISOString(), end.toISOString()],
      )).map((r) => ChangeEventSchema.parse(JSON.parse(r.json))),
  };
}
