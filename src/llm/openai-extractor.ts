import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import { isInterrupted, isPoisonItem } from '../core/poison.js';
import { silentLogger, type Logger } from '../core/log.js';
import type { LlmStore } from '../store/llm-store.js';
import {
  classifyFailure,
  describeFailure,
  isJsonSchemaUnsupported,
  LlmReplyError,
  type FailureKind,
} from './failures.js';
import { groundChanges } from './grounding.js';
import { createLimiter } from './limiter.js';
import { createMeteredFetch, newMeter, runMetered, settled, type CallMeter } from './metering.js';
import { buildMessages, DEFAULT_MAX_ITEM_CHARS, itemText, PROMPT_VERSION } from './prompt.js';
import {
  LLM_SCHEMA_NAME,
  LlmChangeSchema,
  LlmExtractionSchema,
  toLeadershipChange,
  type LlmChange,
} from './schema.js';

export type ResponseFormatMode = 'json_schema' | 'json_object';

export interface OpenAIExtractorOptions {
  apiKey: string;
  /** An OpenAI-compatible server (Ollama, vLLM, …); default: OpenAI's API. */
  baseURL?: string | null;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs?: number;
  /** The SDK's retries for timeouts, 429 and 5xx. */
  maxRetries?: number;
  concurrency?: number;
  /** Items sent to the model per UTC day; null for no limit. */
  maxItemsPerDay?: number | null;
  /** Tokens (prompt + completion, as the API reports them) per UTC day; null for no limit. */
  maxTokensPerDay?: number | null;
  /** 'auto': json_schema, switching to JSON mode when the server rejects json_schema. */
  responseFormat?: 'auto' | ResponseFormatMode;
  maxOutputTokens?: number;
  maxItemChars?: number;
  /** A 429 whose Retry-After is longer than this fails the call instead of waiting. */
  maxRetryAfterMs?: number;
}

export interface BudgetNotice {
  day: string;
  which: 'items' | 'tokens';
  limit: number;
  model: string;
}

export interface LlmCallEvent {
  model: string;
  outcome: 'ok' | FailureKind;
  promptTokens: number;
  completionTokens: number;
  dropped: number;
}

export interface OpenAIExtractorDeps extends OpenAIExtractorOptions {
  store: LlmStore;
  /** The built-in extractor: what stands whenever the model is not asked or fails. */
  builtin: (item: NewsItem) => LeadershipChange[] | Promise<LeadershipChange[]>;
  /** The relevance prefilter: only items it passes are sent to the model. */
  isRelevant: (item: NewsItem) => boolean;
  logger?: Logger;
  /** Called once per UTC day when a budget runs out (the admin alert). */
  onBudgetExceeded?: (notice: BudgetNotice) => void | Promise<void>;
  /** Called after every model call (metrics). */
  onCall?: (event: LlmCallEvent) => void;
  now?: () => Date;
  fetch?: typeof fetch;
}

/** Which path produced an item's changes, and why the model's answer was not used if it wasn't. */
export interface DetailedExtraction {
  changes: LeadershipChange[];
  by: 'llm' | 'cache' | 'builtin';
  reason: 'prefilter' | 'budget' | FailureKind | null;
  dropped: number;
}

export interface OpenAIExtractor extends Extractor {
  extractDetailed(item: NewsItem): Promise<DetailedExtraction>;
  /** The response format in use (it turns to json_object when the server lacks json_schema). */
  readonly mode: ResponseFormatMode;
}

type ModelAnswer =
  | { ok: true; changes: LlmChange[]; by: 'llm' | 'cache'; dropped: number }
  | { ok: false; reason: 'budget' | FailureKind };

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 2,
  concurrency: 2,
  maxOutputTokens: 2_000,
  maxRetryAfterMs: 20_000,
} as const;

/** Rough prompt size for budget checks and for calls the API never reported on. */
const roughTokens = (s: string): number => Math.ceil(s.length / 4);

