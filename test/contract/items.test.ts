import { describe, expect, it } from 'vitest';
import { adapters } from './adapters.js';
import { freshStores, itemRecord, seedFeed } from './support.js';

describe.each(adapters)('ItemStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('records an item once: a second insert of the same id leaves the first', async () => {
    const { items } = s().stores;
    const feed = await seedFeed(s());
    await items.insert(itemRecord(feed, 'i1', { title: 'First' }));
    await items.insert(itemRecord(feed, 'i1', { title: 'Second' }));
    expect(await items.get('i1')).toMatchObject({ id: 'i1', feedId: feed, title: 'First', status: 'extracting', changeCount: 0, extractor: null, note: null });
    expect(await items.get('nope')).toBeUndefined();
  });

  it('marks an item read with what read it', async () => {
    const { items } = s().stores;
    const feed = await seedFeed(s());
    await items.insert(itemRecord(feed, 'i1'));
    await items.markProcessed('i1', { status: 'processed', extractor: 'builtin', changeCount: 2, note: 'two moves' });
    expect(await items.get('i1')).toMatchObject({ status: 'processed', extractor: 'builtin', changeCount: 2, note: 'two moves' });
    await items.markProcessed('i1', { status: 'failed', extractor: null, changeCount: 0 });
    expect(await items.get('i1')).toMatchObject({ status: 'failed', note: null });
  });

  it('finds a duplicate by article URL, never by a front page', async () => {
    const { items } = s().stores;
    const feed = await seedFeed(s());
    await items.insert(itemRecord(feed, 'i1', { url: 'https://news.example/2026/ceo-named' }));
    await items.insert(itemRecord(feed, 'home', { url: 'https://news.example/' }));
    expect((await items.findDuplicate('https://news.example/2026/ceo-named', 'other key'))?.id).toBe('i1');
    expect(await items.findDuplicate('https://news.example/', 'other key')).toBeUndefined();
    expect(await items.findDuplicate(null, 'other key')).toBeUndefined();
  });

  it('finds a duplicate by a distinctive title only within the window, and only when given the time', async () => {
    const { items } = s().stores;
    const feed = await seedFeed(s());
    const key = 'acme names jane doe chief executive officer';
    await items.insert(itemRecord(feed, 'old', { url: null, titleKey: key, seenAt: '2026-10-01T09:00:00.000Z' }));
    await items.insert(itemRecord(feed, 'recent', { url: null, titleKey: key, seenAt: '2026-11-01T09:00:00.000Z' }));
    await items.insert(itemRecord(feed, 'short', { url: null, titleKey: 'podcast', seenAt: '2026-11-01T09:00:00.000Z' }));
    expect((await items.findDuplicate(null, key, '2026-11-03T09:00:00.000Z'))?.id).toBe('recent');
    expect(await items.findDuplicate(null, key)).toBeUndefined();
    expect(await items.findDuplicate(null, key, '2027-01-01T00:00:00.000Z')).toBeUndefined();
    expect(await items.findDuplicate(null, 'podcast', '2026-11-01T10:00:00.000Z')).toBeUndefined();
  });

  it('lists the items of a URL, first seen first', async () => {
    const { items } = s().stores;
    const feed = await seedFeed(s());
    const url = 'https://news.example/2026/story';
    await items.insert(itemRecord(feed, 'later', { url, seenAt: '2026-11-02T09:00:00.000Z' }));
    await items.insert(itemRecord(feed, 'first', { url, seenAt: '2026-11-01T09:00:00.000Z' }));
    expect((await items.findByUrl(url)).map((i) => i.id)).toEqual(['first', 'later']);
    expect(await items.findByUrl('https://news.example/none')).toEqual([]);
  });
});
