import { describe, expect, it } from 'vitest';
import type { LlmCallRecord } from '../../src/store/llm-store.js';
import { memoryStore } from './support.js';

const call = (over: Partial<LlmCallRecord> = {}): LlmCallRecord => ({
  at: '2024-05-01T10:00:00.000Z', day: '2024-05-01', model: 'gpt-4o-mini', itemId: 'i1', contentHash: 'h1',
  mode: 'json_schema', outcome: 'ok', promptTokens: 1000, completionTokens: 100, totalTokens: 1100,
  usageSource: 'api', attempts: 1, durationMs: 300, changes: 1, dropped: 0, error: null, ...over,
});

describe('the SQLite LLM store', () => {
  it('sums a day for the budgets and a period for stats, by outcome and by model', () => {
    const store = memoryStore();
    store.recordCall(call());
    store.recordCall(call({ outcome: 'timeout', promptTokens: 900, completionTokens: 0, totalTokens: 900, usageSource: 'estimate', changes: 0 }));
    store.recordCall(call({ day: '2024-05-02', model: 'gpt-4.1-mini', dropped: 2 }));
    expect(store.dayUsage('2024-05-01')).toEqual({ day: '2024-05-01', calls: 2, totalTokens: 2000 });
    expect(store.dayUsage('2024-04-30')).toEqual({ day: '2024-04-30', calls: 0, totalTokens: 0 });
    expect(store.summary()).toMatchObject({
      calls: 3, byOutcome: { ok: 2, timeout: 1 }, promptTokens: 2900, completionTokens: 200, totalTokens: 3100,
      estimatedUsageCalls: 1, changes: 2, droppedUngrounded: 2,
      byModel: [
        { model: 'gpt-4.1-mini', calls: 1, promptTokens: 1000, completionTokens: 100 },
        { model: 'gpt-4o-mini', calls: 2, promptTokens: 1900, completionTokens: 100 },
      ],
    });
    expect(store.summary('2024-05-02')).toMatchObject({ since: '2024-05-02', calls: 1, droppedUngrounded: 2 });
  });

  it('reports a budget as exceeded once per day, and keeps skip counters', () => {
    const store = memoryStore();
    expect(store.markBudgetExceeded('2024-05-01', 'items')).toBe(true);
    expect(store.markBudgetExceeded('2024-05-01', 'tokens')).toBe(false);
    expect(store.markBudgetExceeded('2024-05-02', 'tokens')).toBe(true);
    store.countSkip('2024-05-01', 'budget');
    store.countSkip('2024-05-01', 'cache_hit');
    store.countSkip('2024-05-02', 'prefilter');
    expect(store.summary()).toMatchObject({ budgetSkips: 1, cacheHits: 1, prefilterSkips: 1, budgetExceededDays: ['2024-05-01', '2024-05-02'] });
  });

  it('caches by content hash, the latest result winning', () => {
    const store = memoryStore();
    expect(store.getCached('h')).toBeUndefined();
    store.putCached('h', 'gpt-4o-mini', '[]', '2024-05-01T00:00:00Z');
    store.putCached('h', 'gpt-4o-mini', '[{"x":1}]', '2024-05-02T00:00:00Z');
    expect(store.getCached('h')).toEqual({ model: 'gpt-4o-mini', createdAt: '2024-05-02T00:00:00Z', changesJson: '[{"x":1}]' });
  });
});
