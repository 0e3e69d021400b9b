import { AsyncLocalStorage } from 'node:async_hooks';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { Db } from './db.js';

// better-sqlite3 is synchronous and a connection has one transaction: every statement run while a
// unit is open lands in it, whoever runs it. So the SQLite unit of work is a gate. A unit waits
// its turn (first come, first served), opens BEGIN IMMEDIATE (every unit writes: it takes the
// write lock first, so a second process waits on busy_timeout instead of reading a state this
// one is about to change), and is carried by an AsyncLocalStorage while its fn runs. Store calls
// made in that async context run in the unit; a unit run inside it is a savepoint. Any other
// store call waits until no unit is open, so it is neither committed nor rolled back with one.
// A unit's fn does store work and pure computation only: awaiting the network would hold the
// gate, and awaiting something that itself needs the gate never ends.

/** First come, first served: `acquire` resolves when the caller holds it. */
interface Lock {
  readonly held: boolean;
  acquire(): Promise<void>;
  release(): void;
}

function createLock(): Lock {
  let held = false;
  const waiting: Array<() => void> = [];
  return {
    get held() {
      return held;
    },
    acquire() {
      if (!held) {
        held = true;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      // Handed straight to the next waiter: nobody can slip in between.
      const next = waiting.shift();
      if (next) next();
      else held = false;
    },
  };
}

/** An open unit. Its lock is held while a unit inside it (a savepoint) is open. */
interface Unit {
  open: boolean;
  readonly parent: Unit | null;
  readonly lock: Lock;
}

export interface SqliteGate {
  work: UnitOfWork;
  /**
   * Runs one store call: at once inside the open unit whose async context it is in (or when no
   * unit is open), else after that unit ends. A throw becomes a rejection.
   */
  call<T>(fn: () => T): Promise<T>;
  /** Waits until no unit is open and holds the gate for good: before closing the connection. */
  shut(): Promise<void>;
}

const gates = new WeakMap<Db, SqliteGate>();

/** The connection's gate: every store and unit of work built on one connection share it. */
export function sqliteGate(db: Db): SqliteGate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = createGate(db)));
  return gate;
}

function createGate(db: Db): SqliteGate {
  const units = new AsyncLocalStorage<Unit>();
  const root = createLock();
  let savepoints = 0;

  // The lock a call or a unit in this async context goes through: the innermost unit still open
  // (a context can outlive its unit: a promise left running past the unit's end), else the root.
  const lockHere = (): { lock: Lock; unit: Unit | null } => {
    let unit = units.getStore() ?? null;
    while (unit && !unit.open) unit = unit.parent;
    return { lock: unit ? unit.lock : root, unit };
  };

  const runNow = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err as Error);
    }
  };

  function call<T>(fn: () => T): Promise<T> {
    const { lock } = lockHere();
    if (!lock.held) return runNow(fn);
    return lock.acquire().then(() => {
      try {
        return fn();
      } finally {
        lock.release();
      }
    });
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    const { lock, unit: parent } = lockHere();
    await lock.acquire();
    const unit: Unit = { open: true, parent, lock: createLock() };
    const savepoint = parent ? `unit_${++savepoints}` : null;
    try {
      db.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
    } catch (err) {
      unit.open = false;
      lock.release();
      throw err;
    }
    try {
      const result = await units.run(unit, fn);
      // Calls left waiting on this unit's lock (a nested unit still open when fn returned) run first.
      await unit.lock.acquire();
      db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) {
        try {
          db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
        } catch {
          // The first error is the one to report; SQLite may have rolled back by itself.
        }
      }
      throw err;
    } finally {
      unit.open = false;
      lock.release();
    }
  }

  return {
    work: { run },
    call,
    shut: () => root.acquire(),
  };
}

/** The connection's unit of work (see `sqliteGate`). */
export function createUnitOfWork(db: Db): UnitOfWork {
  return sqliteGate(db).work;
}
