import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { explainStoreError, isSqliteError } from './health.js';
import { migrations as knownMigrations, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {
  override readonly name = 'DatabaseVersionError';
}

/** Applies the migrations newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = knownMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseVersionError(
      `the database is at schema version ${current}, but this execwatch knows only up to ${latest}: ` +
        'it was written by a newer execwatch. Upgrade execwatch, or restore a backup made by this version.',
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** Opens (creating if needed) the SQLite file, in WAL mode, migrated to the latest schema. */
export function openDatabase(path: string): Db {
  return openDatabaseWithStatus(path).db;
}

export interface OpenedDatabase {
  db: Db;
  /** There was no database (no file, or an empty one): this one is new. */
  created: boolean;
  /**
   * The folder held a database before (its marker says when it was created) but the file was
   * missing or empty: it was deleted, lost or replaced, and this one starts from nothing.
   */
  replaced: { createdAt: string } | null;
}

/** The file beside the database that says a database was created in this folder, and when. */
export const markerPath = (path: string): string => join(dirname(path), `.${basename(path)}.created`);

function readMarker(path: string): { createdAt: string } | null {
  try {
    const raw = JSON.parse(readFileSync(markerPath(path), 'utf8')) as { createdAt?: unknown };
    return { createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : 'an unknown date' };
  } catch {
    return existsSync(markerPath(path)) ? { createdAt: 'an unknown date' } : null;
  }
}

/**
 * openDatabase, also saying whether the database is new and whether it replaces one that was lost.
 * SQLite's errors come out explained (a StoreError naming the file and the fix).
 */
export function openDatabaseWithStatus(path: string, now: () => Date = () => new Date()): OpenedDatabase {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const created = !memory && (!existsSync(path) || statSync(path).size === 0);
  const replaced = created ? readMarker(path) : null;
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    throw isSqliteError(err) ? explainStoreError(err, path) : err;
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    if (created && !replaced) writeFileSync(markerPath(path), `${JSON.stringify({ createdAt: now().toISOString(), database: basename(path) })}\n`);
  } catch (err) {
    db.close();
    throw isSqliteError(err) ? explainStoreError(err, path) : err;
  }
  return { db, created, replaced };
}
