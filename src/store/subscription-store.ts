import type { Direction } from '../core/change.js';
import type { Db } from './db.js';

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

interface Row {
  id: number; guild_id: string; channel_id: string; companies: string; people: string; roles: string; directions: string;
  min_confidence: number; status: string; paused_reason: string | null; paused_at: string | null; created_by: string | null;
  created_at: string; updated_at: string;
}

const list = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

const toSubscription = (r: Row): Subscription => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  companies: list(r.companies),
  people: list(r.people),
  roles: list(r.roles),
  directions: list(r.directions).filter((d): d is Direction => d === 'in' || d === 'out'),
  minConfidence: r.min_confidence,
  status: r.status === 'paused' ? 'paused' : 'active',
  pausedReason: r.paused_reason,
  pausedAt: r.paused_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createSubscriptionStore(db: Db): SubscriptionStore {
  const upsert = db.prepare(
    `INSERT INTO discord_subscriptions (guild_id, channel_id, companies, people, roles, directions, min_confidence, status, created_by, created_at, updated_at)
     VALUES (@guildId, @channelId, @companies, @people, @roles, @directions, @minConfidence, 'active', @createdBy, @now, @now)
     ON CONFLICT(channel_id) DO UPDATE SET guild_id = excluded.guild_id, companies = excluded.companies, people = excluded.people,
       roles = excluded.roles, directions = excluded.directions, min_confidence = excluded.min_confidence,
       status = 'active', paused_reason = NULL, paused_at = NULL, updated_at = excluded.updated_at`,
  );
  const get = db.prepare<[string], Row>('SELECT * FROM discord_subscriptions WHERE channel_id = ?');
  const remove = db.prepare('DELETE FROM discord_subscriptions WHERE channel_id = ?');
  const byGuild = db.prepare<[string], Row>('SELECT * FROM discord_subscriptions WHERE guild_id = ? ORDER BY id');
  const active = db.prepare<[], Row>(`SELECT * FROM discord_subscriptions WHERE status = 'active' ORDER BY id`);
  const pause = db.prepare(
    `UPDATE discord_subscriptions SET status = 'paused', paused_reason = ?, paused_at = ?, updated_at = ? WHERE channel_id = ? AND status = 'active'`,
  );
  return {
    upsert(input, now) {
      upsert.run({
        guildId: input.guildId,
        channelId: input.channelId,
        companies: JSON.stringify(input.filters.companies),
        people: JSON.stringify(input.filters.people),
        roles: JSON.stringify(input.filters.roles),
        directions: JSON.stringify(input.filters.directions),
        minConfidence: input.filters.minConfidence,
        createdBy: input.createdBy,
        now,
      });
      return toSubscription(get.get(input.channelId)!);
    },
    get: (channelId) => {
      const r = get.get(channelId);
      return r && toSubscription(r);
    },
    remove: (channelId) => remove.run(channelId).changes > 0,
    listByGuild: (guildId) => byGuild.all(guildId).map(toSubscription),
    listActive: () => active.all().map(toSubscription),
    pause: (channelId, reason, now) => pause.run(reason, now, now, channelId).changes > 0,
  };
}
