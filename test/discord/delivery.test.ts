import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/notify/alert.js';
import { createCircuitBreaker } from '../../src/notify/circuit-breaker.js';
import { createBotRest } from '../../src/discord/targets/rest.js';
import { createSubscriptionRouter, createUnreachableHandler } from '../../src/discord/targets/subscriptions.js';
import { createDelivery, type Delivery } from '../../src/notify/delivery.js';
import type { SubscriptionFilters } from '../../src/ports/subscriptions.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { buildChange, captureLogger, openStores, type ChangeSpec, type TestStores } from './harness.js';

const noFilter: SubscriptionFilters = { companies: [], people: [], roles: [], directions: [], minConfidence: 0 };

function alertOf(key: string, spec: ChangeSpec, extraSources = 0): Alert {
  const change = buildChange(spec);
  const sources = [{ title: 't', url: change.source.url, feed: change.source.feed, publishedAt: change.source.publishedAt }];
  for (let i = 0; i < extraSources; i++) sources.push({ title: 't', url: `https://other${i}.example/story`, feed: `Other ${i}`, publishedAt: change.source.publishedAt });
  return { key, change, sources, confidence: change.confidence, notes: [] };
}

const daniel: ChangeSpec = { person: 'Daniel Zhang', org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', title: 'acting president', category: 'President', interim: true };

describe('alert delivery to subscribed channels through the emulator', () => {
  let emu: DiscordEmulator;
  let s: TestStores;
  let delivery: Delivery;
  let clock: number;
  let breaker: ReturnType<typeof createCircuitBreaker>;
  const logs = captureLogger();

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['general', 'alerts', 'admin', 'cfo-only', 'tencent'] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  beforeEach(async () => {
    s = openStores();
    clock = Date.now();
    breaker = createCircuitBreaker({ threshold: 3, windowMs: 60_000, cooldownMs: 30_000, now: () => clock });
    const rest = createBotRest(emu.token, emu.apiUrl, breaker);
    const now = () => new Date(clock);
    delivery = createDelivery({
      targets: [], store: s.stores.deliveries, logger: logs.logger, now, breaker,
      route: createSubscriptionRouter(s.stores.subscriptions, rest),
      onUnreachable: createUnreachableHandler({ subscriptions: s.stores.subscriptions, rest, adminChannel: emu.channelId('admin'), logger: logs.logger, now }),
    });
    const sub = (channel: string, filters: Partial<SubscriptionFilters>) =>
      s.stores.subscriptions.upsert({ guildId: emu.guildId, channelId: emu.channelId(channel), filters: { ...noFilter, ...filters }, createdBy: null }, new Date().toISOString());
    await sub('general', {});
    await sub('alerts', { companies: ['Alibaba'], directions: ['in'] });
    await sub('cfo-only', { roles: ['CFO'] });
    await sub('tencent', { companies: ['Tencent'] });
  });
  afterEach(async () => {
    await s.close();
    emu.faults.clear();
    for (const c of ['general', 'alerts', 'admin', 'cfo-only', 'tencent']) emu.setChannelState(c, 'ok');
    emu.state.messages.clear();
    emu.requests.length = 0;
  });

  it('posts a stored change once to every matching subscription and to no other, then edits it', async () => {
    const alert = alertOf('change:1', daniel);
    const results = await delivery.deliver(alert);
    expect(Object.fromEntries(results.map((r) => [r.target, r.outcome]))).toEqual({
      [`channel:${emu.channelId('alerts')}`]: 'sent',
      [`channel:${emu.channelId('general')}`]: 'sent',
    });
    expect(emu.messagesIn('general')).toHaveLength(1);
    expect(emu.messagesIn('alerts')).toHaveLength(1);
    expect(emu.messagesIn('cfo-only')).toHaveLength(0);
    expect(emu.messagesIn('tencent')).toHaveLength(0);
    const post = emu.requestsTo('POST', /\/messages$/)[0]!;
    expect(post.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect((post.body as { embeds: Array<{ title: string }> }).embeds[0]!.title).toBe('Daniel Zhang → acting president, Alibaba Cloud Intelligence');

    expect((await delivery.deliver(structuredClone(alert))).map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(emu.requestsTo('POST', /\/messages$/)).toHaveLength(2);

    const updated = await delivery.deliver({ ...alert, sources: [...alert.sources, { title: 't', url: 'https://other.example/story', feed: 'Other', publishedAt: null }] });
    expect(updated.map((r) => r.outcome)).toEqual(['edited', 'edited']);
    expect(emu.requestsTo('POST', /\/messages$/)).toHaveLength(2);
    expect(emu.requestsTo('PATCH', /\/messages\/\d+$/)).toHaveLength(2);
    expect(emu.messagesIn('general')[0]!.embeds[0]!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Sources (2)' })]));
  });

  it('delays posts on 429s but loses none, in order', async () => {
    const alerts = emu.channelId('alerts');
    emu.faults.add({ method: 'POST', path: `/channels/${alerts}/messages`, status: 429, retryAfter: 0.2, times: 2 });
    const keys = ['a', 'b', 'c', 'd'].map((k) => `change:${k}`);
    const started = Date.now();
    await Promise.all(keys.map((k, i) => delivery.deliver(alertOf(k, { ...daniel, person: `Person ${i} Zhang` }))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    const posted = emu.messagesIn('alerts').map((m) => (m.embeds[0] as { title: string }).title);
    expect(posted).toEqual([0, 1, 2, 3].map((i) => `Person ${i} Zhang → acting president, Alibaba Cloud Intelligence`));
    expect(emu.requestsTo('POST', new RegExp(`/channels/${alerts}/messages$`)).filter((r) => r.status === 429)).toHaveLength(2);
    for (const k of keys) expect((await s.stores.deliveries.get(k, `channel:${alerts}`))?.status).toBe('sent');
  });

  it('pauses a subscription on Missing Permissions or Unknown Channel and tells the admin once', async () => {
    emu.setChannelState('cfo-only', 'forbidden');
    emu.setChannelState('tencent', 'deleted');
    const cfo: ChangeSpec = { person: 'Lucy Peng', org: 'Tencent', title: 'chief financial officer', category: 'CFO' };
    const results = await delivery.deliver(alertOf('change:cfo', cfo));
    const byTarget = Object.fromEntries(results.map((r) => [r.target, r.outcome]));
    expect(byTarget[`channel:${emu.channelId('cfo-only')}`]).toBe('paused');
    expect(byTarget[`channel:${emu.channelId('tencent')}`]).toBe('paused');
    expect(byTarget[`channel:${emu.channelId('general')}`]).toBe('sent');
    expect(await s.stores.subscriptions.get(emu.channelId('cfo-only'))).toMatchObject({ status: 'paused', pausedReason: expect.stringMatching(/Missing Permissions \(50013\)/) });
    expect(await s.stores.subscriptions.get(emu.channelId('tencent'))).toMatchObject({ status: 'paused', pausedReason: expect.stringMatching(/Unknown Channel \(10003\)/) });
    const notices = emu.messagesIn('admin').map((m) => m.content);
    expect(notices).toHaveLength(2);
    expect(notices.join('\n')).toMatch(/paused the subscription of <#\d+>: Missing Permissions/);

    await delivery.deliver(alertOf('change:cfo2', { ...cfo, person: 'John Lo' }));
    expect(emu.requestsTo('POST', new RegExp(`/channels/(${emu.channelId('cfo-only')}|${emu.channelId('tencent')})/messages$`))).toHaveLength(2);
    expect(emu.messagesIn('admin')).toHaveLength(2);
    expect(emu.messagesIn('general')).toHaveLength(2);
  });

  it('keeps an alert that failed with server errors and delivers it on the next retry', async () => {
    const general = emu.channelId('general');
    // discord.js retries a 5xx three times itself; the fourth failure reaches delivery.
    emu.faults.add({ method: 'POST', path: `/channels/${general}/messages`, status: 502, times: 4 });
    const results = await delivery.deliver(alertOf('change:5xx', { person: 'Flaky Server', org: 'Acme' }));
    expect(results).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.stringMatching(/502/) })]);
    expect(emu.messagesIn('general')).toHaveLength(0);
    expect((await s.stores.deliveries.outbox()).map((o) => o.alertKey)).toEqual(['change:5xx']);
    expect(await delivery.retryPending()).toBe(1);
    expect(emu.messagesIn('general')).toHaveLength(1);
    expect((await s.stores.deliveries.get('change:5xx', `channel:${general}`))?.status).toBe('sent');
    expect(await s.stores.deliveries.outbox()).toHaveLength(0);
  });

  it('stops sending while the invalid-request breaker is open and sends what waited once it closes', async () => {
    const general = emu.channelId('general');
    emu.faults.add({ method: 'POST', path: `/channels/${general}/messages`, status: 429, retryAfter: 0.05, times: 3 });
    await delivery.deliver(alertOf('change:x', { person: 'First Person', org: 'Acme' }));
    expect(breaker.isOpen()).toBe(true);
    expect(emu.messagesIn('general')).toHaveLength(1);

    const deferred = await delivery.deliver(alertOf('change:y', { person: 'Second Person', org: 'Acme' }));
    expect(deferred.map((r) => r.outcome)).toEqual(['deferred']);
    expect(emu.messagesIn('general')).toHaveLength(1);
    expect(await delivery.retryPending()).toBe(0);

    clock += 31_000;
    expect(await delivery.retryPending()).toBe(1);
    expect(emu.messagesIn('general').map((m) => (m.embeds[0] as { title: string }).title)).toEqual([
      'First Person → chief executive officer, Acme',
      'Second Person → chief executive officer, Acme',
    ]);
    expect(await s.stores.deliveries.outbox()).toHaveLength(0);
  });
});
