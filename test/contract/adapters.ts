import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenedStores } from '../../src/ports/stores.js';
import { openDatabase } from '../../src/store/db.js';
import { createChangeStore } from '../../src/store/change-store.js';
import { createDeliveryStore } from '../../src/store/delivery-store.js';
import { createDigestEventSource } from '../../src/store/digest-events.js';
import { createEventStore } from '../../src/store/event-store.js';
import { createFeedStore } from '../../src/store/feed-store.js';
import { createItemStore } from '../../src/store/item-store.js';
import { createSecFilingStore } from '../../src/store/sec-filing-store.js';
import { createSubscriptionStore } from '../../src/store/subscription-store.js';
import { createUnitOfWork } from '../../src/store/unit-of-work.js';

// The backends the contract suite runs against. Each suite in this folder sees only the ports
// (src/ports); a backend joins by adding its factory here (Postgres: a throwaway cluster from
// test/support/postgres.ts, skipped where no server binaries exist).

export interface StoreAdapter {
  name: string;
  open(): OpenedStores;
}

const sqlite: StoreAdapter = {
  name: 'SQLite',
  open() {
    // A real file, as the bot runs it (WAL, foreign keys, every migration).
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-contract-'));
    const db = openDatabase(join(dir, 'contract.db'));
    return {
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
      close() {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const adapters: StoreAdapter[] = [sqlite];
