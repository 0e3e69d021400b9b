import { modelToEncodingMap } from 'gpt-tokenizer/mapping';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { NewsItem } from '../core/change.js';
import { buildMessages, DEFAULT_MAX_ITEM_CHARS, itemText } from './prompt.js';
import { costUsd, priceFor, type TokenPrice } from './pricing.js';
import { LLM_SCHEMA_NAME, LlmExtractionSchema } from './schema.js';

// What the LLM would cost on a stream of items, counted with the model's own tokenizer before a
// single call is made: `execwatch stats --estimate`.

export type EncodingName = 'o200k_base' | 'cl100k_base';

/** The tokenizer encoding of an OpenAI model; newer and unknown models use o200k_base. */
export function encodingFor(model: string): EncodingName {
  const known = (modelToEncodingMap as Record<string, string | undefined>)[model]
    ?? (modelToEncodingMap as Record<string, string | undefined>)[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (known === 'cl100k_base') return 'cl100k_base';
  if (!known && /^(gpt-4(?!o|\.)|gpt-3\.5)/.test(model)) return 'cl100k_base';
  return 'o200k_base';
}

async function loadCounter(encoding: EncodingName): Promise<(text: string) => number> {
  const mod = encoding === 'cl100k_base'
    ? await import('gpt-tokenizer/encoding/cl100k_base')
    : await import('gpt-tokenizer/encoding/o200k_base');
  return (text) => mod.countTokens(text);
}

/** A change the item is expected to yield: from gold labels, or what the built-in extractor finds. */
export interface ExpectedChange {
  person: string | null;
  direction: string;
  role: string;
  organization: string;
  interim: boolean;
}

export interface EstimateItem {
  item: NewsItem;
  expected: readonly ExpectedChange[];
}

export interface Distribution {
  total: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export interface TokenEstimate {
  model: string;
  encoding: EncodingName;
  items: number;
  relevant: number;
  relevantShare: number;
  /** Per item sent to the model: system prompt, schema, item text and chat framing. */
  promptTokens: Distribution;
  systemPromptTokens: number;
  schemaTokens: number;
  /** Per item sent: the JSON reply the expected changes make. */
  completionTokens: Distribution;
  per1000: { calls: number; promptTokens: number; completionTokens: number; costUsd: number | null };
  price: TokenPrice | null;
}

function distribution(values: number[]): Distribution {
  if (values.length === 0) return { total: 0, mean: 0, p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const total = sorted.reduce((a, b) => a + b, 0);
  return { total, mean: total / sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) as number };
}

// Chat framing per OpenAI's counting guide: about 3 tokens per message and 3 to prime the reply.
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

/** The reply a model would write for these changes: each with a sentence of the item as evidence. */
function simulatedReply(text: string, expected: readonly ExpectedChange[]): string {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
  const changes = expected.map((c) => {
    const last = (c.person ?? '').split(/\s+/).pop() ?? '';
    const evidence = sentences.find((s) => last && s.includes(last)) ?? sentences[0] ?? '';
    return {
      person: c.person ?? '', personAliases: [], direction: c.direction, role: c.role, organization: c.organization,
      parentOrganization: null, interim: c.interim, effectiveDate: null, reason: null, counterpart: null,
      destination: null, evidence,
    };
  });
  return JSON.stringify({ changes });
}

export interface EstimateOptions {
  model: string;
  isRelevant: (item: NewsItem) => boolean;
  prices?: Readonly<Record<string, TokenPrice>>;
  maxItemChars?: number;
}

export async function estimateTokens(items: readonly EstimateItem[], options: EstimateOptions): Promise<TokenEstimate> {
  const encoding = encodingFor(options.model);
  const count = await loadCounter(encoding);
  const schema = zodResponseFormat(LlmExtractionSchema, LLM_SCHEMA_NAME).json_schema;
  // OpenAI turns the schema into part of the prompt; its JSON size is a fair measure of that.
  const schemaTokens = count(JSON.stringify(schema));
  const prompts: number[] = [];
  const completions: number[] = [];
  let systemPromptTokens = 0;
  for (const { item, expected } of items) {
    if (!options.isRelevant(item)) continue;
    const text = itemText(item, options.maxItemChars ?? DEFAULT_MAX_ITEM_CHARS);
    const { system, user } = buildMessages(item, text);
    systemPromptTokens = count(system);
    prompts.push(systemPromptTokens + count(user) + 2 * PER_MESSAGE + REPLY_PRIMING + 2 + schemaTokens);
    completions.push(count(simulatedReply(text, expected)));
  }
  const promptTokens = distribution(prompts);
  const completionTokens = distribution(completions);
  const share = items.length ? prompts.length / items.length : 0;
  const price = priceFor(options.model, options.prices);
  const per1000Prompt = Math.round(share * 1000 * promptTokens.mean);
  const per1000Completion = Math.round(share * 1000 * completionTokens.mean);
  return {
    model: options.model,
    encoding,
    items: items.length,
    relevant: prompts.length,
    relevantShare: share,
    promptTokens,
    systemPromptTokens,
    schemaTokens,
    completionTokens,
    per1000: {
      calls: Math.round(share * 1000),
      promptTokens: per1000Prompt,
      completionTokens: per1000Completion,
      costUsd: price ? costUsd(price, per1000Prompt, per1000Completion) : null,
    },
    price,
  };
}
