import { randomBytes } from 'node:crypto';
import type { LookupFilter } from './lookup.js';

export type PagedFilter = Omit<LookupFilter, 'limit' | 'offset'>;

export interface PagedQuery {
  filter: PagedFilter;
  title: string;
}

/**
 * Paging buttons carry a short token (custom ids hold 100 characters, a filter may not fit); the
 * query behind it lives here for a while. After a restart the buttons say to run the command again.
 */
export interface PageCache {
  put(query: PagedQuery): string;
  get(token: string): PagedQuery | undefined;
}

export function createPageCache(options: { ttlMs?: number; max?: number; now?: () => number } = {}): PageCache {
  const ttlMs = options.ttlMs ?? 30 * 60_000;
  const max = options.max ?? 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { query: PagedQuery; at: number }>();
  return {
    put(query) {
      const token = randomBytes(6).toString('base64url');
      entries.set(token, { query, at: now() });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return token;
    },
    get(token) {
      const e = entries.get(token);
      if (!e) return undefined;
      if (now() - e.at > ttlMs) {
        entries.delete(token);
        return undefined;
      }
      return e.query;
    },
  };
}
