import type { Extractor } from '../core/change.js';
import { silentLogger, type Logger } from '../core/log.js';
import { isRelevant } from '../extract/index.js';
import type { LlmStore } from '../store/llm-store.js';
import { createOpenAIExtractor, type BudgetNotice, type LlmCallEvent } from './openai-extractor.js';
import { resolveExtractor, type ExtractorSettings, type LlmEnv } from './settings.js';

export interface ConfiguredExtractorDeps {
  settings: ExtractorSettings;
  env: LlmEnv;
  /** A command-line choice that beats the config's `extractor.kind`. */
  override?: 'builtin' | 'openai';
  store: LlmStore;
  /** The built-in extractor: used alone, or as the LLM's fallback. */
  builtin: Extractor;
  logger?: Logger;
  onBudgetExceeded?: (notice: BudgetNotice) => void | Promise<void>;
  onCall?: (event: LlmCallEvent) => void;
  now?: () => Date;
}

export interface ConfiguredExtractor {
  extractor: Extractor;
  kind: 'builtin' | 'openai';
  /** Why the built-in extractor runs alone, when it does. */
  why: string | null;
}

/** The extractor the configuration and environment ask for; throws ExtractorSettingsError. */
export function createConfiguredExtractor(deps: ConfiguredExtractorDeps): ConfiguredExtractor {
  const resolved = resolveExtractor(deps.settings, deps.env, deps.override);
  if (resolved.kind === 'builtin') return { extractor: deps.builtin, kind: 'builtin', why: resolved.why };
  const logger = deps.logger ?? silentLogger;
  logger.info(
    { model: resolved.options.model, baseURL: resolved.options.baseURL ?? 'https://api.openai.com/v1' },
    'LLM extraction on (the built-in extractor is the fallback)',
  );
  const extractor = createOpenAIExtractor({
    ...resolved.options,
    store: deps.store,
    builtin: (item) => deps.builtin.extract(item),
    isRelevant,
    logger,
    onBudgetExceeded: deps.onBudgetExceeded,
    onCall: deps.onCall,
    now: deps.now,
  });
  return { extractor, kind: 'openai', why: null };
}
