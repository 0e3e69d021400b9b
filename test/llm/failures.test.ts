import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewsItem } from '../../src/core/change.js';
import { reply, startOpenAIEmulator, type OpenAIEmulator, type ScriptedReply } from '../support/openai-emulator.js';
import { openDatabase } from '../../src/store/db.js';
import { createLlmStore } from '../../src/store/llm-store.js';
import { buildItem, captureLogger, extractChanges, extractorFor, llmChange, memoryStore } from './support.js';

let emulator: OpenAIEmulator;
beforeEach(async () => {
  emulator = await startOpenAIEmulator();
});
afterEach(async () => {
  await emulator.close();
});

// An item on which the built-in extractor has something to say (needs no ../shared).
const item: NewsItem = buildItem();

it('the built-in extractor finds something in the item, so "its result stands" is observable', () => {
  expect(extractChanges(item).length).toBeGreaterThan(0);
});

interface FailureCase {
  name: string;
  replies: ScriptedReply[];
  kind: string;
  maxRetries: number;
  requests: number;
  usage: 'api' | 'estimate' | 'none';
}

const cases: FailureCase[] = [
  {
    name: 'a reply that breaks the schema',
    replies: [reply.json({ changes: [{ person: 'Daniel Zhang', direction: 'sideways' }] })],
    kind: 'schema', maxRetries: 1, requests: 1, usage: 'api',
  },
  {
    name: 'invalid JSON',
    replies: [reply.text('{"changes": [ {"person": "Daniel Zhang", ')],
    kind: 'invalid_json', maxRetries: 1, requests: 1, usage: 'api',
  },
  { name: 'a refusal', replies: [reply.refusal()], kind: 'refusal', maxRetries: 1, requests: 1, usage: 'api' },
  { name: 'finish_reason "length"', replies: [reply.length()], kind: 'length', maxRetries: 1, requests: 1, usage: 'api' },
  {
    name: '500s on every attempt',
    replies: [reply.serverError(500), reply.serverError(503)],
    kind: 'server', maxRetries: 1, requests: 2, usage: 'none',
  },
  {
    name: '429 on every attempt',
    replies: [reply.rateLimit(0), reply.rateLimit(0)],
    kind: 'rate_limit', maxRetries: 1, requests: 2, usage: 'none',
  },
  {
    name: '429 asking for a longer wait than allowed (not retried)',
    replies: [reply.rateLimit(3600), reply.json({ changes: [] })],
    kind: 'rate_limit', maxRetries: 2, requests: 1, usage: 'none',
  },
  {
    name: 'a reply slower than the timeout',
    replies: [reply.slow(3_000, reply.json({ changes: [] }))],
    kind: 'timeout', maxRetries: 0, requests: 1, usage: 'estimate',
  },
];

describe('every LLM failure leaves the built-in result standing', () => {
  it.each(cases)('$name -> $kind', async (c) => {
    const store = memoryStore();
    const logger = captureLogger();
    const extractor = extractorFor(emulator.baseURL, store, { maxRetries: c.maxRetries, timeoutMs: 300, logger });
    emulator.enqueue(...c.replies);

    const result = await extractor.extractDetailed(item);

    expect(result.by).toBe('builtin');
    expect(result.reason).toBe(c.kind);
    expect(result.changes).toEqual(extractChanges(item));
    expect(emulator.completionRequests()).toHaveLength(c.requests);
    const summary = store.summary();
    expect(summary.byOutcome).toEqual({ [c.kind]: 1 });
    if (c.usage === 'api') expect(summary.totalTokens).toBeGreaterThan(0);
    if (c.usage === 'none') expect(summary.totalTokens).toBe(0);
    if (c.usage === 'estimate') expect(summary.estimatedUsageCalls).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.obj)).toEqual([
      expect.objectContaining({ itemId: item.id, kind: c.kind }),
    ]);
    // Failures are not cached: the next run asks again.
    emulator.enqueue(reply.json({ changes: [] }));
    expect((await extractor.extractDetailed(item)).by).toBe('llm');
  });

  it('a 429 with Retry-After followed by success waits as told and uses the answer', async () => {
    const store = memoryStore();
    const extractor = extractorFor(emulator.baseURL, store, { maxRetries: 2 });
    emulator.enqueue(
      reply.rateLimit(1),
      reply.json({
        changes: [llmChange({ person: 'John Smith', direction: 'out', reason: 'retired', counterpart: { name: 'Jane Roe', relation: 'succeeded_by' } })],
      }),
    );
    const result = await extractor.extractDetailed(item);
    expect(result.by).toBe('llm');
    expect(result.changes.map((c) => c.person.name)).toEqual(['John Smith']);
    const [first, second] = emulator.completionRequests();
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(store.summary().byOutcome).toEqual({ ok: 1 });
  });

  it('a wrong API key is an auth failure, and the key never reaches the logs', async () => {
    await emulator.close();
    emulator = await startOpenAIEmulator({ apiKey: 'sk-right-key' });
    const logger = captureLogger();
    const store = memoryStore();
    const extractor = extractorFor(emulator.baseURL, store, { apiKey: 'sk-wrong-key-1234567890', logger });
    const result = await extractor.extractDetailed(buildItem());
    expect(result).toMatchObject({ by: 'builtin', reason: 'auth' });
    expect(JSON.stringify(logger.lines)).not.toContain('sk-wrong-key-1234567890');
  });

  it('a broken call log (database closed) costs no item: the built-in result stands', async () => {
    const db = openDatabase(':memory:');
    const logger = captureLogger();
    const extractor = extractorFor(emulator.baseURL, createLlmStore(db), { logger });
    db.close();
    const result = await extractor.extractDetailed(item);
    expect(result).toMatchObject({ by: 'builtin', reason: 'other', changes: extractChanges(item) });
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });
});
