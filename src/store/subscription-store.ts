import type { Db } from './db.js';
import { gated } from './gated.js';
import { subscriptionFromRow as toSubscription, type SubscriptionRow as Row } from './rows/subscriptions.js';
import type { SubscriptionStore } from '../ports/subscriptions.js';

export function createSubscriptionStore(db: Db): SubscriptionStore {
  const upsert = db.prepare(
    `INSERT INTO discord_subscriptions (guild_id, channel_id, companies, people, roles, directions, min_confidence, status, created_by, created_at, updated_at,
       mode, digest_cadence, digest_time, digest_time_zone, digest_weekday, digest_post_empty, digest_after)
     VALUES (@guildId, @channelId, @companies, @people, @roles, @directions, @minConfidence, 'active', @createdBy, @now, @now,
       @mode, @cadence, @time, @timeZone, @weekday, @postEmpty, @after)
     ON CONFLICT(channel_id) DO UPDATE SET guild_id = excluded.guild_id, companies = excluded.companies, people = excluded.people,
       roles = excluded.roles, directions = excluded.directions, min_confidence = excluded.min_confidence,
       status = 'active', paused_reason = NULL, paused_at = NULL, updated_at = excluded.updated_at,
       digest_after = CASE WHEN mode = 'digest' AND excluded.mode = 'digest' AND digest_cadence IS excluded.digest_cadence
         AND digest_time IS excluded.digest_time AND digest_time_zone IS excluded.digest_time_zone AND digest_weekday IS excluded.digest_weekday
         THEN digest_after ELSE excluded.digest_after END,
       mode = excluded.mode, digest_cadence = excluded.digest_cadence, digest_time = excluded.digest_time,
       digest_time_zone = excluded.digest_time_zone, digest_weekday = excluded.digest_weekday, digest_post_empty = excluded.digest_post_empty`,
  );
  const get = db.prepare<[string], Row>('SELECT * FROM discord_subscriptions WHERE channel_id = ?');
  const remove = db.prepare('DELETE FROM discord_subscriptions WHERE channel_id = ?');
  const byGuild = db.prepare<[string], Row>('SELECT * FROM discord_subscriptions WHERE guild_id = ? ORDER BY id');
  const active = db.prepare<[], Row>(`SELECT * FROM discord_subscriptions WHERE status = 'active' ORDER BY id`);
  const digests = db.prepare<[], Row>(`SELECT * FROM discord_subscriptions WHERE status = 'active' AND mode = 'digest' ORDER BY id`);
  const setAfter = db.prepare('UPDATE discord_subscriptions SET digest_after = ?, updated_at = ? WHERE id = ?');
  const pause = db.prepare(
    `UPDATE discord_subscriptions SET status = 'paused', paused_reason = ?, paused_at = ?, updated_at = ? WHERE channel_id = ? AND status = 'active'`,
  );
  return gated<SubscriptionStore>(db, {
    upsert(input, now) {
      const m = input.mode ?? { mode: 'alert' };
      const d = m.mode === 'digest' ? m : null;
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
        mode: m.mode,
        cadence: d?.schedule.cadence ?? null,
        time: d?.schedule.time ?? null,
        timeZone: d?.schedule.timeZone ?? null,
        // A daily digest has no weekday: null keeps a re-run of the same daily /subscribe "unchanged".
        weekday: d?.schedule.cadence === 'weekly' ? d.schedule.weekday : null,
        postEmpty: d?.postEmpty ? 1 : 0,
        after: d ? now : null,
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
    listDigests: () => digests.all().map(toSubscription),
    setDigestAfter: (id, after, now) => void setAfter.run(after, now, id),
  });
}
