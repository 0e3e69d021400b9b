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

  it('keeps one subscription per channel: a second /subscribe replaces its filters', () => {
    const { subscriptions } = s().stores;
    const first = subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: 'u1' }, T0);
    const again = subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters({ companies: [], people: ['Jane Doe'], directions: [] }), createdBy: 'u2' }, T1);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ companies: [], people: ['Jane Doe'], roles: ['CEO'], directions: [], minConfidence: 0.6, status: 'active', mode: 'alert', digest: null, createdAt: T0, updatedAt: T1 });
    expect(subscriptions.get('c1')).toEqual(again);
    expect(subscriptions.get('c9')).toBeUndefined();
  });

  it("lists a guild's subscriptions and the active ones, in the order they were made", () => {
    const { subscriptions } = s().stores;
    subscriptions.upsert({ guildId: 'g1', channelId: 'c2', filters: filters(), createdBy: null }, T0);
    subscriptions.upsert({ guildId: 'g2', channelId: 'c3', filters: filters(), createdBy: null }, T0);
    subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T0);
    expect(subscriptions.listByGuild('g1').map((x) => x.channelId)).toEqual(['c2', 'c1']);
    expect(subscriptions.listActive().map((x) => x.channelId)).toEqual(['c2', 'c3', 'c1']);
    expect(subscriptions.remove('c3')).toBe(true);
    expect(subscriptions.remove('c3')).toBe(false);
    expect(subscriptions.listByGuild('g2')).toEqual([]);
  });

  it('pauses once (so the admin is told once) and resumes on the next /subscribe', () => {
    const { subscriptions } = s().stores;
    subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T0);
    expect(subscriptions.pause('c1', 'Missing Access', T1)).toBe(true);
    expect(subscriptions.pause('c1', 'Missing Access', T2)).toBe(false);
    expect(subscriptions.get('c1')).toMatchObject({ status: 'paused', pausedReason: 'Missing Access', pausedAt: T1 });
    expect(subscriptions.listActive()).toEqual([]);
    expect(subscriptions.pause('c9', 'gone', T1)).toBe(false);
    subscriptions.upsert({ guildId: 'g1', channelId: 'c1', filters: filters(), createdBy: null }, T2);
    expect(subscriptions.get('c1')).toMatchObject({ status: 'active', pausedReason: null, pausedAt: null });
  });

  it("stores a digest's schedule and lists active digests only", () => {
    const { subscriptions } = s().stores;
    subscriptions.upsert({ guildId: 'g1', channelId: 'alerts', filters: filters(), createdBy: null }, T0);
    const d = subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: daily }, T0);
    subscriptions.upsert({ guildId: 'g1', channelId: 'weekly', filters: filters(), createdBy: null, mode: weekly }, T0);
    expect(d).toMatchObject({ mode: 'digest', digest: { schedule: DAILY, postEmpty: true, after: T0 } });
    expect(subscriptions.get('weekly')?.digest).toEqual({ schedule: { cadence: 'weekly', time: '08:30', timeZone: 'America/New_York', weekday: 'friday' }, postEmpty: false, after: T0 });
    subscriptions.pause('weekly', 'Missing Access', T1);
    expect(subscriptions.listDigests().map((x) => x.channelId)).toEqual(['daily']);
  });

  it('moves a digest on per period, keeps its place over an unchanged /subscribe and restarts on a new schedule', () => {
    const { subscriptions } = s().stores;
    const d = subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: daily }, T0);
    subscriptions.setDigestAfter(d.id, T1, T1);
    expect(subscriptions.get('daily')?.digest?.after).toBe(T1);
    subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters({ people: ['Jane Doe'] }), createdBy: null, mode: daily }, T2);
    expect(subscriptions.get('daily')?.digest?.after).toBe(T1);
    subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null, mode: weekly }, T2);
    expect(subscriptions.get('daily')?.digest).toMatchObject({ after: T2, postEmpty: false });
    subscriptions.upsert({ guildId: 'g1', channelId: 'daily', filters: filters(), createdBy: null }, T2);
    expect(subscriptions.get('daily')).toMatchObject({ mode: 'alert', digest: null });
    expect(subscriptions.listDigests()).toEqual([]);
  });
});
