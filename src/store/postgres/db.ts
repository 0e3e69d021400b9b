import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { UnitOfWork } from '../../ports/unit-of-work.js';

/** The transaction a unit of work holds: its connection, how deep it is nested, what it locked. */
interface UnitContext {
  client: pg.PoolClient;
  depth: number;
  /** The merge lock (see takeMergeLock) is held by this transaction. */
  mergeLocked: boolean;
  /** The last unit nested in this one: nested units started together take turns. */
  nested: Promise<void>;
}

export type Row = Record<string, unknown>;

/**
 * A pool and the unit of work over it: a unit checks a connection out, BEGINs, and every store
 * call made in its async context (AsyncLocalStorage) runs on that connection; a call from
 * elsewhere takes any free pooled connection and runs beside the unit.
 */
export interface PgDb {
  readonly pool: pg.Pool;
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rows changed by an UPDATE / DELETE / INSERT. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  work: UnitOfWork;
  /** True inside a unit of work. */
  inUnit(): boolean;
  /** Runs `fn` in the caller's unit, or in a unit of its own: what must land whole does. */
  atomic<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Serialises event merging across connections and processes: the first call in a transaction
   * takes a transaction-level advisory lock (released at COMMIT/ROLLBACK); later calls are free.
   * Outside a unit there is no transaction to hold it, and nothing is taken.
   */
  takeMergeLock(): Promise<void>;
  close(): Promise<void>;
}

/** The advisory lock key of event merging (any constant: one lock for every merge). */
export const MERGE_LOCK_KEY = 0x6578_6d67; // "exmg"

export function createPgDb(pool: pg.Pool): PgDb {
  const units = new AsyncLocalStorage<UnitContext>();
  const on = (): pg.Pool | pg.PoolClient => units.getStore()?.client ?? pool;

  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    const outer = units.getStore();
    if (outer) {
      // A unit inside a unit: a savepoint of the same transaction, on the same connection. Two
      // started at once (Promise.all) take turns: savepoints of one connection nest, not interleave.
      const before = outer.nested;
      let done!: () => void;
      outer.nested = new Promise<void>((resolve) => (done = resolve));
      await before;
      const name = `unit_${outer.depth + 1}`;
      const inner: UnitContext = { client: outer.client, depth: outer.depth + 1, mergeLocked: outer.mergeLocked, nested: Promise.resolve() };
      try {
        await outer.client.query(`SAVEPOINT ${name}`);
        try {
          const value = await units.run(inner, fn);
          await outer.client.query(`RELEASE SAVEPOINT ${name}`);
          // A lock taken inside a savepoint stays held once the savepoint is released (not when rolled back).
          outer.mergeLocked ||= inner.mergeLocked;
          return value;
        } catch (err) {
          await outer.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          throw err;
        }
      } finally {
        done();
      }
    }
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        const value = await units.run({ client, depth: 0, mergeLocked: false, nested: Promise.resolve() }, fn);
        await client.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      }
    } finally {
      // A connection that could not even roll back is dropped, not handed to the next unit.
      client.release(broken);
    }
  };

  return {
    pool,
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      return (await on().query<R>(sql, params as unknown[])).rows;
    },
    async execute(sql, params = []) {
      return (await on().query(sql, params as unknown[])).rowCount ?? 0;
    },
    work: { run },
    inUnit: () => units.getStore() !== undefined,
    atomic: (fn) => (units.getStore() ? fn() : run(fn)),
    async takeMergeLock() {
      const unit = units.getStore();
      if (!unit || unit.mergeLocked) return;
      await unit.client.query('SELECT pg_advisory_xact_lock($1)', [MERGE_LOCK_KEY]);
      unit.mergeLocked = true;
    },
    close: () => pool.end(),
  };
}
