import type { Migration } from './types.js';

// Feed health beyond the basics: the HTTP status and duration of the last poll, why and when a
// feed was disabled, and the URL a permanent redirect pointed to.
export const migration: Migration = {
  version: 2,
  name: 'feeds',
  up: `
    ALTER TABLE feeds ADD COLUMN last_status INTEGER;
    ALTER TABLE feeds ADD COLUMN last_duration_ms INTEGER;
    ALTER TABLE feeds ADD COLUMN disabled_at TEXT;
    ALTER TABLE feeds ADD COLUMN disabled_reason TEXT;
    ALTER TABLE feeds ADD COLUMN final_url TEXT;
    CREATE INDEX items_seen ON items(seen_at);
  `,
};
