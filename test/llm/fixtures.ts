// Items and model replies the LLM tests share.
import { readFileSync } from 'node:fs';
import type { NewsItem } from '../../src/core/change.js';
import { hasShared, sharedPath } from '../support/shared.js';

/** Whether ../shared holds the seed article; says once which suite skips when it does not. */
export const hasSeed = (suite: string): boolean => hasShared(suite, ['seed', 'alibaba-cloud-leadership.txt']);

/** The seed article's text (read on demand: a fresh clone has no ../shared). */
export function seedText(): string {
  return readFileSync(sharedPath('seed', 'alibaba-cloud-leadership.txt'), 'utf8');
}

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
  const [title = '', ...rest] = seedText().split('\n');
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

