import type { OpenedStores, Stores } from '../ports/stores.js';
import type { RecordsQuery } from '../timeline/records-query.js';
import { createChangeStore } from './change-store.js';
import { openDatabaseWithStatus, type Db, type OpenedDatabase } from './db.js';
import { createDeliveryStore } from './delivery-store.js';
import { createDigestEventSource } from './digest-events.js';
import { createEventStore } from './event-store.js';
import { createFeedStore } from './feed-store.js';
import { createItemStore } from './item-store.js';
import { createRecordsQuery } from './records-query-store.js';
import { createSecFilingStore } from './sec-filing-store.js';
import { createSubscriptionStore } from './subscription-store.js';
import { sqliteGate } from './unit-of-work.js';

export interface OpenedSqlite extends OpenedDatabase {
  /** The ports over the file, their unit of work (the connection's gate) and `close`. */
  opened: OpenedStores;
  /** What `/changes`, `/timeline` and `execwatch export` read. */
  records: RecordsQuery;
  /** The file (or ':memory:'). */
  path: string;
}

/** Every SQLite store on one connection of `path` (created and migrated as needed). */
export function openSqliteStores(path: string, now: () => Date = () => new Date()): OpenedSqlite {
  const { db, created, replaced } = openDatabaseWithStatus(path, now);
  return { db, created, replaced, path, ...sqliteStoresOn(db, now) };
}

/** The stores on a connection already open. */
export function sqliteStoresOn(db: Db, now: () => Date = () => new Date()): { opened: OpenedStores; records: RecordsQuery } {
  const stores: Stores = {
    feeds: createFeedStore(db),
    items: createItemStore(db),
    changes: createChangeStore(db),
    events: createEventStore(db),
    deliveries: createDeliveryStore(db),
    subscriptions: createSubscriptionStore(db),
    filings: createSecFilingStore(db),
    digestEvents: createDigestEventSource(db),
  };
  const gate = sqliteGate(db);
  let closing: Promise<void> | null = null;
  return {
    opened: {
      stores,
      work: gate.work,
      // The unit open now ends first (committed or rolled back), then the connection closes.
      close: () => (closing ??= gate.shut().then(() => {
        if (db.open) db.close();
      })),
    },
    records: createRecordsQuery(db, stores.events, now),
  };
}
