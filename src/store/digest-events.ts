import { ChangeEventSchema } from '../core/events/model.js';
import type { Db } from './db.js';
import { gated } from './gated.js';
import type { DigestEventSource } from '../ports/digests.js';

export function createDigestEventSource(db: Db): DigestEventSource {
  // items_seen finds the period's items, event_sources_item their events; the NOT EXISTS walks
  // each candidate's few sources by the event_sources primary key.
  const inPeriod = db.prepare<{ start: string; end: string }, { json: string }>(
    `SELECT e.json FROM events e
     WHERE e.id IN (SELECT s.event_id FROM items i JOIN event_sources s ON s.item_id = i.id WHERE i.seen_at >= @start AND i.seen_at < @end)
       AND e.merged_into IS NULL AND e.alert_state = 'released'
       AND NOT EXISTS (SELECT 1 FROM event_sources s2 JOIN items i2 ON i2.id = s2.item_id WHERE s2.event_id = e.id AND i2.seen_at < @start)
     ORDER BY e.first_seen, e.id`,
  );
  return gated<DigestEventSource>(db, {
    eventsRecordedIn: (start, end) =>
      inPeriod.all({ start: start.toISOString(), end: end.toISOString() }).map((r) => ChangeEventSchema.parse(JSON.parse(r.json))),
  });
}
