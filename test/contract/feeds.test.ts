import { describe, expect, it } from 'vitest';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const T0 = '2026-11-01T00:00:00.000Z';
const T1 = '2026-11-01T01:00:00.000Z';
const T2 = '2026-11-01T02:00:00.000Z';

describe.each(adapters)('FeedStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('upserts by URL: the same feed keeps its id, its name and interval refreshed', async () => {
    const { feeds } = s().stores;
    const a = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
    const again = await feeds.upsert({ url: 'https://a.example/rss', name: 'A renamed', intervalMinutes: 30 }, T1);
    expect(again.id).toBe(a.id);
    expect(again).toMatchObject({ name: 'A renamed', intervalMinutes: 30, addedAt: T0, origin: 'config', baselineDone: false, disabled: false });
    expect(await feeds.list()).toHaveLength(1);
    expect((await feeds.get(a.id))?.url).toBe('https://a.example/rss');
    expect((await feeds.getByUrl('https://a.example/rss'))?.id).toBe(a.id);
    expect(await feeds.get(a.id + 1000)).toBeUndefined();
    expect(await feeds.getByUrl('https://nowhere.example/')).toBeUndefined();
  });

  it('lists feeds in the order they were added and keeps who added them', async () => {
    const { feeds } = s().stores;
    await feeds.upsert({ url: 'https://b.example/rss', name: 'B' }, T0);
    await feeds.upsert({ url: 'https://a.example/rss', name: 'A', origin: 'user', guildId: 'g1' }, T0);
    expect((await feeds.list()).map((f) => [f.name, f.origin, f.guildId])).toEqual([['B', 'config', null], ['A', 'user', 'g1']]);
  });

  it('counts failures until a success clears them, and disables when asked', async () => {
    const { feeds } = s().stores;
    const { id } = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
    await feeds.recordFailure(id, { at: T1, error: 'http: 503', nextPollAt: T2, disable: false, status: 503 });
    await feeds.recordFailure(id, { at: T2, error: 'timeout: 10 s', nextPollAt: T2, disable: false });
    expect(await feeds.get(id)).toMatchObject({ consecutiveFailures: 2, failingSince: T1, lastError: 'timeout: 10 s', lastErrorAt: T2, disabled: false });
    await feeds.recordSuccess(id, { at: T2, etag: '"v2"', lastModified: null, itemCount: 7, nextPollAt: T2, status: 200, durationMs: 12 });
    expect(await feeds.get(id)).toMatchObject({ consecutiveFailures: 0, failingSince: null, lastError: null, lastSuccessAt: T2, etag: '"v2"', itemCount: 7, lastStatus: 200, lastDurationMs: 12 });
    // An unknown item count (a 304) keeps the last one.
    await feeds.recordSuccess(id, { at: T2, etag: '"v2"', lastModified: null, itemCount: null, nextPollAt: T2 });
    expect((await feeds.get(id))?.itemCount).toBe(7);
    await feeds.recordFailure(id, { at: T2, error: 'http: 410', nextPollAt: T2, disable: true, status: 410 });
    expect(await feeds.get(id)).toMatchObject({ disabled: true, disabledAt: T2, disabledReason: 'http: 410' });
  });

  it('re-enables a disabled feed with a clean slate, due at once', async () => {
    const { feeds } = s().stores;
    const { id } = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
    await feeds.recordFailure(id, { at: T1, error: 'http: 404', nextPollAt: T2, disable: false });
    await feeds.setDisabled(id, true, 'by hand', T1);
    expect(await feeds.get(id)).toMatchObject({ disabled: true, disabledReason: 'by hand' });
    await feeds.setDisabled(id, false);
    expect(await feeds.get(id)).toMatchObject({ disabled: false, disabledReason: null, consecutiveFailures: 0, failingSince: null, nextPollAt: null });
  });

  it('moves a feed to its new address unless another feed has it; a config feed remembers the first', async () => {
    const { feeds } = s().stores;
    const a = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
    await feeds.upsert({ url: 'https://taken.example/rss', name: 'Taken' }, T0);
    expect(await feeds.moveUrl(a.id, 'https://taken.example/rss')).toBe(false);
    expect(await feeds.moveUrl(a.id, 'https://a2.example/rss')).toBe(true);
    expect(await feeds.moveUrl(a.id, 'https://a3.example/rss')).toBe(true);
    expect(await feeds.get(a.id)).toMatchObject({ url: 'https://a3.example/rss', movedFrom: 'https://a.example/rss' });
    await feeds.clearMovedFrom(a.id);
    expect((await feeds.get(a.id))?.movedFrom).toBeNull();
    const user = await feeds.upsert({ url: 'https://u.example/rss', name: 'U', origin: 'user' }, T0);
    await feeds.moveUrl(user.id, 'https://u2.example/rss');
    expect((await feeds.get(user.id))?.movedFrom).toBeNull();
  });

  it('marks the baseline done and removes a feed once', async () => {
    const { feeds } = s().stores;
    const { id } = await feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
    await feeds.markBaselineDone(id);
    expect((await feeds.get(id))?.baselineDone).toBe(true);
    expect(await feeds.remove(id)).toBe(true);
    expect(await feeds.remove(id)).toBe(false);
    expect(await feeds.list()).toEqual([]);
  });
});
