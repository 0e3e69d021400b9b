// What the digest runner reads from storage.

import type { ChangeEvent } from '../core/events/model.js';

/** What a digest reads: the events that alerted within a period. */
export interface DigestEventSource {
  /**
   * Live, released events whose earliest report was stored (its item seen) in [start, end),
   * oldest first by first report. By when we stored it, not when it was published: a story
   * published at 08:59 and read at 09:05 belongs to the next digest, not to none, and each
   * event is in exactly one period (a later report of it adds a later item, never an earlier one).
   */
  eventsRecordedIn(start: Date, end: Date): Promise<ChangeEvent[]>;
}
