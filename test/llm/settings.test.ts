import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { encodingFor } from '../../src/llm/estimate.js';
import { costUsd, priceFor } from '../../src/llm/pricing.js';
import { ExtractorSettingsError, resolveExtractor } from '../../src/llm/settings.js';

const settings = (over: Record<string, unknown> = {}) => ConfigSchema.parse({ extractor: over }).extractor;

describe('resolveExtractor', () => {
  it('auto uses the LLM only when a key is set', () => {
    expect(resolveExtractor(settings(), {})).toEqual({ kind: 'builtin', why: 'OPENAI_API_KEY is not set' });
    const llm = resolveExtractor(settings(), { OPENAI_API_KEY: 'sk-x' });
    expect(llm).toMatchObject({ kind: 'openai', options: { apiKey: 'sk-x', baseURL: null, model: 'gpt-4o-mini', maxItemsPerDay: 1000 } });
  });

  it('builtin never calls a model, even with a key; a flag beats the config', () => {
    expect(resolveExtractor(settings({ kind: 'builtin' }), { OPENAI_API_KEY: 'sk-x' }).kind).toBe('builtin');
    expect(resolveExtractor(settings({ kind: 'builtin' }), { OPENAI_API_KEY: 'sk-x' }, 'openai').kind).toBe('openai');
  });

  it('openai needs a key unless a self-hosted server is named; the config base URL beats the environment', () => {
    expect(() => resolveExtractor(settings({ kind: 'openai' }), {})).toThrow(ExtractorSettingsError);
    expect(() => resolveExtractor(settings({ kind: 'openai' }), {})).toThrow(/OPENAI_API_KEY/);
    const local = resolveExtractor(settings({ kind: 'openai', baseURL: 'http://127.0.0.1:11434/v1' }), { OPENAI_BASE_URL: 'http://other:8000/v1' });
    expect(local).toMatchObject({ kind: 'openai', options: { baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'not-needed' } });
    const viaEnv = resolveExtractor(settings({ kind: 'openai' }), { OPENAI_BASE_URL: 'http://other:8000/v1' });
    expect(viaEnv).toMatchObject({ options: { baseURL: 'http://other:8000/v1' } });
  });

  it('the config rejects bad extractor keys with their path', () => {
    const r = ConfigSchema.safeParse({ extractor: { kind: 'gpt', concurrency: 0, prices: { m: { input: -1, output: 1 } } } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['extractor.kind', 'extractor.concurrency', 'extractor.prices.m.input']));
  });
});

describe('prices and tokenizer encodings', () => {
  it('prices a model from the config, else the table, falling back from a dated snapshot', () => {
    expect(priceFor('gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(priceFor('qwen2.5:7b')).toBeNull();
    expect(priceFor('qwen2.5:7b', { 'qwen2.5:7b': { input: 0, output: 0 } })).toEqual({ input: 0, output: 0 });
    expect(costUsd({ input: 0.15, output: 0.6 }, 1_000_000, 500_000)).toBeCloseTo(0.45, 10);
  });

  it('picks the encoding the model uses', () => {
    expect(encodingFor('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingFor('gpt-4.1-mini-2025-04-14')).toBe('o200k_base');
    expect(encodingFor('gpt-4')).toBe('cl100k_base');
    expect(encodingFor('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(encodingFor('llama3.1:8b')).toBe('o200k_base');
  });
});
