import { afterAll } from 'vitest';
import pg from 'pg';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';

/** One throwaway cluster for the test file (started on first use) and a fresh database per call. */
export function clusterForFile(): { database(): Promise<string>; cluster(): Promise<PostgresCluster> } {
  let cluster: Promise<PostgresCluster> | null = null;
  let n = 0;
  const ready = () => (cluster ??= startPostgres());
  afterAll(async () => {
    if (cluster) await (await cluster).stop();
  });
  return {
    cluster: ready,
    async database() {
      const c = await ready();
      const name = `test_${++n}`;
      const admin = new pg.Client({ connectionString: c.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return c.url.replace(/\/postgres$/, `/${name}`);
    },
  };
}
