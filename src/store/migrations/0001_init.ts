import type { Migration } from './types.js';

export const migration: Migration = {
  version: 1,
  name: 'init',
  up: `
    CREATE TABLE feeds (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      origin TEXT NOT NULL DEFAULT 'config',       -- 'config' | 'user'
      guild_id TEXT,
      interval_minutes INTEGER,
      added_at TEXT NOT NULL,
      etag TEXT,
      last_modified TEXT,
      last_polled_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      failing_since TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      next_poll_at TEXT,
      item_count INTEGER NOT NULL DEFAULT 0,
      baseline_done INTEGER NOT NULL DEFAULT 0,
      disabled INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE items (
      id TEXT PRIMARY KEY,
      feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      url TEXT,
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,
      published_at TEXT,
      seen_at TEXT NOT NULL,
      status TEXT NOT NULL,                       -- 'baseline' | 'processed' | 'failed'
      extractor TEXT,
      change_count INTEGER NOT NULL DEFAULT 0,
      note TEXT
    );
    CREATE INDEX items_url ON items(url);
    CREATE INDEX items_title_key ON items(title_key);

    CREATE TABLE changes (
      id INTEGER PRIMARY KEY,
      item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      person TEXT NOT NULL,
      person_key TEXT NOT NULL,
      organization TEXT NOT NULL,
      organization_key TEXT NOT NULL,
      role_category TEXT NOT NULL,
      direction TEXT NOT NULL,
      interim INTEGER NOT NULL,
      confidence REAL NOT NULL,
      published_at TEXT,
      created_at TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX changes_created ON changes(created_at);
    CREATE INDEX changes_person ON changes(person_key);
    CREATE INDEX changes_org ON changes(organization_key);
    CREATE INDEX changes_item ON changes(item_id);

    CREATE TABLE deliveries (
      alert_key TEXT NOT NULL,
      target TEXT NOT NULL,
      message_id TEXT,
      status TEXT NOT NULL,                       -- 'pending' | 'sent' | 'failed'
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (alert_key, target)
    );
  `,
};
