import { afterAll, describe, expect, it } from 'vitest';
import type { NewsItem } from '../../src/core/change.js';
import { isPoisonItem } from '../../src/core/poison.js';
import { extractChanges } from '../../src/extract/index.js';
import { parseFeedBytes } from '../../src/feeds/parse.js';
import { FeedError } from '../../src/feeds/types.js';
import { createWorkerPool } from '../../src/pool/worker-pool.js';
import { acmeNamesCeoItem, buildRssFeed } from '../support/builders.js';
import { manyItems } from '../support/hostile-feeds.js';

const item = (over: Partial<NewsItem> = {}): NewsItem => ({
  id: 'i1',
  title: 'Acme Robotics names Jane Doe chief executive officer',
  summary: 'Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer, effective immediately.',
  content: null,
  url: 'https://news.example/acme-ceo',
  feed: 'Example',
  publishedAt: '2026-11-03T08:00:00.000Z',
  ...over,
});

/** Counts event-loop turns while `p` is pending: a blocked loop counts none. */
async function loopTurnsDuring<T>(p: Promise<T>): Promise<{ turns: number; result: PromiseSettledResult<T> }> {
  let turns = 0;
  const tick = setInterval(() => turns++, 10);
  const [result] = await Promise.allSettled([p]);
  clearInterval(tick);
  return { turns, result: result! };
}

describe('the worker pool', () => {
  const pool = createWorkerPool({ threads: 2, itemBudgetMs: 20_000 });
  const spinning = createWorkerPool({ threads: 1, itemBudgetMs: 1_500, parseBudgetMs: 1_500, tasksUrl: new URL('../fixtures/pool/spin-tasks.ts', import.meta.url) });
  afterAll(async () => {
    await pool.close();
    await spinning.close();
  });

  it('extracts in a worker what the extractor finds in process', async () => {
    const changes = await pool.extract(item());
    expect(changes.map((c) => [c.person.name, c.role.category, c.direction])).toEqual([['Jane Doe', 'CEO', 'in']]);
    expect(changes).toEqual(extractChanges(item()).filter((c) => c.confidence >= 0.5));
  });

  it('parses a feed in a worker, and its errors come back as FeedErrors', async () => {
    const bytes = Buffer.from(buildRssFeed([acmeNamesCeoItem()]));
    expect(await pool.parseFeed(bytes, { feedKey: 'k' })).toEqual(parseFeedBytes(bytes, { feedKey: 'k' }));
    // Entries cross in batches: a document of several batches arrives whole and in order.
    const many = Buffer.from(manyItems(5_000, acmeNamesCeoItem()));
    const expected = parseFeedBytes(many, { feedKey: 'k' });
    expect(await pool.parseFeed(many, { feedKey: 'k' })).toEqual(expected);
    const err = await pool.parseFeed(Buffer.from('<html>not a feed</html>'), { feedKey: 'k' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).kind).toBe('not-a-feed');
  });

  it('gives up on an item over its budget as a poison item, with the event loop free meanwhile, then serves the next item', async () => {
    const { turns, result } = await loopTurnsDuring(spinning.extract(item({ title: 'spin' })));
    expect(result.status).toBe('rejected');
    expect(isPoisonItem((result as PromiseRejectedResult).reason)).toBe(true);
    expect(turns).toBeGreaterThan(5);
    // The stuck worker was terminated and replaced.
    expect(await spinning.extract(item({ title: 'fine' }))).toEqual([]);
  }, 30_000);

  it('bounds parsing too: a document that never finishes fails its feed, not the process', async () => {
    const err = await spinning.parseFeed(Buffer.from('<rss/>'), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).kind).toBe('parse');
  }, 30_000);
});
