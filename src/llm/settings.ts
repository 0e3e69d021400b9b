import type { OpenAIExtractorOptions } from './openai-extractor.js';
import type { TokenPrice } from './pricing.js';

/** The `extractor` section of the config (structurally; the config module owns the schema). */
export interface ExtractorSettings {
  kind: 'auto' | 'builtin' | 'openai';
  model: string;
  baseURL?: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  maxItemsPerDay: number | null;
  maxTokensPerDay: number | null;
  responseFormat: 'auto' | 'json_schema' | 'json_object';
  maxOutputTokens: number;
  prices: Record<string, TokenPrice>;
}

export interface LlmEnv {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
}

export type ResolvedExtractor =
  | { kind: 'builtin'; why: string }
  | { kind: 'openai'; options: OpenAIExtractorOptions };

export class ExtractorSettingsError extends Error {
  override readonly name = 'ExtractorSettingsError';
}

// Self-hosted servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK insists on one.
const PLACEHOLDER_KEY = 'not-needed';

/**
 * Which extractor runs. `auto` takes the LLM when OPENAI_API_KEY is set; `openai` demands a key
 * unless the server is a self-hosted one (a base URL is given). `override` is a CLI flag.
 */
export function resolveExtractor(
  settings: ExtractorSettings,
  env: LlmEnv,
  override?: 'builtin' | 'openai',
): ResolvedExtractor {
  const kind = override ?? settings.kind;
  if (kind === 'builtin') return { kind: 'builtin', why: 'extractor.kind is builtin' };
  const apiKey = env.OPENAI_API_KEY;
  const baseURL = settings.baseURL ?? env.OPENAI_BASE_URL ?? null;
  if (kind === 'auto' && !apiKey) return { kind: 'builtin', why: 'OPENAI_API_KEY is not set' };
  if (!apiKey && !baseURL) {
    throw new ExtractorSettingsError(
      'extractor.kind: expected OPENAI_API_KEY in the environment for the openai extractor; found none '
        + '(set it, or set extractor.baseURL / OPENAI_BASE_URL to a self-hosted server that needs no key)',
    );
  }
  return {
    kind: 'openai',
    options: {
      apiKey: apiKey ?? PLACEHOLDER_KEY,
      baseURL,
      model: settings.model,
      timeoutMs: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      concurrency: settings.concurrency,
      maxItemsPerDay: settings.maxItemsPerDay,
      maxTokensPerDay: settings.maxTokensPerDay,
      responseFormat: settings.responseFormat,
      maxOutputTokens: settings.maxOutputTokens,
    },
  };
}
