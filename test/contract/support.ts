import { afterEach, beforeEach } from 'vitest';
import type { ItemRecord } from '../../src/ports/items.js';
import type { OpenedStores } from '../../src/ports/stores.js';
import type { ContractStores, StoreAdapter } from './adapters.js';

/** A fresh backend for every test of the suite: `s()` is the one the running test uses. */
export function freshStores(adapter: StoreAdapter, now?: () => Date): () => ContractStores {
  let opened: ContractStores | null = null;
  beforeEach(async () => {
    opened = await adapter.open(now);
  });
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });
  return () => {
    if (!opened) throw new Error('stores are open only inside a test');
    return opened;
  };
}

/** A feed to hang items on, and an item of it (status queued for reading unless told). */
export async function seedFeed(s: OpenedStores, url = 'https://news.example/feed.xml'): Promise<number> {
  return (await s.stores.feeds.upsert({ url, name: 'News' }, '2026-11-01T00:00:00.000Z')).id;
}

export function itemRecord(feedId: number, id: string, over: Partial<ItemRecord> = {}): Omit<ItemRecord, 'changeCount' | 'extractor' | 'note'> {
  return {
    id, feedId, url: `https://news.example/2026/${id}`, title: `Story ${id}`, titleKey: `story ${id}`,
    publishedAt: '2026-11-01T08:00:00.000Z', seenAt: '2026-11-01T09:00:00.000Z', status: 'extracting', ...over,
  };
}
