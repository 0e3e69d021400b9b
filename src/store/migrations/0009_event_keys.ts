import type { Migration } from './types.js';

// The merger's candidate index, keyed for the matching it does now: each identifying word of a
// person's names folded for accents and transliteration ("sergei" for Sergey and Sergei), with
// the direction in the key, so that a lookup reads only the rows of one name word and one
// direction. The folding is code, not SQL: the events stored before are listed in
// event_reindex and re-indexed by the store when it opens (src/store/event-store.ts).
export const migration: Migration = {
  version: 9,
  name: 'event-person-keys',
  up: `
    DROP TABLE event_tokens;
    CREATE TABLE event_person_keys (
      key TEXT NOT NULL,
      direction TEXT NOT NULL,
      event_id TEXT NOT NULL,
      horizon TEXT NOT NULL,
      PRIMARY KEY (key, direction, event_id)
    ) WITHOUT ROWID;
    CREATE TABLE event_reindex (event_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO event_reindex SELECT id FROM events WHERE merged_into IS NULL;
    UPDATE events SET index_sig = '';
  `,
};
