import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { createDelivery } from '../../src/notify/delivery.js';
import { openSqliteStores, type OpenedSqlite } from '../../src/store/open-sqlite.js';
import { captureLogger } from '../discord/harness.js';
import { change } from '../events/support.js';

// Several deliveries on one store (workers, or a process started after a crash) post each
// (alert, target) once: a post is claimed with `take` before it is sent.

const T = '2026-11-01T09:00:00.000Z';
const clock = () => new Date(T);
const alert: Alert = {
  key: 'event:e1',
  change: change({ person: 'Jane Doe', item: 'i1', at: '2026-11-01T08:00:00.000Z' }),
  sources: [{ title: 'Acme names Jane Doe CEO', url: 'https://news.example/a', feed: 'News', publishedAt: '2026-11-01T08:00:00.000Z' }],
  confidence: 0.9,
  notes: [],
};

/** One worker's view of a shared channel: every post lands in `posts`; `hold` keeps posts open. */
function channel(posts: string[], worker: string, opts: { hold?: Promise<void> } = {}): AlertTarget {
  return {
    id: 'channel:1',
    async send() {
      posts.push(worker);
      await opts.hold;
      return `m-${worker}`;
    },
  };
}

describe('delivery claims each post (take)', () => {
  let s: OpenedSqlite;
  beforeEach(() => {
    s = openSqliteStores(join(mkdtempSync(join(tmpdir(), 'execwatch-take-')), 'execwatch.db'));
  });
  afterEach(() => s.opened.close());
  const deliveries = () => s.opened.stores.deliveries;

  it('two workers passing over the same outbox at once post the alert once', async () => {
    const posts: string[] = [];
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const lease = () => new Date(Date.parse(T) - 60_000).toISOString();
    const a = createDelivery({ targets: [channel(posts, 'a', { hold })], store: deliveries(), logger: captureLogger().logger, now: clock, staleBefore: lease });
    const b = createDelivery({ targets: [channel(posts, 'b', { hold })], store: deliveries(), logger: captureLogger().logger, now: clock, staleBefore: lease });
    await s.opened.work.run(() => a.enqueue(alert));
    const passes = Promise.all([a.retryPending(), b.retryPending()]);
    // Both passes have read the outbox and reached the row before the first post ends.
    await new Promise<void>((r) => setImmediate(r));
    release();
    await passes;
    expect(posts).toHaveLength(1);
    expect(await deliveries().get(alert.key, 'channel:1')).toMatchObject({ status: 'sent', messageId: `m-${posts[0]}`, attempts: 1 });
    expect(await deliveries().outbox()).toEqual([]);
  });

  it('a post cut off by a crash is taken over by the next start, but not by a worker whose lease has not run out', async () => {
    const posts: string[] = [];
    const crashed = createDelivery({ targets: [channel(posts, 'crashed', { hold: new Promise<void>(() => undefined) })], store: deliveries(), logger: captureLogger().logger, now: clock });
    await s.opened.work.run(() => crashed.enqueue(alert));
    void crashed.retryPending(); // its post never ends: the process dies there
    await new Promise<void>((r) => setImmediate(r));
    expect(posts).toEqual(['crashed']);
    expect((await deliveries().get(alert.key, 'channel:1'))?.status).toBe('pending');

    // A worker of the same moment: the post may still be under way.
    const early = createDelivery({
      targets: [channel(posts, 'early')], store: deliveries(), logger: captureLogger().logger, now: clock,
      staleBefore: () => new Date(Date.parse(T) - 60_000).toISOString(),
    });
    await early.retryPending();
    expect(posts).toEqual(['crashed']);

    // The process started again (same clock: the default takes over what was pending at its start).
    const restarted = createDelivery({ targets: [channel(posts, 'restarted')], store: deliveries(), logger: captureLogger().logger, now: clock });
    await restarted.retryPending();
    expect(posts).toEqual(['crashed', 'restarted']);
    expect(await deliveries().get(alert.key, 'channel:1')).toMatchObject({ status: 'sent', messageId: 'm-restarted' });
  });
});
