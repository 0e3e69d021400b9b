import type { Migration } from './types.js';

// Events: one row per merged change (person × move), with the words the merger looks candidates
// up by, the words and names the slash commands filter and autocomplete on, the items that
// reported it, and what the merger learned (aliases, units).
export const migration: Migration = {
  version: 3,
  name: 'events',
  up: `
    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      person TEXT NOT NULL,
      organization TEXT NOT NULL,
      role TEXT NOT NULL,
      direction TEXT NOT NULL,                    -- 'in' | 'out'
      interim INTEGER NOT NULL,
      confidence REAL NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      horizon TEXT NOT NULL,                      -- max(last_seen, effective date): open for merging until + window
      merged_into TEXT,                           -- set when a later report showed it is another event
      alert_state TEXT NOT NULL,                  -- 'released' | 'held' | 'suppressed'
      revision INTEGER NOT NULL,
      index_sig TEXT NOT NULL,                    -- what the word indexes were built from: skip rebuilding when unchanged
      index_rows TEXT NOT NULL,                   -- the rows written to event_tokens/terms/names, to remove them by key
      json TEXT NOT NULL
    );
    CREATE INDEX events_live_first_seen ON events(first_seen, id) WHERE merged_into IS NULL;

    -- The merger's candidate index: identifying words of every name of a live event. Looked up
    -- by token (the key's prefix), direction and horizon filtered on the rows: a second index on
    -- them would be rewritten by every report (the horizon moves) for little gain.
    CREATE TABLE event_tokens (
      token TEXT NOT NULL,
      event_id TEXT NOT NULL,
      direction TEXT NOT NULL,
      horizon TEXT NOT NULL,
      PRIMARY KEY (token, event_id)
    ) WITHOUT ROWID;

    -- Filter words of live events: kind 'p' person words, 'o' organisation (and parent) words,
    -- 'r' role categories.
    CREATE TABLE event_terms (
      kind TEXT NOT NULL,
      term TEXT NOT NULL,
      event_id TEXT NOT NULL,
      PRIMARY KEY (kind, term, event_id)
    ) WITHOUT ROWID;

    -- Names as reported, for autocomplete: kind 'p' or 'o'; name_key is the folded name.
    CREATE TABLE event_names (
      kind TEXT NOT NULL,
      name_key TEXT NOT NULL,
      name TEXT NOT NULL,
      event_id TEXT NOT NULL,
      PRIMARY KEY (kind, name_key, event_id)
    ) WITHOUT ROWID;
    CREATE TABLE name_words (
      kind TEXT NOT NULL,
      word TEXT NOT NULL,
      name_key TEXT NOT NULL,
      PRIMARY KEY (kind, word, name_key)
    ) WITHOUT ROWID;

    -- The items that reported an event (for /why and "events of this item").
    CREATE TABLE event_sources (
      event_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      url TEXT,
      PRIMARY KEY (event_id, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_sources_item ON event_sources(item_id);
    CREATE INDEX event_sources_url ON event_sources(url);

    CREATE TABLE person_alias_groups (
      name_key TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL
    );
    CREATE TABLE org_units (
      unit_key TEXT NOT NULL,
      parent_key TEXT NOT NULL,
      PRIMARY KEY (unit_key, parent_key)
    ) WITHOUT ROWID;
  `,
};
