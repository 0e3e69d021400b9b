// Shared set-up for the LLM tests: the real built-in extractor and prefilter, a real in-memory
// SQLite store, the OpenAI emulator and a logger that keeps its lines.
import type { Logger } from '../../src/core/log.js';
import { extractChanges } from '../../src/extract/index.js';
import { isRelevant } from '../../src/extract/prefilter.js';
import { createOpenAIExtractor, type OpenAIExtractorDeps } from '../../src/llm/openai-extractor.js';
import { openDatabase } from '../../src/store/db.js';
import { createLlmStore, type LlmStore } from '../../src/store/llm-store.js';

export { extractChanges, isRelevant };
export * from './fixtures.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export function captureLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function memoryStore(): LlmStore {
  return createLlmStore(openDatabase(':memory:'));
}

export function extractorFor(
  baseURL: string,
  store: LlmStore,
  over: Partial<OpenAIExtractorDeps> = {},
) {
  return createOpenAIExtractor({
    apiKey: 'sk-test-emulator',
    baseURL,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    maxRetries: 0,
    concurrency: 2,
    store,
    builtin: extractChanges,
    isRelevant,
    ...over,
  });
}
