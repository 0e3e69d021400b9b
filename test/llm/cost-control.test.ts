import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetNotice } from '../../src/llm/openai-extractor.js';
import { reply, startOpenAIEmulator, type OpenAIEmulator } from '../support/openai-emulator.js';
import { buildItem, captureLogger, extractChanges, extractorFor, isRelevant, llmChange, memoryStore } from './support.js';

let emulator: OpenAIEmulator;
beforeEach(async () => {
  emulator = await startOpenAIEmulator();
});
afterEach(async () => {
  await emulator.close();
});

const itemNo = (n: number) => buildItem({
  id: `item-${n}`,
  title: `Company ${n} names Jane Roe chief financial officer`,
  summary: `Company ${n} said Jane Roe will become its chief financial officer, succeeding John Smith, who is retiring.`,
});

describe('daily budgets', () => {
  it('stop calls at the item limit: built-in only, one log line, one admin alert; the next day calls resume', async () => {
    const store = memoryStore();
    const logger = captureLogger();
    const notices: BudgetNotice[] = [];
    let clock = new Date('2024-05-01T10:00:00Z');
    const extractor = extractorFor(emulator.baseURL, store, {
      maxItemsPerDay: 2, logger, now: () => clock, onBudgetExceeded: (n) => {
        notices.push(n);
      },
    });

    const results = [];
    for (let n = 1; n <= 5; n++) results.push(await extractor.extractDetailed(itemNo(n)));

    expect(emulator.completionRequests()).toHaveLength(2);
    expect(results.map((r) => r.by)).toEqual(['llm', 'llm', 'builtin', 'builtin', 'builtin']);
    expect(results[2]).toMatchObject({ reason: 'budget', changes: extractChanges(itemNo(3)) });
    expect(logger.lines.filter((l) => /budget/.test(l.msg ?? ''))).toHaveLength(1);
    expect(notices).toEqual([{ day: '2024-05-01', which: 'items', limit: 2, model: 'gpt-4o-mini' }]);
    expect(store.summary()).toMatchObject({ calls: 2, budgetSkips: 3, budgetExceededDays: ['2024-05-01'] });

    clock = new Date('2024-05-02T00:00:01Z');
    expect((await extractor.extractDetailed(itemNo(6))).by).toBe('llm');
    expect(emulator.completionRequests()).toHaveLength(3);
  });

  it('stop calls once the day\'s tokens (as the API reported them) would pass the limit', async () => {
    const store = memoryStore();
    const notices: BudgetNotice[] = [];
    const extractor = extractorFor(emulator.baseURL, store, {
      maxTokensPerDay: 6_000, onBudgetExceeded: (n) => {
        notices.push(n);
      },
    });
    emulator.enqueue(
      reply.json({ changes: [] }, { prompt_tokens: 2_500, completion_tokens: 500 }),
      reply.json({ changes: [] }, { prompt_tokens: 2_500, completion_tokens: 500 }),
    );
    const results = [];
    for (let n = 1; n <= 3; n++) results.push(await extractor.extractDetailed(itemNo(n)));
    expect(results.map((r) => r.by)).toEqual(['llm', 'llm', 'builtin']);
    expect(emulator.completionRequests()).toHaveLength(2);
    expect(notices.map((n) => n.which)).toEqual(['tokens']);
    expect(store.summary().totalTokens).toBe(6_000);
  });

  it('hold under concurrency: in-flight calls count against the item limit', async () => {
    const store = memoryStore();
    const extractor = extractorFor(emulator.baseURL, store, { maxItemsPerDay: 3, concurrency: 4 });
    for (let n = 0; n < 6; n++) emulator.enqueue(reply.slow(100, reply.json({ changes: [] })));
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => extractor.extractDetailed(itemNo(n))));
    expect(results.filter((r) => r.by === 'llm')).toHaveLength(3);
    expect(emulator.completionRequests()).toHaveLength(3);
  });
});

describe('cache and concurrency', () => {
  it('the cache prevents a second call for the same content, also after a restart', async () => {
    const store = memoryStore();
    const first = extractorFor(emulator.baseURL, store);
    emulator.enqueue(reply.json({ changes: [llmChange()] }));
    const a = await first.extractDetailed(buildItem());
    const b = await first.extractDetailed(buildItem({ id: 'same-story-other-feed', feed: 'Other Feed' }));
    const restarted = extractorFor(emulator.baseURL, store);
    const c = await restarted.extractDetailed(buildItem({ id: 'after-restart' }));

    expect(emulator.completionRequests()).toHaveLength(1);
    expect([a.by, b.by, c.by]).toEqual(['llm', 'cache', 'cache']);
    expect(b.changes[0]).toEqual({ ...a.changes[0], source: { ...a.changes[0]!.source, itemId: 'same-story-other-feed', feed: 'Other Feed' } });
    expect(c.changes[0]?.source.itemId).toBe('after-restart');
    expect(store.summary()).toMatchObject({ calls: 1, cacheHits: 2 });
  });

  it('changed text is a new call; the same text arriving twice at once is one call', async () => {
    const store = memoryStore();
    const extractor = extractorFor(emulator.baseURL, store);
    emulator.enqueue(reply.slow(100, reply.json({ changes: [] })));
    await Promise.all([extractor.extract(buildItem()), extractor.extract(buildItem({ id: 'twin' }))]);
    expect(emulator.completionRequests()).toHaveLength(1);
    await extractor.extract(buildItem({ summary: `${buildItem().summary} Updated.` }));
    expect(emulator.completionRequests()).toHaveLength(2);
  });

  it('never has more calls open than the concurrency limit', async () => {
    const extractor = extractorFor(emulator.baseURL, memoryStore(), { concurrency: 2 });
    for (let n = 0; n < 6; n++) emulator.enqueue(reply.slow(80, reply.json({ changes: [] })));
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => extractor.extract(itemNo(n))));
    expect(emulator.completionRequests()).toHaveLength(6);
    expect(emulator.maxConcurrent()).toBe(2);
  });

  it('sends only items that pass the prefilter', async () => {
    const store = memoryStore();
    const extractor = extractorFor(emulator.baseURL, store);
    const quiet = buildItem({
      id: 'earnings',
      title: 'Acme quarterly revenue rises 8% on cloud demand',
      summary: 'Acme reported revenue of $4.1 billion for the quarter, ahead of analyst estimates.',
    });
    expect(isRelevant(quiet)).toBe(false);
    const result = await extractor.extractDetailed(quiet);
    expect(result).toMatchObject({ by: 'builtin', reason: 'prefilter', changes: extractChanges(quiet) });
    expect(emulator.completionRequests()).toHaveLength(0);
    expect(store.summary().prefilterSkips).toBe(1);
  });
});
