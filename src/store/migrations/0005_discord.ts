import type { Migration } from './types.js';

// Discord: per-channel subscriptions with their filters and pause state, and what delivery needs
// to be idempotent across restarts (the alert it was sending, a fingerprint of what was posted).
export const migration: Migration = {
  version: 5,
  name: 'discord',
  up: `
    CREATE TABLE discord_subscriptions (
      id INTEGER PRIMARY KEY,
      guild_id TEXT NOT NULL,
      channel_id TEXT NOT NULL UNIQUE,
      companies TEXT NOT NULL DEFAULT '[]',       -- JSON arrays of what the user typed
      people TEXT NOT NULL DEFAULT '[]',
      roles TEXT NOT NULL DEFAULT '[]',
      directions TEXT NOT NULL DEFAULT '[]',
      min_confidence REAL NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'active',      -- 'active' | 'paused'
      paused_reason TEXT,
      paused_at TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX discord_subscriptions_guild ON discord_subscriptions(guild_id);

    -- The alert being delivered, so a restart can finish what it started.
    CREATE TABLE delivery_outbox (
      alert_key TEXT PRIMARY KEY,
      alert_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    ALTER TABLE deliveries ADD COLUMN payload_hash TEXT;

    -- What /changes filters by, newest first, with 100,000 rows and more.
    CREATE INDEX changes_role_recent ON changes(role_category, direction, created_at);
    CREATE INDEX changes_direction_recent ON changes(direction, created_at);
    CREATE INDEX changes_org_recent ON changes(organization_key, created_at);
    CREATE INDEX changes_person_recent ON changes(person_key, created_at);
  `,
};
