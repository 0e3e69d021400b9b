// Subscriptions: what /subscribe writes, delivery routes alerts by and the digest runner reads.

import type { Direction } from '../core/change.js';
import type { DigestSchedule } from '../digest/schedule.js';

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

/** A digest subscription's settings: when it posts, and whether an empty period says so. */
export interface DigestSettings {
  schedule: DigestSchedule;
  postEmpty: boolean;
}

/** alert: each change as it comes; digest: one summary per period, no per-change alert. */
export type SubscriptionMode = { mode: 'alert' } | ({ mode: 'digest' } & DigestSettings);

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
  mode: 'alert' | 'digest';
  /** Set for digest subscriptions. */
  digest: (DigestSettings & {
    /** The end of the last period put in the outbox, or when the digest was set up (ISO). */
    after: string;
  }) | null;
}

/** One subscription per channel: /subscribe sets its filters, /unsubscribe removes it. */
export interface SubscriptionStore {
  /**
   * Creates or replaces the channel's filters and mode (alert when not given), and resumes it if
   * it was paused. A digest keeps where it was (the last period posted) while its schedule stays
   * the same; a new schedule counts from now.
   */
  upsert(input: { guildId: string; channelId: string; filters: SubscriptionFilters; createdBy: string | null; mode?: SubscriptionMode }, now: string): Promise<Subscription>;
  get(channelId: string): Promise<Subscription | undefined>;
  remove(channelId: string): Promise<boolean>;
  listByGuild(guildId: string): Promise<Subscription[]>;
  listActive(): Promise<Subscription[]>;
  /** Returns true when it was active (so the admin is told once, not on every alert). */
  pause(channelId: string, reason: string, now: string): Promise<boolean>;
  /** Active digest subscriptions: what the digest runner works through. */
  listDigests(): Promise<Subscription[]>;
  /** Records the end of the period just put in the outbox (call inside that transaction). */
  setDigestAfter(id: number, after: string, now: string): Promise<void>;
}
