// The stored changes: what the pipeline writes per item and what /why and the CLI read.

import type { LeadershipChange } from '../core/change.js';

export interface StoredChange {
  id: number;
  itemId: string;
  createdAt: string;
  change: LeadershipChange;
}

export interface ChangeQuery {
  sinceIso?: string;
  limit?: number;
  offset?: number;
}

export interface ChangeStore {
  insert(itemId: string, change: LeadershipChange, createdAt: string): Promise<number>;
  get(id: number): Promise<StoredChange | undefined>;
  byItem(itemId: string): Promise<StoredChange[]>;
  recent(q?: ChangeQuery): Promise<StoredChange[]>;
  count(): Promise<number>;
}