export function contentHash(model: string, text: string): string {
  return createHash('sha256').update(`${PROMPT_VERSION}\n${model}\n${text}`).digest('hex');
}

/** A reply wrapped in a Markdown code fence (```json … ```): the inside, by slicing rather than a backtracking regex. */
function stripCodeFence(s: string): string {
  const t = s.trim();
  if (t.length < 6 || !t.startsWith('```') || !t.endsWith('```')) return s;
  const inner = t.slice(3, -3);
  return (/^json/i.test(inner) ? inner.slice(4) : inner).trim();
}

const CachedChangesSchema = z.array(LlmChangeSchema);

export const OPENAI_API_BASE = 'https://api.openai.com/v1';

export function createOpenAIExtractor(deps: OpenAIExtractorDeps): OpenAIExtractor {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const model = deps.model;
  const maxItemChars = deps.maxItemChars ?? DEFAULT_MAX_ITEM_CHARS;
  const client = new OpenAI({
    apiKey: deps.apiKey,
    // Explicit, so the SDK never picks a base URL up from process.env behind the config's back.
    baseURL: deps.baseURL ?? OPENAI_API_BASE,
    timeout: Math.max(1, Math.round(deps.timeoutMs ?? DEFAULTS.timeoutMs)),
    maxRetries: deps.maxRetries ?? DEFAULTS.maxRetries,
    fetch: createMeteredFetch(deps.fetch ?? globalThis.fetch, {
      maxRetryAfterMs: deps.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    }),
  });
  const limiter = createLimiter(deps.concurrency ?? DEFAULTS.concurrency);
  const structured = zodResponseFormat(LlmExtractionSchema, LLM_SCHEMA_NAME);
  const jsonModeSchema = z.toJSONSchema(LlmExtractionSchema);
  let mode: ResponseFormatMode = deps.responseFormat === 'json_object' ? 'json_object' : 'json_schema';
  const inFlight = new Map<string, Promise<ModelAnswer>>();
  let reservedItems = 0;
  let reservedTokens = 0;

  // Reasoning models accept only the default temperature; OpenAI-compatible servers mostly know
  // only the older max_tokens name for the output cap.
  const sampling = (): Record<string, number> => {
    const cap = deps.maxOutputTokens ?? DEFAULTS.maxOutputTokens;
    const selfHosted = deps.baseURL != null && !deps.baseURL.startsWith(OPENAI_API_BASE);
    const params: Record<string, number> = selfHosted ? { max_tokens: cap } : { max_completion_tokens: cap };
    if (!/^(o\d|gpt-5)/.test(model)) params.temperature = 0;
    return params;
  };

  const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

  async function viaJsonSchema(item: NewsItem, text: string): Promise<LlmChange[]> {
    const { system, user } = buildMessages(item, text);
    const completion = await client.chat.completions.parse({
      model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      response_format: structured,
      ...sampling(),
    });
    const message = completion.choices[0]?.message;
    if (!message) throw new LlmReplyError('other', 'the reply has no choices');
    if (message.refusal) throw new LlmReplyError('refusal', `the model refused: ${message.refusal.slice(0, 200)}`);
    if (!message.parsed) throw new LlmReplyError('schema', 'the reply has no content');
    return message.parsed.changes;
  }

  async function viaJsonMode(item: NewsItem, text: string): Promise<LlmChange[]> {
    const { system, user } = buildMessages(item, text, jsonModeSchema);
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      response_format: { type: 'json_object' },
      ...sampling(),
    });
    const choice = completion.choices[0];
    if (!choice) throw new LlmReplyError('other', 'the reply has no choices');
    if (choice.finish_reason === 'length') throw new LlmReplyError('length', 'the reply was cut off (finish_reason length)');
    if (choice.finish_reason === 'content_filter') throw new LlmReplyError('content_filter', 'the reply was filtered');
    if (choice.message.refusal) {
      throw new LlmReplyError('refusal', `the model refused: ${choice.message.refusal.slice(0, 200)}`);
    }
    const content = choice.message.content;
    if (!content) throw new LlmReplyError('schema', 'the reply has no content');
    let json: unknown;
    try {
      json = JSON.parse(stripCodeFence(content));
    } catch (err) {
      throw new LlmReplyError('invalid_json', `the reply is not JSON: ${describeFailure(err)}`);
    }
    const parsed = LlmExtractionSchema.safeParse(json);
    if (!parsed.success) throw new LlmReplyError('schema', `the reply breaks the schema: ${z.prettifyError(parsed.error)}`);
    return parsed.data.changes;
  }

  async function callOnce(item: NewsItem, text: string, meter: CallMeter): Promise<LlmChange[]> {
    const used = mode;
    try {
      return await runMetered(meter, () => (used === 'json_schema' ? viaJsonSchema(item, text) : viaJsonMode(item, text)));
    } catch (err) {
      if (used === 'json_schema' && deps.responseFormat !== 'json_schema' && isJsonSchemaUnsupported(err)) {
        mode = 'json_object';
        logger.info({ model, baseURL: deps.baseURL ?? null }, 'the server rejects json_schema; using JSON mode checked with the same schema');
        return runMetered(meter, () => viaJsonMode(item, text));
      }
      throw err;
    }
  }

  function budgetBlock(day: string, promptEstimate: number): 'items' | 'tokens' | null {
    const used = deps.store.dayUsage(day);
    if (deps.maxItemsPerDay != null && used.calls + reservedItems >= deps.maxItemsPerDay) return 'items';
    if (deps.maxTokensPerDay != null && used.totalTokens + reservedTokens + promptEstimate > deps.maxTokensPerDay) {
      return 'tokens';
    }
    return null;
  }

  function noteBudget(day: string, which: 'items' | 'tokens'): void {
    deps.store.countSkip(day, 'budget');
    if (!deps.store.markBudgetExceeded(day, which)) return;
    const limit = (which === 'items' ? deps.maxItemsPerDay : deps.maxTokensPerDay) ?? 0;
    logger.warn({ day, which, limit, model }, `LLM daily ${which} budget reached: built-in extractor only until 00:00 UTC`);
    const notice: BudgetNotice = { day, which, limit, model };
    Promise.resolve()
      .then(() => deps.onBudgetExceeded?.(notice))
      .catch((err: unknown) => logger.error({ err: describeFailure(err) }, 'the budget alert failed'));
  }

  async function askModel(item: NewsItem, text: string, hash: string): Promise<ModelAnswer> {
    const cachedNow = readCache(hash);
    if (cachedNow) return cachedNow;
    const day = dayOf(now());
    const estimate = roughTokens(buildMessages(item, text).system) + roughTokens(text) + 40;
    const blocked = budgetBlock(day, estimate);
    if (blocked) {
      noteBudget(day, blocked);
      return { ok: false, reason: 'budget' };
    }
    reservedItems += 1;
    reservedTokens += estimate;
    const meter = newMeter();
    const started = Date.now();
    let outcome: 'ok' | FailureKind = 'ok';
    let error: string | null = null;
    let kept: LlmChange[] = [];
    let dropped = 0;
    try {
      const changes = await callOnce(item, text, meter);
      const grounded = groundChanges(changes, text);
      kept = grounded.kept;
      dropped = grounded.dropped.length;
      if (dropped > 0) {
        logger.info(
          { itemId: item.id, dropped: grounded.dropped.map((d) => ({ person: d.change.person, reason: d.reason })) },
          'dropped changes the item text does not bear out',
        );
      }
    } catch (err) {
      outcome = classifyFailure(err);
      error = describeFailure(err);
      logger.warn({ itemId: item.id, kind: outcome, error }, 'LLM extraction failed; the built-in result stands');
    }
    await settled(meter);
    try {
      const usage = meter.usage;
      const usageSource = usage ? 'api' : outcome === 'timeout' ? 'estimate' : 'none';
      const promptTokens = usage?.promptTokens ?? (usageSource === 'estimate' ? estimate : 0);
      const completionTokens = usage?.completionTokens ?? 0;
      const at = now();
      deps.store.recordCall({
        at: at.toISOString(),
        day,
        model,
        itemId: item.id,
        contentHash: hash,
        mode,
        outcome,
        promptTokens,
        completionTokens,
        totalTokens: usage?.totalTokens ?? promptTokens + completionTokens,
        usageSource,
        attempts: Math.max(1, meter.attempts),
        durationMs: Date.now() - started,
        changes: kept.length,
        dropped,
        error,
      });
      if (outcome === 'ok') deps.store.putCached(hash, model, JSON.stringify(kept), at.toISOString());
      deps.onCall?.({ model, outcome, promptTokens, completionTokens, dropped });
    } catch (err) {
      // The answer is good even when the call log cannot be written; say so and use it.
      logger.error({ itemId: item.id, err: describeFailure(err) }, 'could not record an LLM call');
    } finally {
      reservedItems -= 1;
      reservedTokens -= estimate;
    }
    return outcome === 'ok' ? { ok: true, changes: kept, by: 'llm', dropped } : { ok: false, reason: outcome };
  }

  function readCache(hash: string): ModelAnswer | null {
    const cached = deps.store.getCached(hash);
    if (!cached) return null;
    let json: unknown;
    try {
      json = JSON.parse(cached.changesJson);
    } catch {
      return null;
    }
    const parsed = CachedChangesSchema.safeParse(json);
    if (!parsed.success) return null;
    deps.store.countSkip(dayOf(now()), 'cache_hit');
    return { ok: true, changes: parsed.data, by: 'cache', dropped: 0 };
  }

  async function viaModel(item: NewsItem): Promise<DetailedExtraction> {
    const text = itemText(item, maxItemChars);
    const hash = contentHash(model, text);
    let answer = readCache(hash);
    if (!answer) {
      // The same text arriving twice at once (one story, two feeds) costs one call.
      let pending = inFlight.get(hash);
      if (!pending) {
        pending = limiter.run(() => askModel(item, text, hash)).finally(() => inFlight.delete(hash));
        inFlight.set(hash, pending);
      }
      answer = await pending;
    }
    if (!answer.ok) return { changes: await deps.builtin(item), by: 'builtin', reason: answer.reason, dropped: 0 };
    return {
      changes: answer.changes.map((c) => toLeadershipChange(c, item)),
      by: answer.by,
      reason: null,
      dropped: answer.dropped,
    };
  }

  async function extractDetailed(item: NewsItem): Promise<DetailedExtraction> {
    if (!deps.isRelevant(item)) {
      try {
        deps.store.countSkip(dayOf(now()), 'prefilter');
      } catch (err) {
        logger.error({ err: describeFailure(err) }, 'could not count a prefilter skip');
      }
      return { changes: await deps.builtin(item), by: 'builtin', reason: 'prefilter', dropped: 0 };
    }
    try {
      return await viaModel(item);
    } catch (err) {
      // The built-in fallback itself gave up on the item (its budget) or the process is stopping:
      // running it again would only cost the same twice.
      if (isPoisonItem(err) || isInterrupted(err)) throw err;
      // Anything unexpected on the LLM side (the store, a bug) must not cost the item.
      logger.error({ itemId: item.id, err: describeFailure(err) }, 'LLM extraction broke; the built-in result stands');
      return { changes: await deps.builtin(item), by: 'builtin', reason: 'other', dropped: 0 };
    }
  }

  return {
    name: 'openai',
    get mode() {
      return mode;
    },
    extractDetailed,
    async extract(item) {
      return (await extractDetailed(item)).changes;
    },
  };
}
