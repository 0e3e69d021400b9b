import { describe, expect, it } from 'vitest';
import type { SubscriptionFilters, SubscriptionMode } from '../../src/ports/subscriptions.js';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const T0 = '2026-11-01T09:00:00.000Z';
const T1 = '2026-11-02T09:00:00.000Z';
const T2 = '2026-11-03T09:00:00.000Z';
const filters = (over: Partial<SubscriptionFilters> = {}): SubscriptionFilters =>
  ({ companies: ['Acme'], people: [], roles: ['CEO'], directions: ['in'], minConfidence: 0.6, ...over });
const DAILY = { cadence: 'daily', time: '09:00', timeZone: 'Europe/Berlin', weekday: 'monday' } as const;
const daily: SubscriptionMode = { mode: 'digest', schedule: DAILY, postEmpty: true };
const weekly: SubscriptionMode = { mode: 'digest', schedule: { cadence: 'weekly', time: '08:30', timeZone: 'America/New_York', weekday: 'friday' }, postEmpty: false };

describe.each(adapters)('SubscriptionStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('keeps one subscription per channel: a second /subscribe replaces its filters', async () => {
    const { subscriptions } = s().stores;
    const first = await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: 'u1' }, T0);
    const again = await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters({ companies: [], people: ['Jane Doe'], directions: [] }), createdBy: 'u2' }, T1);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ companies: [], people: ['Jane Doe'], roles: ['CEO'], directions: [], minConfidence: 0.6, status: 'active', mode: 'alert', digest: null, createdAt: T0, updatedAt: T1 });
    expect(await subscriptions.get('c1')).toEqual(again);
    expect(await subscriptions.get('c9')).toBeUndefined();
  });

  it("lists a guild's subscriptions and the active ones, in the order they were made", async () => {
    const { subscriptions } = s().stores;
    await subscriptions.upsert({ guildId: 'g1', channelId: 'c2', filters: filters(), createdBy: null }, T0);
    await subscriptions.upsert({ guildId: 'g2', channelId: 'c3', filters: filters(), createdBy: null }, T0);
    await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T0);
    expect((await subscriptions.listByGuild('g1')).map((x) => x.channelId)).toEqual(['c2', 'c1']);
    expect((await subscriptions.listActive()).map((x) => x.channelId)).toEqual(['c2', 'c3', 'c1']);
    expect(await subscriptions.remove('c3')).toBe(true);
    expect(await subscriptions.remove('c3')).toBe(false);
    expect(await subscriptions.listByGuild('g2')).toEqual([]);
  });

  it('pauses once (so the admin is told once) and resumes on the next /subscribe', async () => {
    const { subscriptions } = s().stores;
    await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T0);
    expect(await subscriptions.pause('c1', 'Missing Access', T1)).toBe(true);
    expect(await subscriptions.pause('c1', 'Missing Access', T2)).toBe(false);
    expect(await subscriptions.get('c1')).toMatchObject({ status: 'paused', pausedReason: 'Missing Access', pausedAt: T1 });
    expect(await subscriptions.listActive()).toEqual([]);
    expect(await subscriptions.pause('c9', 'gone', T1)).toBe(false);
    await subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T2);
    expect(await subscriptions.get('c1')).toMatchObject({ status: 'active', pausedReason: null, pausedAt: null });
  });

  it("stores a digest's schedule and lists active digests only", async () => {
    const { subscriptions } = s().stores;
    await subscriptions.upsert({ guildId: 'g1', channelId: 'alerts', filters: filters(), createdBy: null }, T0);
    const d = await subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: daily }, T0);
    await subscriptions.upsert({ guildId: 'g1', channelId: 'weekly', filters: filters(), createdBy: null, mode: weekly }, T0);
    expect(d).toMatchObject({ mode: 'digest', digest: { schedule: DAILY, postEmpty: true, after: T0 } });
    expect((await subscriptions.get('weekly'))?.digest).toEqual({ schedule: { cadence: 'weekly', time: '08:30', timeZone: 'America/New_York', weekday: 'friday' }, postEmpty: false, after: T0 });
    await subscriptions.pause('weekly', 'Missing Access', T1);
    expect((await subscriptions.listDigests()).map((x) => x.channelId)).toEqual(['daily']);
  });

  it('moves a digest on per period, keeps its place over an unchanged /subscribe and restarts on a new schedule', async () => {
    const { subscriptions } = s().stores;
    const d = await subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: daily }, T0);
    await subscriptions.setDigestAfter(d.id, T1, T1);
    expect((await subscriptions.get('daily'))?.digest?.after).toBe(T1);
    await subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters({ people: ['Jane Doe'] }), createdBy: null, mode: daily }, T2);
    expect((await subscriptions.get('daily'))?.digest?.after).toBe(T1);
    await subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: weekly }, T2);
    expect((await subscriptions.get('daily'))?.digest).toMatchObject({ after: T2, postEmpty: false });
    await subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null }, T2);
    expect(await subscriptions.get('daily')).toMatchObject({ mode: 'alert', digest: null });
    expect(await subscriptions.listDigests()).toEqual([]);
  });
});
