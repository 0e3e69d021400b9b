// Alert subscriptions: what /subscribe writes and delivery routes by. src/store/subscription-store.ts
// still declares the same shapes (another branch edits that file); it implements this contract,
// which src/main.ts checks where it wires the store in.

import type { Direction } from '../core/change.js';

export interface SubscriptionFilters {
  /** Organisations as the user typed them; a unit of a listed company matches too. */
  companies: string[];
  people: string[];
  /** Role categories (CEO, CFO, Board …) or words of a title. */
  roles: string[];
  /** Empty means both. */
  directions: Direction[];
  minConfidence: number;
}

export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription extends SubscriptionFilters {
  id: number;
  guildId: string;
  channelId: string;
  status: SubscriptionStatus;
  pausedReason: string | null;
  pausedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One subscription per channel: /subscribe sets its filters, /unsubscribe removes it. */
export interface SubscriptionStore {
  /** Creates or replaces the channel's filters, and resumes it if it was paused. */
  upsert(input: { guildId: string; channelId: string; filters: SubscriptionFilters; createdBy: string | null }, now: string): Subscription;
  get(channelId: string): Subscription | undefined;
  remove(channelId: string): boolean;
  listByGuild(guildId: string): Subscription[];
  listActive(): Subscription[];
  /** Returns true when it was active (so the admin is told once, not on every alert). */
  pause(channelId: string, reason: string, now: string): boolean;
}
