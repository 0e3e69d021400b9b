import { afterAll, describe, expect, it } from 'vitest';
import type { Extractor, NewsItem } from '../../src/core/change.js';
import { MAX_BODY_CHARS, MAX_ID_CHARS, MAX_TITLE_CHARS } from '../../src/core/bounds.js';
import { createBuiltinExtractor } from '../../src/extract/index.js';
import { MAX_EXTRACTION_ATTEMPTS } from '../../src/pipeline/process-item.js';
import { createPooledExtractor, createWorkerPool } from '../../src/pool/worker-pool.js';
import { entry, openPipeline, recordingTarget, tempDbPath } from './support.js';

/** The real built-in extractor, noting each item it is handed. */
function recordingExtractor() {
  const seen: NewsItem[] = [];
  const builtin = createBuiltinExtractor();
  const extractor: Extractor = { name: 'builtin', extract: (item) => (seen.push(item), builtin.extract(item)) };
  return { extractor, seen };
}

describe('what an item may make the pipeline read', () => {
  it('bounds title, summary, content, link and id once, for every later stage (extractor, merging, storage)', async () => {
    const { extractor, seen } = recordingExtractor();
    const p = await openPipeline({ extractor, targets: [recordingTarget('console').target] });
    const lede = 'Acme Robotics said on Tuesday that Jane Doe will succeed John Roe as chief executive officer.';
    const hostile = entry({
      id: `urn:x:${'g'.repeat(5_000)}`,
      title: `A${'a'.repeat(1_000_000)}`, // one megabyte, one word
      summary: `${lede}\n\n${'The company makes robots for warehouses. '.repeat(250_000)}`, // ten megabytes
      content: 'Jane Doe (Doe Jane) '.repeat(100_000),
      url: `https://news.example/${'p'.repeat(10_000)}`,
    });
    const outcome = await p.process(hostile);
    expect(outcome).toMatchObject({ kind: 'processed' });

    const [item] = seen;
    expect(item!.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(item!.summary!.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(item!.content!.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(item!.url).toBeNull();
    expect(item!.id.length).toBeLessThanOrEqual(MAX_ID_CHARS);

    const stored = (await p.stores.items.get(item!.id))!;
    expect(stored.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(stored.titleKey.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    const changes = await p.stores.changes.byItem(item!.id);
    expect(changes.map((c) => c.change.person.name).sort()).toEqual(['Jane Doe', 'John Roe']);
    for (const c of changes) expect(c.change.evidence.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    // The same entry on the next poll is recognised under its bounded id.
    expect(await p.process(hostile)).toEqual({ kind: 'seen' });
    p.db.close();
  }, 60_000);
});

describe('alerts and the outbox', () => {
  it('puts every alert of an item in the outbox, for every target, in the item transaction, before any post finishes', async () => {
    const slow = recordingTarget('webhook:1', { hold: true });
    const other = recordingTarget('channel:2');
    const p = await openPipeline({ extractor: createBuiltinExtractor(), targets: [slow.target, other.target] });
    // Discord answers no post; the item's processing still ends, with both alerts committed.
    const outcome = await p.process(entry());
    expect(outcome).toEqual({ kind: 'processed', changes: 2, alerts: 2 });
    const keys = (await p.stores.deliveries.outbox()).map((o) => o.alertKey);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect((await p.stores.deliveries.forAlert(key)).map((d) => d.target).sort()).toEqual(['channel:2', 'webhook:1']);
    }
    slow.release();
    await p.delivery.retryPending();
    expect(slow.sent.map((a) => a.key).sort()).toEqual([...keys].sort());
    expect(other.sent.map((a) => a.key).sort()).toEqual([...keys].sort());
    expect(await p.stores.deliveries.outbox()).toHaveLength(0);
    p.db.close();
  });

  it('stores a change below extraction.minConfidence but does not alert it (the built-in extractor drops nothing)', async () => {
    const target = recordingTarget('console');
    const p = await openPipeline({ extractor: createBuiltinExtractor(), targets: [target.target] });
    // A headline "name" the story never repeats: the built-in extractor reads it at 0.45, under 0.5.
    const vague = entry({
      id: 'https://news.example/kmart', url: 'https://news.example/kmart', title: 'KMart Names Yum Marketing Maven As CEO',
      summary: 'The retailer said on Tuesday that the new chief executive would start next month, after a long search that followed weak holiday sales and the departure of its previous leader.',
    });
    expect(await p.process(vague)).toEqual({ kind: 'processed', changes: 1, alerts: 0 });
    expect((await p.stores.changes.byItem(vague.id)).map((c) => [c.change.person.name, c.change.confidence])).toEqual([['Yum Marketing Maven', 0.45]]);
    expect(await p.stores.deliveries.outbox()).toHaveLength(0);
    await p.delivery.retryPending();
    expect(target.sent).toHaveLength(0);
    p.db.close();
  });
});

describe('poison items', () => {
  const spinning = createWorkerPool({ threads: 1, itemBudgetMs: 1_000, tasksUrl: new URL('../fixtures/pool/spin-tasks.ts', import.meta.url) });
  afterAll(async () => spinning.close());

  it('records an item over its time budget as failed, reports it once, never reads it again, and goes on with the next item', async () => {
    const target = recordingTarget('console');
    const p = await openPipeline({ extractor: createPooledExtractor(spinning), targets: [target.target] });
    const bad = entry({ id: 'bad', url: 'https://news.example/bad', title: 'spin' });
    const outcome = await p.process(bad);
    expect(outcome).toMatchObject({ kind: 'failed', poison: true });
    expect(await p.stores.items.get('bad')).toMatchObject({ status: 'failed', note: expect.stringMatching(/^poison: extraction took longer than its 1000 ms budget/) });
    expect(p.poisoned).toEqual([expect.objectContaining({ feed: 'Example News', itemId: 'bad', title: 'spin' })]);
    expect(await p.process(bad)).toEqual({ kind: 'seen' });
    expect(p.poisoned).toHaveLength(1);
    expect(await p.process(entry({ id: 'next', url: 'https://news.example/next', title: 'fine' }))).toMatchObject({ kind: 'processed' });
    p.db.close();
  }, 30_000);

  it('counts starts that died while reading an item, and gives up on it as poison after a few', async () => {
    const path = tempDbPath();
    let calls = 0;
    // Extraction that never ends: what the process looks like to the database when it dies mid-item.
    const dies: Extractor = { name: 'builtin', extract: () => (calls++, new Promise(() => {})) };
    for (let start = 1; start <= MAX_EXTRACTION_ATTEMPTS; start++) {
      const p = await openPipeline({ extractor: dies, targets: [], path });
      void p.process(entry());
      await new Promise((r) => setTimeout(r, 20));
      expect(await p.stores.items.get(entry().id)).toMatchObject({ status: 'extracting', note: `attempt ${start}` });
      p.db.close();
    }
    const p = await openPipeline({ extractor: dies, targets: [], path });
    expect(await p.process(entry())).toMatchObject({ kind: 'failed', poison: true });
    expect(calls).toBe(MAX_EXTRACTION_ATTEMPTS);
    expect(await p.stores.items.get(entry().id)).toMatchObject({ status: 'failed', note: `poison: the process stopped ${MAX_EXTRACTION_ATTEMPTS} times while reading it` });
    expect(p.poisoned).toHaveLength(1);
    p.db.close();
  });
});
