// Every store a backend provides, as one set: what a storage adapter (SQLite today, Postgres
// next) opens and what the contract suite in test/contract checks, whatever the backend.

import type { ChangeStore } from './changes.js';
import type { DeliveryStore } from './deliveries.js';
import type { DigestEventSource } from './digests.js';
import type { EventStore } from './events.js';
import type { FeedStore } from './feeds.js';
import type { ItemStore } from './items.js';
import type { SecFilingStore } from './sec-filings.js';
import type { SubscriptionStore } from './subscriptions.js';
import type { UnitOfWork } from './unit-of-work.js';

export interface Stores {
  feeds: FeedStore;
  items: ItemStore;
  changes: ChangeStore;
  events: EventStore;
  deliveries: DeliveryStore;
  subscriptions: SubscriptionStore;
  filings: SecFilingStore;
  digestEvents: DigestEventSource;
}

/** An opened backend: its stores, the unit of work their writes share, and how to let go of it. */
export interface OpenedStores {
  stores: Stores;
  work: UnitOfWork;
  close(): Promise<void>;
}
