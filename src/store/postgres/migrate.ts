import type pg from 'pg';
import { DatabaseVersionError } from '../db.js';
import { pgMigrations, type PgMigration } from './migrations/index.js';

export { DatabaseVersionError };

/** The advisory lock two processes starting at once take, so that one migrates and the other waits. */
const MIGRATION_LOCK_KEY = 0x6578_6d69; // "exmi"

export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  version: number;
}

/**
 * Applies the migrations not in schema_migrations yet, each in its own transaction, holding a
 * session advisory lock for the whole run: a second process waits, then finds nothing to do.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PgMigration[] = pgMigrations): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const latest = migrations.at(-1)?.version ?? 0;
      const newest = Math.max(0, ...done);
      if (newest > latest) {
        throw new DatabaseVersionError(
          `the database is at schema version ${newest}, but this execwatch knows only up to ${latest}: ` +
            'it was migrated by a newer execwatch. Upgrade execwatch.',
        );
      }
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.up);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
        applied.push(m.version);
      }
      return { applied, version: Math.max(newest, ...applied) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
