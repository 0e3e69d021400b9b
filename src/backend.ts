// Which store backend this configuration uses: SQLite (the default, one file in dataDir) or
// Postgres (database.url / DATABASE_URL, shared by every role: docs/scaling.md). main.ts and the
// CLI open the stores through here and see the same ports either way.

import type { LoadedConfig } from './config/load.js';
import { maskDatabaseUrl } from './config/database-url.js';
import type { OpenedStores } from './ports/stores.js';
import { openDatabase, type Db } from './store/db.js';
import { openSqliteStores, type OpenedSqlite } from './store/open-sqlite.js';
import { openPostgresStores } from './store/postgres/open.js';
import type { RecordsQuery } from './timeline/records-query.js';

export interface Backend {
  kind: 'sqlite' | 'postgres';
  opened: OpenedStores;
  records: RecordsQuery;
  /**
   * A SQLite connection for what each process keeps to itself: on SQLite the database itself; on
   * Postgres an in-memory one (the LLM call log the daily budget counts, the article cache), so
   * those stay per process there.
   */
  local: Db;
  /** The SQLite database as opened (created, replaced), or null on Postgres. */
  sqlite: OpenedSqlite | null;
  /** The Postgres URL (what the job queue of the split roles uses too), or null on SQLite. */
  postgresUrl: string | null;
  /** The file, or the URL with its password masked: for logs. */
  shown: string;
  /** The database answers (Postgres: a round trip; SQLite: the connection is open). */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

const PING_MS = 3000;

export async function openBackend(loaded: LoadedConfig, now: () => Date, poolSize?: number): Promise<Backend> {
  if (!loaded.databaseUrl) {
    const sqlite = openSqliteStores(loaded.databasePath, now);
    return {
      kind: 'sqlite', opened: sqlite.opened, records: sqlite.records, local: sqlite.db, sqlite, postgresUrl: null, shown: loaded.databasePath,
      reachable: async () => sqlite.db.open,
      close: () => sqlite.opened.close(),
    };
  }
  const pg = await openPostgresStores(loaded.databaseUrl, { now, max: poolSize });
  const local = openDatabase(':memory:');
  return {
    kind: 'postgres', opened: pg, records: pg.records, local, sqlite: null, postgresUrl: loaded.databaseUrl, shown: maskDatabaseUrl(loaded.databaseUrl),
    async reachable() {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          pg.db.query('SELECT 1').then(() => true),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_MS))),
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await pg.close();
      local.close();
    },
  };
}
