import type { Migration } from './types.js';

// Digest subscriptions: a channel gets one summary a day or a week instead of each alert. The
// schedule is stored as parsed (cadence, local time, IANA zone, weekday); `digest_after` is the
// end of the last period posted (or when the digest was set up), what the next due periods are
// counted from. It is written in the transaction that puts the digest in the outbox.
export const migration: Migration = {
  version: 10,
  name: 'digests',
  up: `
    ALTER TABLE discord_subscriptions ADD COLUMN mode TEXT NOT NULL DEFAULT 'alert';  -- 'alert' | 'digest'
    ALTER TABLE discord_subscriptions ADD COLUMN digest_cadence TEXT;                  -- 'daily' | 'weekly'
    ALTER TABLE discord_subscriptions ADD COLUMN digest_time TEXT;                     -- 'HH:MM'
    ALTER TABLE discord_subscriptions ADD COLUMN digest_time_zone TEXT;                -- IANA name
    ALTER TABLE discord_subscriptions ADD COLUMN digest_weekday TEXT;
    ALTER TABLE discord_subscriptions ADD COLUMN digest_post_empty INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE discord_subscriptions ADD COLUMN digest_after TEXT;                    -- ISO instant
  `,
};
