import { describe, expect, it } from 'vitest';
import { DIGEST_PREFIX } from '../../src/ports/deliveries.js';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const T0 = '2026-11-01T09:00:00.000Z';
const T1 = '2026-11-01T09:01:00.000Z';
const T2 = '2026-11-01T09:02:00.000Z';
const T3 = '2026-11-01T09:03:00.000Z';
const DIGEST = `${DIGEST_PREFIX}7:daily:2026-11-01`;

describe.each(adapters)('DeliveryStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('enqueues idempotently: a target already sent stays sent, a new target is queued, the alert is its latest rendering', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{"v":1}', ['channel:1', 'webhook:0'], T0);
    await deliveries.take('event:e1', 'channel:1', T1, 5, T0);
    await deliveries.markSent('event:e1', 'channel:1', 'm1', T1, 'h1');
    await deliveries.enqueue('event:e1', '{"v":2}', ['channel:1', 'webhook:0', 'channel:2'], T2);
    expect((await deliveries.forAlert('event:e1')).map((d) => [d.target, d.status, d.attempts, d.messageId])).toEqual([
      ['channel:1', 'sent', 1, 'm1'],
      ['channel:2', 'queued', 0, null],
      ['webhook:0', 'queued', 0, null],
    ]);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ payloadHash: 'h1', lastError: null, updatedAt: T1 });
    expect(await deliveries.outbox()).toEqual([{ alertKey: 'event:e1', alertJson: '{"v":2}' }]);
    expect(await deliveries.get('event:e1', 'channel:9')).toBeUndefined();
  });

  it('keeps alerts and digests apart in the outbox, each oldest first', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:b', '{}', ['channel:1'], T1);
    await deliveries.enqueue(DIGEST, '{"digest":true}', ['channel:7'], T1);
    await deliveries.enqueue('event:a', '{}', ['channel:1'], T0);
    await deliveries.enqueue('event:c', '{}', ['channel:1'], T1);
    expect((await deliveries.outbox()).map((o) => o.alertKey)).toEqual(['event:a', 'event:b', 'event:c']);
    expect(await deliveries.digestOutbox()).toEqual([{ alertKey: DIGEST, alertJson: '{"digest":true}' }]);
  });

  it('marks a post under way, then failed with its kind kept, and counts every attempt', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{}', ['channel:1'], T0);
    await deliveries.take('event:e1', 'channel:1', T1, 5, T0);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ status: 'pending', attempts: 0, updatedAt: T1 });
    await deliveries.markFailed('event:e1', 'channel:1', { kind: 'transient', message: 'HTTP 502: bad gateway' }, T2);
    await deliveries.markFailed('event:e1', 'channel:1', { kind: 'unreachable', message: 'Missing Access (50001)' }, T3);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ status: 'failed', attempts: 2, lastError: { kind: 'unreachable', message: 'Missing Access (50001)' } });
    expect((await deliveries.pending()).map((d) => d.target)).toEqual(['channel:1']);
  });

  it('counts a failed edit without taking back the posted message', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{}', ['channel:1'], T0);
    await deliveries.markSent('event:e1', 'channel:1', 'm1', T1);
    await deliveries.markEditFailed('event:e1', 'channel:1', { kind: 'invalid', message: 'Invalid Form Body' }, T2);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 2, lastError: { kind: 'invalid', message: 'Invalid Form Body' } });
    // A later send without a message id keeps the one posted.
    await deliveries.markSent('event:e1', 'channel:1', null, T3);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ messageId: 'm1', lastError: null });
    expect(await deliveries.pending()).toEqual([]);
  });

  it('clears an alert from the outbox only when no target has work left and it was not enqueued again', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{"v":1}', ['channel:1', 'channel:2'], T0);
    await deliveries.markSent('event:e1', 'channel:1', 'm1', T1);
    expect(await deliveries.clearOutbox('event:e1', '{"v":1}', 3)).toBe(false); // channel:2 queued
    await deliveries.markFailed('event:e1', 'channel:2', { kind: 'transient', message: 'HTTP 500' }, T1);
    expect(await deliveries.clearOutbox('event:e1', '{"v":1}', 3)).toBe(false); // attempts left
    await deliveries.markFailed('event:e1', 'channel:2', { kind: 'unreachable', message: 'Unknown Channel' }, T2);
    expect(await deliveries.clearOutbox('event:e1', '{"v":0}', 3)).toBe(false); // re-rendered since read
    expect(await deliveries.clearOutbox('event:e1', '{"v":1}', 3)).toBe(true); // unreachable is never retried
    expect(await deliveries.outbox()).toEqual([]);
    expect(await deliveries.clearOutbox('event:e1', '{"v":1}', 3)).toBe(false);
  });

  it('keeps an alert whose post may have gone out (pending) in the outbox', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{}', ['channel:1'], T0);
    await deliveries.take('event:e1', 'channel:1', T1, 5, T0);
    expect(await deliveries.clearOutbox('event:e1')).toBe(false);
    await deliveries.markFailed('event:e1', 'channel:1', { kind: 'transient', message: 'HTTP 500' }, T2);
    expect(await deliveries.clearOutbox('event:e1')).toBe(true); // no attempts allowed: done
  });

  it('hands a digest row to exactly one taker', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue(DIGEST, '{}', ['channel:7'], T0);
    const take = () => deliveries.take(DIGEST, 'channel:7', T1, 3, T0);
    expect([await take(), await take(), await take()]).toEqual([true, false, false]);
    expect((await deliveries.get(DIGEST, 'channel:7'))?.status).toBe('pending');
    await deliveries.markSent(DIGEST, 'channel:7', 'm1', T2);
    expect(await deliveries.take(DIGEST, 'channel:7', T3, 3, T3)).toBe(false);
    expect(await deliveries.take(DIGEST, 'channel:9', T3, 3, T3)).toBe(false);
  });

  it('takes a cut-off digest post again once stale, and a failed one while attempts are left and it is reachable', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue(DIGEST, '{}', ['channel:7', 'channel:8'], T0);
    expect(await deliveries.take(DIGEST, 'channel:7', T1, 3, T0)).toBe(true);
    expect(await deliveries.take(DIGEST, 'channel:7', T2, 3, T1)).toBe(false); // taken at T1: not stale before T1
    expect(await deliveries.take(DIGEST, 'channel:7', T3, 3, T2)).toBe(true); // stale before T2
    await deliveries.markFailed(DIGEST, 'channel:7', { kind: 'transient', message: 'HTTP 500' }, T3);
    expect(await deliveries.take(DIGEST, 'channel:7', T3, 1, T0)).toBe(false); // its one attempt used
    expect(await deliveries.take(DIGEST, 'channel:7', T3, 3, T0)).toBe(true);
    expect(await deliveries.take(DIGEST, 'channel:8', T1, 3, T0)).toBe(true);
    await deliveries.markFailed(DIGEST, 'channel:8', { kind: 'unreachable', message: 'Missing Permissions' }, T2);
    expect(await deliveries.take(DIGEST, 'channel:8', T3, 3, T0)).toBe(false);
  });

  it('hands an alert row to one of several takers racing for it', async () => {
    const { deliveries } = s().stores;
    await deliveries.enqueue('event:e1', '{}', ['channel:1'], T0);
    // Started together: on a backend with several connections they do race.
    const won = await Promise.all(Array.from({ length: 6 }, () => deliveries.take('event:e1', 'channel:1', T1, 3, T0)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await deliveries.get('event:e1', 'channel:1')).toMatchObject({ status: 'pending', updatedAt: T1 });
  });
});
