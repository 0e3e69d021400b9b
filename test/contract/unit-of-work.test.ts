import { describe, expect, it } from 'vitest';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const T0 = '2026-11-01T09:00:00.000Z';

describe.each(adapters)('UnitOfWork contract ($name)', (adapter) => {
  const s = freshStores(adapter);
  const enqueue = (key: string) => s().stores.deliveries.enqueue(key, '{}', ['channel:1'], T0);
  const keys = async () => (await s().stores.deliveries.outbox()).map((o) => o.alertKey);

  it('commits what the unit wrote and returns its value', async () => {
    const n = await s().work.run(async () => {
      await enqueue('event:a');
      await s().stores.feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
      return 42;
    });
    expect(n).toBe(42);
    expect(await keys()).toEqual(['event:a']);
    expect(await s().stores.feeds.list()).toHaveLength(1);
  });

  it("rolls back every store's writes when the unit throws, and rethrows", async () => {
    const boom = new Error('boom');
    await expect(s().work.run(async () => {
      await enqueue('event:a');
      await s().stores.feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
      throw boom;
    })).rejects.toBe(boom);
    expect(await keys()).toEqual([]);
    expect(await s().stores.feeds.list()).toEqual([]);
  });

  it("undoes a nested unit that failed, keeping the outer unit's writes", async () => {
    await s().work.run(async () => {
      await enqueue('event:outer');
      await expect(s().work.run(async () => {
        await enqueue('event:inner');
        throw new Error('inner');
      })).rejects.toThrow('inner');
      await enqueue('event:after');
    });
    expect((await keys()).sort()).toEqual(['event:after', 'event:outer']);
  });

  it('lands a nested unit only with its outer unit', async () => {
    await expect(s().work.run(async () => {
      await s().work.run(() => enqueue('event:inner'));
      expect(await keys()).toEqual(['event:inner']); // visible inside the outer unit
      throw new Error('outer');
    })).rejects.toThrow('outer');
    expect(await keys()).toEqual([]);
  });

  it('runs a store call awaited inside the unit as part of it, even after other awaits', async () => {
    await expect(s().work.run(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([enqueue('event:a'), enqueue('event:b')]);
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect(await keys()).toEqual([]);
  });
});
