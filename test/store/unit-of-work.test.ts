import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores, type OpenedSqlite } from '../../src/store/open-sqlite.js';

const T = '2026-01-01T00:00:00.000Z';
const feed = (name: string) => ({ url: `https://feeds.example/${name}.xml`, name });
/** Lets every queued callback run (promise jobs and I/O), so a call that could go on has gone on. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the SQLite unit of work (a gate on one connection)', () => {
  let s: OpenedSqlite;
  const names = async () => (await s.opened.stores.feeds.list()).map((f) => f.name);
  afterEach(async () => s.opened.close());
  const open = () => (s = openSqliteStores(join(mkdtempSync(join(tmpdir(), 'execwatch-uow-')), 'execwatch.db')));

  it('commits what the unit wrote', async () => {
    const { stores, work } = open().opened;
    const id = await work.run(async () => (await stores.feeds.upsert(feed('a'), T)).id);
    expect(await names()).toEqual(['a']);
    expect((await stores.feeds.get(id))?.name).toBe('a');
    expect(s.db.inTransaction).toBe(false);
  });

  it('rolls back a unit that throws, and rejects with its error', async () => {
    const { stores, work } = open().opened;
    await expect(work.run(async () => {
      await stores.feeds.upsert(feed('a'), T);
      await stores.items.insert({ id: 'i1', feedId: 1, url: null, title: 't', titleKey: 't', publishedAt: null, seenAt: T, status: 'processed' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await names()).toEqual([]);
    expect(await stores.items.get('i1')).toBeUndefined();
    expect(s.db.inTransaction).toBe(false);
  });

  it('makes a store call from outside an open unit wait for it, and keeps it out of its rollback', async () => {
    const { stores, work } = open().opened;
    const wrote = deferred();
    const hold = deferred();
    const unit = work.run(async () => {
      await stores.feeds.upsert(feed('inside'), T);
      wrote.resolve();
      await hold.promise;
      throw new Error('rolled back');
    });
    await wrote.promise;
    let outsideDone = false;
    const outside = stores.feeds.upsert(feed('outside'), T).then(() => {
      outsideDone = true;
    });
    await settle();
    expect(outsideDone).toBe(false);
    hold.resolve();
    await expect(unit).rejects.toThrow('rolled back');
    await outside;
    expect(outsideDone).toBe(true);
    expect(await names()).toEqual(['outside']);
  });

  it('rolls back a nested unit to its savepoint and keeps the outer unit', async () => {
    const { stores, work } = open().opened;
    await work.run(async () => {
      await stores.feeds.upsert(feed('before'), T);
      await expect(work.run(async () => {
        await stores.feeds.upsert(feed('nested'), T);
        expect(await names()).toEqual(['before', 'nested']);
        throw new Error('nested fails');
      })).rejects.toThrow('nested fails');
      await work.run(async () => stores.feeds.upsert(feed('nested-ok'), T));
      await stores.feeds.upsert(feed('after'), T);
    });
    expect(await names()).toEqual(['before', 'nested-ok', 'after']);
  });

  it('runs two concurrent units one after the other, in the order they asked', async () => {
    const { stores, work } = open().opened;
    const log: string[] = [];
    const unit = (name: string) => work.run(async () => {
      log.push(`${name} starts`);
      const before = (await stores.feeds.list()).length;
      await settle();
      await stores.feeds.upsert(feed(name), T);
      await settle();
      log.push(`${name} ends with ${before + 1}`);
    });
    await Promise.all([unit('a'), unit('b'), unit('c')]);
    expect(log).toEqual(['a starts', 'a ends with 1', 'b starts', 'b ends with 2', 'c starts', 'c ends with 3']);
  });

  it('a unit that failed does not hold the gate: the next one and outside calls go on', async () => {
    const { stores, work } = open().opened;
    const failing = work.run(async () => {
      await stores.feeds.upsert(feed('x'), T);
      throw new Error('x');
    });
    const next = work.run(async () => stores.feeds.upsert(feed('y'), T));
    await expect(failing).rejects.toThrow('x');
    await next;
    expect(await names()).toEqual(['y']);
  });

  it('closes after the open unit ends', async () => {
    const { stores, work, close } = open().opened;
    const hold = deferred();
    const unit = work.run(async () => {
      await stores.feeds.upsert(feed('a'), T);
      await hold.promise;
    });
    await settle();
    const closed = close();
    await settle();
    expect(s.db.open).toBe(true);
    hold.resolve();
    await unit;
    await closed;
    expect(s.db.open).toBe(false);
    const again = openSqliteStores(s.path);
    expect((await again.opened.stores.feeds.list()).map((f) => f.name)).toEqual(['a']);
    await again.opened.close();
  });
});
