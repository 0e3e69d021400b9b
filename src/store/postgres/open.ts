import pg from 'pg';
import type { OpenedStores } from '../../ports/stores.js';
import type { RecordsQuery } from '../../timeline/records-query.js';
import { createPgChangeStore } from './change-store.js';
import { createPgDb, type PgDb } from './db.js';
import { createPgDeliveryStore } from './delivery-store.js';
import { createPgDigestEventSource } from './digest-events.js';
import { createPgEventStore } from './event-store.js';
import { createPgFeedStore } from './feed-store.js';
import { createPgItemStore } from './item-store.js';
import { migratePostgres, type MigrationResult } from './migrate.js';
import { createPgRecordsQuery } from './records-query.js';
import { createPgSecFilingStore } from './sec-filing-store.js';
import { createPgSubscriptionStore } from './subscription-store.js';

export interface PostgresStores extends OpenedStores {
  records: RecordsQuery;
  /** The pool and unit context underneath (db copy, tests). */
  db: PgDb;
  /** What opening migrated. */
  migration: MigrationResult;
}

export interface PostgresOptions {
  /** The clock the records query counts days back from. */
  now?: () => Date;
  /** Connections in the pool (default 10). */
  max?: number;
}

/**
 * Opens the Postgres backend at `url`: a pool, the schema migrated (once, whoever starts first),
 * every store of src/ports over it, the unit of work their writes share, and the records query.
 */
export async function openPostgresStores(url: string, options: PostgresOptions = {}): Promise<PostgresStores> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'execwatch' });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  let migration: MigrationResult;
  try {
    migration = await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = createPgDb(pool);
  const events = createPgEventStore(db);
  return {
    stores: {
      feeds: createPgFeedStore(db),
      items: createPgItemStore(db),
      changes: createPgChangeStore(db),
      events,
      deliveries: createPgDeliveryStore(db),
      subscriptions: createPgSubscriptionStore(db),
      filings: createPgSecFilingStore(db),
      digestEvents: createPgDigestEventSource(db),
    },
    work: db.work,
    records: createPgRecordsQuery(db, events, options.now ?? (() => new Date())),
    db,
    migration,
    close: () => db.close(),
  };
}
