import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { Db } from './db.js';

/** A SQLite transaction per unit (better-sqlite3 nests them as savepoints). */
export function createUnitOfWork(db: Db): UnitOfWork {
  return { run: (fn) => db.transaction(fn)() };
}
