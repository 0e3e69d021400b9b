import type { Db } from './db.js';

/** One call to the model, as `execwatch stats` and the budgets read it back. */
export interface LlmCallRecord {
  at: string;
  /** UTC date (YYYY-MM-DD) the call counts against. */
  day: string;
  model: string;
  itemId: string;
  contentHash: string;
  mode: 'json_schema' | 'json_object';
  /** 'ok' or the failure kind (timeout, rate_limit, server, refusal, length, schema, …). */
  outcome: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** 'api': from the response's usage; 'estimate': the prompt counted locally; 'none': not billed. */
  usageSource: 'api' | 'estimate' | 'none';
  attempts: number;
  durationMs: number;
  changes: number;
  dropped: number;
  error: string | null;
}

export interface LlmDayUsage {
  day: string;
  calls: number;
  totalTokens: number;
}

export interface CachedLlmResult {
  model: string;
  createdAt: string;
  changesJson: string;
}

export interface LlmModelTotals {
  model: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

export interface LlmSummary {
  /** First day included, or null for all time. */
  since: string | null;
  calls: number;
  byOutcome: Record<string, number>;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  byModel: LlmModelTotals[];
  /** Calls whose usage was estimated because the API gave none (timeouts). */
  estimatedUsageCalls: number;
  changes: number;
  droppedUngrounded: number;
  cacheHits: number;
  budgetSkips: number;
  prefilterSkips: number;
  budgetExceededDays: string[];
}

export type LlmSkipKind = 'cache_hit' | 'budget' | 'prefilter';

export interface LlmStore {
  recordCall(call: LlmCallRecord): void;
  dayUsage(day: string): LlmDayUsage;
  getCached(contentHash: string): CachedLlmResult | undefined;
  putCached(contentHash: string, model: string, changesJson: string, at: string): void;
  countSkip(day: string, kind: LlmSkipKind): void;
  /** Notes that the day's budget ran out; true only the first time for that day. */
  markBudgetExceeded(day: string, which: 'items' | 'tokens'): boolean;
  summary(sinceDay?: string): LlmSummary;
}

const SKIP_COLUMN: Record<LlmSkipKind, string> = {
  cache_hit: 'cache_hits',
  budget: 'budget_skips',
  prefilter: 'prefilter_skips',
};

export function createLlmStore(db: Db): LlmStore {
  const insertCall = db.prepare(
    `INSERT INTO llm_calls (at, day, model, item_id, content_hash, mode, outcome, prompt_tokens, completion_tokens,
       total_tokens, usage_source, attempts, duration_ms, changes, dropped, error)
     VALUES (@at, @day, @model, @itemId, @contentHash, @mode, @outcome, @promptTokens, @completionTokens,
       @totalTokens, @usageSource, @attempts, @durationMs, @changes, @dropped, @error)`,
  );
  const dayUsage = db.prepare<[string], { calls: number; tokens: number | null }>(
    'SELECT COUNT(*) AS calls, SUM(total_tokens) AS tokens FROM llm_calls WHERE day = ?',
  );
  const getCached = db.prepare<[string], { model: string; created_at: string; changes_json: string }>(
    'SELECT model, created_at, changes_json FROM llm_cache WHERE content_hash = ?',
  );
  const putCached = db.prepare(
    `INSERT INTO llm_cache (content_hash, model, created_at, changes_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (content_hash) DO UPDATE SET model = excluded.model, created_at = excluded.created_at,
       changes_json = excluded.changes_json`,
  );
  const ensureDay = db.prepare('INSERT OR IGNORE INTO llm_days (day) VALUES (?)');
  const countSkip = Object.fromEntries(
    Object.entries(SKIP_COLUMN).map(([kind, col]) => [
      kind,
      db.prepare(`UPDATE llm_days SET ${col} = ${col} + 1 WHERE day = ?`),
    ]),
  ) as Record<LlmSkipKind, ReturnType<Db['prepare']>>;
  const markExceeded = db.prepare(
    'UPDATE llm_days SET budget_exceeded = ? WHERE day = ? AND budget_exceeded IS NULL',
  );

  return {
    recordCall(call) {
      insertCall.run(call);
    },
    dayUsage(day) {
      const row = dayUsage.get(day);
      return { day, calls: row?.calls ?? 0, totalTokens: row?.tokens ?? 0 };
    },
    getCached(hash) {
      const row = getCached.get(hash);
      return row ? { model: row.model, createdAt: row.created_at, changesJson: row.changes_json } : undefined;
    },
    putCached(hash, model, changesJson, at) {
      putCached.run(hash, model, at, changesJson);
    },
    countSkip(day, kind) {
      ensureDay.run(day);
      countSkip[kind].run(day);
    },
    markBudgetExceeded(day, which) {
      ensureDay.run(day);
      return markExceeded.run(which, day).changes > 0;
    },
    summary(sinceDay) {
      const since = sinceDay ?? '';
      const totals = db
        .prepare<[string], Record<string, number | null>>(
          `SELECT COUNT(*) AS calls, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion,
             SUM(total_tokens) AS total, SUM(changes) AS changes, SUM(dropped) AS dropped,
             SUM(usage_source = 'estimate') AS estimated
           FROM llm_calls WHERE day >= ?`,
        )
        .get(since) ?? {};
      const byOutcome = Object.fromEntries(
        db
          .prepare<[string], { outcome: string; n: number }>(
            'SELECT outcome, COUNT(*) AS n FROM llm_calls WHERE day >= ? GROUP BY outcome ORDER BY outcome',
          )
          .all(since)
          .map((r) => [r.outcome, r.n]),
      );
      const byModel = db
        .prepare<[string], LlmModelTotals>(
          `SELECT model, COUNT(*) AS calls, SUM(prompt_tokens) AS promptTokens, SUM(completion_tokens) AS completionTokens
           FROM llm_calls WHERE day >= ? GROUP BY model ORDER BY model`,
        )
        .all(since);
      const days = db
        .prepare<[string], Record<string, number | null>>(
          `SELECT SUM(cache_hits) AS cache, SUM(budget_skips) AS budget, SUM(prefilter_skips) AS prefilter
           FROM llm_days WHERE day >= ?`,
        )
        .get(since) ?? {};
      const exceeded = db
        .prepare<[string], { day: string }>(
          'SELECT day FROM llm_days WHERE day >= ? AND budget_exceeded IS NOT NULL ORDER BY day',
        )
        .all(since)
        .map((r) => r.day);
      return {
        since: sinceDay ?? null,
        calls: totals.calls ?? 0,
        byOutcome,
        promptTokens: totals.prompt ?? 0,
        completionTokens: totals.completion ?? 0,
        totalTokens: totals.total ?? 0,
        byModel,
        estimatedUsageCalls: totals.estimated ?? 0,
        changes: totals.changes ?? 0,
        droppedUngrounded: totals.dropped ?? 0,
        cacheHits: days.cache ?? 0,
        budgetSkips: days.budget ?? 0,
        prefilterSkips: days.prefilter ?? 0,
        budgetExceededDays: exceeded,
      };
    },
  };
}
