import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
