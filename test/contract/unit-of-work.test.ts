import { describe, expect, it } from 'vitest';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const T0 = '2026-11-01T09:00:00.000Z';

describe.each(adapters)('UnitOfWork contract ($name)', (adapter) => {
  const s = freshStores(adapter);
  const enqueue = (key: string) => s().stores.deliveries.enqueue(key, '{}', ['channel:1'], T0);
  const keys = () => s().stores.deliveries.outbox().map((o) => o.alertKey);

  it('commits what the unit wrote and returns its value', () => {
    const n = s().work.run(() => {
      enqueue('event:a');
      s().stores.feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
      return 42;
    });
    expect(n).toBe(42);
    expect(keys()).toEqual(['event:a']);
    expect(s().stores.feeds.list()).toHaveLength(1);
  });

  it("rolls back every store's writes when the unit throws, and rethrows", () => {
    const boom = new Error('boom');
    expect(() => s().work.run(() => {
      enqueue('event:a');
      s().stores.feeds.upsert({ url: 'https://a.example/rss', name: 'A' }, T0);
      throw boom;
    })).toThrow(boom);
    expect(keys()).toEqual([]);
    expect(s().stores.feeds.list()).toEqual([]);
  });

  it("undoes a nested unit that failed, keeping the outer unit's writes", () => {
    s().work.run(() => {
      enqueue('event:outer');
      expect(() => s().work.run(() => {
        enqueue('event:inner');
        throw new Error('inner');
      })).toThrow('inner');
      enqueue('event:after');
    });
    expect(keys().sort()).toEqual(['event:after', 'event:outer']);
  });

  it('lands a nested unit only with its outer unit', () => {
    expect(() => s().work.run(() => {
      s().work.run(() => enqueue('event:inner'));
      expect(keys()).toEqual(['event:inner']); // visible inside the outer unit
      throw new Error('outer');
    })).toThrow('outer');
    expect(keys()).toEqual([]);
  });
});
