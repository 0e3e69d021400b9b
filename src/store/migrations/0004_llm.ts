import type { Migration } from './types.js';

// LLM extraction: one row per model call (with the usage the API reported), results cached by
// content hash, and per-day counters for budgets and for what `execwatch stats` reports.
export const migration: Migration = {
  version: 4,
  name: 'llm',
  up: `
    CREATE TABLE llm_calls (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      day TEXT NOT NULL,                          -- UTC date, the budget period
      model TEXT NOT NULL,
      item_id TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      mode TEXT NOT NULL,                         -- 'json_schema' | 'json_object'
      outcome TEXT NOT NULL,                      -- 'ok' or the failure kind
      prompt_tokens INTEGER NOT NULL DEFAULT 0,
      completion_tokens INTEGER NOT NULL DEFAULT 0,
      total_tokens INTEGER NOT NULL DEFAULT 0,
      usage_source TEXT NOT NULL,                 -- 'api' | 'estimate' | 'none'
      attempts INTEGER NOT NULL DEFAULT 1,
      duration_ms INTEGER NOT NULL DEFAULT 0,
      changes INTEGER NOT NULL DEFAULT 0,
      dropped INTEGER NOT NULL DEFAULT 0,
      error TEXT
    );
    CREATE INDEX llm_calls_day ON llm_calls (day);

    CREATE TABLE llm_cache (
      content_hash TEXT PRIMARY KEY,
      model TEXT NOT NULL,
      created_at TEXT NOT NULL,
      changes_json TEXT NOT NULL
    );

    CREATE TABLE llm_days (
      day TEXT PRIMARY KEY,
      cache_hits INTEGER NOT NULL DEFAULT 0,
      budget_skips INTEGER NOT NULL DEFAULT 0,
      prefilter_skips INTEGER NOT NULL DEFAULT 0,
      budget_exceeded TEXT                        -- 'items' | 'tokens' once the day's budget ran out
    );
  `,
};
