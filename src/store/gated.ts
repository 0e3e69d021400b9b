import type { Db } from './db.js';
import { sqliteGate } from './unit-of-work.js';

/** A port's methods as the SQLite adapter writes them: better-sqlite3 answers synchronously. */
export type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K] };

/**
 * The port over synchronous methods: each call goes through the connection's gate (it runs in
 * the unit of work its caller is in, or waits until none is open; src/store/unit-of-work.ts).
 */
export function gated<T extends object>(db: Db, methods: Sync<T>): T {
  const { call } = sqliteGate(db);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(methods)) {
    out[name] = typeof value === 'function' ? (...args: unknown[]) => call(() => (value as (...a: unknown[]) => unknown)(...args)) : value;
  }
  return out as T;
}
