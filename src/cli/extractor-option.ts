import type { Extractor } from '../core/change.js';
import { loadConfig } from '../config/load.js';
import { alertingOnly, createBuiltinExtractor } from '../extract/index.js';
import { createConfiguredExtractor } from '../llm/configured.js';
import { createDefaultLogger } from '../main.js';
import { openDatabase } from '../store/db.js';
import { createLlmStore } from '../store/llm-store.js';
import { UsageError, type CliIo } from './command.js';

/** The `--extractor` option `extract` and `eval` share. */
export const EXTRACTOR_OPTION = { extractor: { type: 'string' } } as const;

export const EXTRACTOR_USAGE =
  '  --extractor K   builtin (default) | openai | auto: openai uses the configured OpenAI-compatible\n'
  + '                  endpoint (OPENAI_API_KEY, OPENAI_BASE_URL, config extractor.*), with its cache and budgets.\n'
  + '                  Only changes that would alert count (confidence at extraction.minConfidence, 0.5 by default)';

export interface CliExtractor {
  extractor: Extractor;
  close(): void;
}

/**
 * The extractor a command asked for, keeping what the bot would alert (the pipeline stores the
 * rest); the LLM one shares the bot's database (cache, budgets, call log).
 */
export function openCliExtractor(values: { extractor?: string; config?: string }, io: CliIo): CliExtractor {
  const kind = values.extractor ?? 'builtin';
  if (kind !== 'builtin' && kind !== 'openai' && kind !== 'auto') {
    throw new UsageError(`--extractor expects builtin, openai or auto; found ${JSON.stringify(kind)}`);
  }
  if (kind === 'builtin') return { extractor: alertingOnly(createBuiltinExtractor()), close: () => undefined };
  const loaded = loadConfig({ configPath: values.config, env: io.env });
  const db = openDatabase(loaded.databasePath);
  try {
    const { extractor } = createConfiguredExtractor({
      settings: loaded.config.extractor,
      env: loaded.env,
      override: kind === 'auto' ? undefined : kind,
      store: createLlmStore(db),
      builtin: createBuiltinExtractor(),
      logger: createDefaultLogger(loaded.env.LOG_LEVEL ?? 'warn'),
    });
    return { extractor: alertingOnly(extractor, loaded.config.extraction.minConfidence), close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
