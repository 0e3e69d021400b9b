import type { SubscriptionStore } from '../../ports/subscriptions.js';
import { subscriptionFromRow as toSubscription, type SubscriptionRow as Row } from '../rows/subscriptions.js';
import type { PgDb } from './db.js';

// A digest keeps its place (digest_after) over a /subscribe that leaves its schedule as it was.
const UPSERT = `INSERT INTO discord_subscriptions AS s (guild_id, channel_id, companies, people, roles, directions, min_confidence, status,
    created_by, created_at, updated_at, mode, digest_cadence, digest_time, digest_time_zone, digest_weekday, digest_post_empty, digest_after)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $9, $10, $11, $12, $13, $14, $15, $16)
  ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, companies = excluded.companies, people = excluded.people,
    roles = excluded.roles, directions = excluded.directions, min_confidence = excluded.min_confidence,
    status = 'active', paused_reason = NULL, paused_at = NULL, updated_at = excluded.updated_at,
    digest_after = CASE WHEN s.mode = 'digest' AND excluded.mode = 'digest' AND s.digest_cadence IS NOT DISTINCT FROM excluded.digest_cadence
      AND s.digest_time IS NOT DISTINCT FROM excluded.digest_time AND s.digest_time_zone IS NOT DISTINCT FROM excluded.digest_time_zone
      AND s.digest_weekday IS NOT DISTINCT FROM excluded.digest_weekday
      THEN s.digest_after ELSE excluded.digest_after END,
    mode = excluded.mode, digest_cadence = excluded.digest_cadence, digest_time = excluded.digest_time,
    digest_time_zone = excluded.digest_time_zone, digest_weekday = excluded.digest_weekday, digest_post_empty = excluded.digest_post_empty
  RETURNING *`;

/** Subscriptions in Postgres: src/store/subscription-store.ts's rows and rules. */
export function createPgSubscriptionStore(db: PgDb): SubscriptionStore {
  const many = async (sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).map(toSubscription);
  return {
    async upsert(input, now) {
      const m = input.mode ?? { mode: 'alert' };
      const d = m.mode === 'digest' ? m : null;
      const [row] = await db.query<Row>(UPSERT, [
        input.guildId, input.channelId, JSON.stringify(input.filters.companies), JSON.stringify(input.filters.people),
        JSON.stringify(input.filters.roles), JSON.stringify(input.filters.directions), input.filters.minConfidence, input.createdBy, now,
        m.mode, d?.schedule.cadence ?? null, d?.schedule.time ?? null, d?.schedule.timeZone ?? null,
        // A daily digest has no weekday: null keeps a re-run of the same daily /subscribe "unchanged".
        d?.schedule.cadence === 'weekly' ? d.schedule.weekday : null,
        Boolean(d?.postEmpty), d ? now : null,
      ]);
      return toSubscription(row!);
    },
    async get(channelId) {
      const [row] = await db.query<Row>('SELECT * FROM discord_subscriptions WHERE channel_id = $1', [channelId]);
      return row && toSubscription(row);
    },
    remove: async (channelId) => (await db.execute('DELETE FROM discord_subscriptions WHERE channel_id = $1', [channelId])) > 0,
    listByGuild: (guildId) => many('SELECT * FROM discord_subscriptions WHERE guild_id = $1 ORDER BY id', [guildId]),
    listActive: () => many(`SELECT * FROM discord_subscriptions WHERE status = 'active' ORDER BY id`),
    pause: async (channelId, reason, now) =>
      (await db.execute(
        `UPDATE discord_subscriptions SET status = 'paused', paused_reason = $1, paused_at = $2, updated_at = $2 WHERE channel_id = $3 AND status = 'active'`,
        [reason, now, channelId],
      )) > 0,
    listDigests: () => many(`SELECT * FROM discord_subscriptions WHERE status = 'active' AND mode = 'digest' ORDER BY id`),
    async setDigestAfter(id, after, now) {
      await db.execute('UPDATE discord_subscriptions SET digest_after = $1, updated_at = $2 WHERE id = $3', [after, now, id]);
    },
  };
}
