import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { createDelivery } from '../../src/notify/delivery.js';
import type { DeliveryFailure } from '../../src/ports/deliveries.js';
import type { OpenedStores } from '../../src/ports/stores.js';
import { adapters } from '../contract/adapters.js';
import { captureLogger } from '../discord/harness.js';
import { change } from '../events/support.js';

// Delivery reads no platform's errors or renderings: each target says what its failures mean
// (`failure`) and what it would post (`payload`). These are the defaults and the hooks at work,
// on a real SQLite outbox.

const alert = (notes: string[] = []): Alert => ({
  key: 'event:e1',
  change: change({ person: 'Jane Doe', item: 'i1', at: '2026-11-01T08:00:00.000Z' }),
  sources: [{ title: 'Acme names Jane Doe CEO', url: 'https://news.example/a', feed: 'News', publishedAt: '2026-11-01T08:00:00.000Z' }],
  confidence: 0.9,
  notes,
});

/** A target that fails as told, then posts; records what it was asked to do. */
function scriptedTarget(opts: { failWith?: unknown[]; failure?: (err: unknown) => DeliveryFailure; payload?: (a: Alert) => unknown }) {
  const failWith = [...(opts.failWith ?? [])];
  const calls: string[] = [];
  const target: AlertTarget = {
    id: 'test:1',
    async send() {
      calls.push('send');
      if (failWith.length) throw failWith.shift();
      return 'm1';
    },
    async edit() {
      calls.push('edit');
    },
    ...(opts.failure ? { failure: opts.failure } : {}),
    ...(opts.payload ? { payload: opts.payload } : {}),
  };
  return { target, calls };
}

describe('delivery through the target hooks', () => {
  let s: OpenedStores;
  beforeEach(async () => {
    s = await adapters[0]!.open();
  });
  afterEach(async () => s.close());
  const deliveryFor = (target: AlertTarget) =>
    createDelivery({ targets: [target], store: s.stores.deliveries, logger: captureLogger().logger, maxAttempts: 3 });

  it('retries what a target does not explain (transient), and posts it on the next pass', async () => {
    const { target, calls } = scriptedTarget({ failWith: [new Error('socket hang up')] });
    const delivery = deliveryFor(target);
    expect((await delivery.deliver(alert())).map((r) => r.outcome)).toEqual(['failed']);
    expect((await s.stores.deliveries.get('event:e1', 'test:1'))?.lastError).toEqual({ kind: 'transient', message: 'socket hang up' });
    await delivery.retryPending();
    expect(calls).toEqual(['send', 'send']);
    expect(await s.stores.deliveries.get('event:e1', 'test:1')).toMatchObject({ status: 'sent', messageId: 'm1' });
  });

  it('pauses a target whose own reading says unreachable, and never retries it', async () => {
    const paused: string[] = [];
    const { target, calls } = scriptedTarget({ failWith: [new Error('gone')], failure: (err) => ({ kind: 'unreachable', message: `no access: ${(err as Error).message}` }) });
    const delivery = createDelivery({ targets: [target], store: s.stores.deliveries, logger: captureLogger().logger, onUnreachable: (id, reason) => void paused.push(`${id} ${reason}`) });
    expect((await delivery.deliver(alert())).map((r) => r.outcome)).toEqual(['paused']);
    await delivery.retryPending();
    expect(calls).toEqual(['send']);
    expect(paused).toEqual(['test:1 no access: gone']);
    expect((await s.stores.deliveries.get('event:e1', 'test:1'))?.lastError).toEqual({ kind: 'unreachable', message: 'no access: gone' });
  });

  it('edits a posted message only when what the target would post changed', async () => {
    // This target shows the change and its sources, not the notes.
    const { target, calls } = scriptedTarget({ payload: (a) => [a.change.person.name, a.sources.length] });
    const delivery = deliveryFor(target);
    await delivery.deliver(alert());
    expect((await delivery.deliver(alert(['a note it does not show']))).map((r) => r.outcome)).toEqual(['skipped']);
    const more = { ...alert(), sources: [...alert().sources, { title: 'Second outlet', url: 'https://other.example/b', feed: 'Other', publishedAt: null }] };
    expect((await delivery.deliver(more)).map((r) => r.outcome)).toEqual(['edited']);
    expect(calls).toEqual(['send', 'edit']);
  });
});
