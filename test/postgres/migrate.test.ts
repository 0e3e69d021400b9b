import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres, DatabaseVersionError } from '../../src/store/postgres/migrate.js';
import { pgMigrations } from '../../src/store/postgres/migrations/index.js';
import { hasPostgres } from '../support/postgres.js';
import { clusterForFile } from './cluster.js';

describe.runIf(hasPostgres('Postgres migrations'))('Postgres migrations', () => {
  const pgTest = clusterForFile();

  it('migrates once when two processes start together: the second waits and finds nothing to do', async () => {
    const url = await pgTest.database();
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const results = await Promise.all(pools.map((p) => migratePostgres(p)));
      const latest = pgMigrations.at(-1)!.version;
      expect(results.map((r) => r.version)).toEqual([latest, latest]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(pgMigrations.map((m) => m.version));
      const { rows } = await pools[0]!.query('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version');
      expect(rows).toEqual(pgMigrations.map((m) => ({ version: m.version, n: 1 })));
      expect((await migratePostgres(pools[1]!)).applied).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('applies a migration whole or not at all, and refuses a schema newer than it knows', async () => {
    const url = await pgTest.database();
    const pool = new pg.Pool({ connectionString: url });
    try {
      const broken = [...pgMigrations, { version: 999, name: 'broken', up: 'CREATE TABLE half_done (x int); SELECT no_such_column FROM feeds' }];
      await expect(migratePostgres(pool, broken)).rejects.toThrow(/no_such_column/);
      const { rows } = await pool.query(`SELECT to_regclass('half_done') AS t, (SELECT max(version) FROM schema_migrations) AS v`);
      expect(rows[0]).toEqual({ t: null, v: pgMigrations.at(-1)!.version });
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`);
      await expect(migratePostgres(pool)).rejects.toBeInstanceOf(DatabaseVersionError);
    } finally {
      await pool.end();
    }
  });
});
