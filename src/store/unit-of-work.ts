import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { Db } from './db.js';

/**
 * A SQLite transaction per unit (better-sqlite3 nests them as savepoints). IMMEDIATE: every unit
 * writes, so it takes the write lock first; a second process waits for it (busy_timeout) instead of
 * reading a state the first is about to change (the digest runner relies on this).
 */
export function createUnitOfWork(db: Db): UnitOfWork {
  return { run: (fn) => db.transaction(fn).immediate() };
}
