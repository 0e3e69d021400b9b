import type { Direction } from '../../core/change.js';
import { DigestScheduleSchema } from '../../digest/schedule.js';
import type { Subscription } from '../../ports/subscriptions.js';

// A discord_subscriptions row as either backend returns it (digest_post_empty: 0/1 or a boolean).

export interface SubscriptionRow {
  id: number; guild_id: string; channel_id: string; companies: string; people: string; roles: string; directions: string;
  min_confidence: number; status: string; paused_reason: string | null; paused_at: string | null; created_by: string | null;
  created_at: string; updated_at: string; mode: string; digest_cadence: string | null; digest_time: string | null;
  digest_time_zone: string | null; digest_weekday: string | null; digest_post_empty: boolean | number; digest_after: string | null;
  [column: string]: unknown;
}

const list = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

// Stored as parsed; parsed again on the way out so a hand-edited row cannot reach the runner bad.
function digestOf(r: SubscriptionRow): Subscription['digest'] {
  const schedule = DigestScheduleSchema.safeParse({ cadence: r.digest_cadence, time: r.digest_time, timeZone: r.digest_time_zone, weekday: r.digest_weekday ?? undefined });
  if (!schedule.success) return null;
  return { schedule: schedule.data, postEmpty: Boolean(r.digest_post_empty), after: r.digest_after ?? r.created_at };
}

export const subscriptionFromRow = (r: SubscriptionRow): Subscription => ({
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
  mode: r.mode === 'digest' ? 'digest' : 'alert',
  digest: r.mode === 'digest' ? digestOf(r) : null,
});
