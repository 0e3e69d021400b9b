import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { OpenedStores } from '../../src/ports/stores.js';
import type { RecordsQuery } from '../../src/timeline/records-query.js';
import { openDatabase } from '../../src/store/db.js';
import { createChangeStore } from '../../src/store/change-store.js';
import { createDeliveryStore } from '../../src/store/delivery-store.js';
import { createDigestEventSource } from '../../src/store/digest-events.js';
import { createEventStore } from '../../src/store/event-store.js';
import { createFeedStore } from '../../src/store/feed-store.js';
import { createItemStore } from '../../src/store/item-store.js';
import { createRecordsQuery } from '../../src/store/records-query-store.js';
import { migratePostgres } from '../../src/store/postgres/migrate.js';
import { openPostgresStores } from '../../src/store/postgres/open.js';
import { createSecFilingStore } from '../../src/store/sec-filing-store.js';
import { createSubscriptionStore } from '../../src/store/subscription-store.js';
import { createUnitOfWork } from '../../src/store/unit-of-work.js';
import { hasPostgres, startPostgres, type PostgresCluster } from '../support/postgres.js';

// The backends the contract suite runs against. Each suite in this folder sees only the ports
// (src/ports); a backend joins by adding its factory here. Postgres: one throwaway cluster per
// test file (test/support/postgres.ts), a fresh database per test copied from a migrated
// template; left out, with one printed line, where no server binaries exist.

/** A backend's stores and the records query read over them (timelines, /changes, export). */
export interface ContractStores extends OpenedStores {
  records: RecordsQuery;
}

export interface StoreAdapter {
  name: string;
  /** `now`: the clock the records query counts days back from. */
  open(now?: () => Date): Promise<ContractStores>;
  /** Lets go of what the adapter shares between tests (after the last suite of a file). */
  release?(): Promise<void>;
}

/** The SQLite stores over the file at `file` (created and migrated when new). */
export function openSqliteAt(file: string, now: () => Date = () => new Date()): ContractStores {
  const db = openDatabase(file);
  const events = createEventStore(db);
  return {
    records: createRecordsQuery(db, events, now),
    stores: {
      feeds: createFeedStore(db),
      items: createItemStore(db),
      changes: createChangeStore(db),
      events: createEventStore(db),
      deliveries: createDeliveryStore(db),
      subscriptions: createSubscriptionStore(db),
      filings: createSecFilingStore(db),
      digestEvents: createDigestEventSource(db),
    },
    work: createUnitOfWork(db),
    close: async () => void db.close(),
  };
}

const sqlite: StoreAdapter = {
  name: 'SQLite',
  async open(now) {
    // A real file, as the bot runs it (WAL, foreign keys, every migration).
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-contract-'));
    const opened = openSqliteAt(join(dir, 'contract.db'), now);
    return {
      ...opened,
      async close() {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const TEMPLATE = 'contract_template';

/** A cluster with a migrated template database; started on first use, stopped by release(). */
export function postgresAdapter(): StoreAdapter & { cluster(): Promise<PostgresCluster>; freshUrl(): Promise<string> } {
  let cluster: Promise<PostgresCluster> | null = null;
  let n = 0;
  const start = async () => {
    const c = await startPostgres();
    const pool = new pg.Pool({ connectionString: await c.createDatabase(TEMPLATE), max: 1 });
    try {
      await migratePostgres(pool);
    } finally {
      await pool.end();
    }
    return c;
  };
  const ready = () => (cluster ??= start());
  const freshUrl = async () => {
    const c = await ready();
    const name = `contract_${++n}`;
    const admin = new pg.Client({ connectionString: c.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    } finally {
      await admin.end();
    }
    return c.url.replace(/\/postgres$/, `/${name}`);
  };
  return {
    name: 'Postgres',
    cluster: ready,
    freshUrl,
    async open(now) {
      return openPostgresStores(await freshUrl(), now ? { now } : {});
    },
    async release() {
      const c = cluster;
      cluster = null;
      if (c) await (await c).stop();
    },
  };
}

export const adapters: StoreAdapter[] = [sqlite, ...(hasPostgres('contract suite on Postgres') ? [postgresAdapter()] : [])];

// Registered while a test file collects (this module is evaluated once per file): the file's
// cluster lives until its last suite is done.
afterAll(async () => {
  for (const adapter of adapters) await adapter.release?.();
});
