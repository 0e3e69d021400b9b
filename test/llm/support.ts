// Shared set-up for the LLM tests: the real built-in extractor and prefilter, a real in-memory
// SQLite store, the OpenAI emulator and a logger that keeps its lines.
import { readFileSync } from 'node:fs';
import type { NewsItem } from '../../src/core/change.js';
import type { Logger } from '../../src/core/log.js';
import { extractChanges } from '../../src/extract/index.js';
import { isRelevant } from '../../src/extract/prefilter.js';
import { createOpenAIExtractor, type OpenAIExtractorDeps } from '../../src/llm/openai-extractor.js';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { migration as llmMigration } from '../../src/store/migrations/0004_llm.js';
import { createLlmStore, type LlmStore } from '../../src/store/llm-store.js';

export { extractChanges, isRelevant };

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
  const db = new Database(':memory:');
  const all = [...migrations.filter((m) => m.version !== llmMigration.version), llmMigration]
    .sort((a, b) => a.version - b.version);
  migrate(db, all);
  return createLlmStore(db);
}

export const SEED_TEXT = readFileSync(new URL('../../../shared/seed/alibaba-cloud-leadership.txt', import.meta.url), 'utf8');

export function buildItem(over: Partial<NewsItem> = {}): NewsItem {
  return {
    id: 'item-1',
    title: 'Acme names Jane Roe chief financial officer',
    summary: 'Acme Corp. said on Monday that Jane Roe will become its chief financial officer on March 1, succeeding John Smith, who is retiring.',
    content: null,
    url: 'https://news.example/acme-cfo',
    feed: 'Example News',
    publishedAt: '2024-02-12T09:00:00Z',
    ...over,
  };
}

export function seedItem(): NewsItem {
  const [title = '', ...rest] = SEED_TEXT.split('\n');
  return buildItem({
    id: 'seed',
    title: title.trim(),
    summary: null,
    content: rest.join('\n').trim(),
    url: 'https://news.example/alibaba-cloud',
  });
}

/** A model reply entry in the LLM schema, with every field present. */
export function llmChange(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    person: 'Jane Roe',
    personAliases: [],
    direction: 'in',
    role: 'chief financial officer',
    organization: 'Acme',
    parentOrganization: null,
    interim: false,
    effectiveDate: '2024-03-01',
    reason: null,
    counterpart: { name: 'John Smith', relation: 'succeeds' },
    destination: null,
    evidence: 'Acme Corp. said on Monday that Jane Roe will become its chief financial officer on March 1, succeeding John Smith, who is retiring.',
    ...over,
  };
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
