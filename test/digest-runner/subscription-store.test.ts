import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseDigestSchedule } from '../../src/digest/schedule.js';
import { openDatabase } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { createSubscriptionStore } from '../../src/store/subscription-store.js';
import { noFilter, tempDbPath } from './support.js';

const daily = parseDigestSchedule({ cadence: 'daily', time: '09:00', timeZone: 'Europe/Berlin' });

describe('digest subscriptions in SQLite (migration 0010)', () => {
  it('a subscription stored before the migration reads as an alert subscription after it', async () => {
    const path = tempDbPath();
    const raw = new Database(path);
    for (const m of migrations.filter((x) => x.version < 10)) raw.exec(m.up);
    raw.pragma('user_version = 9');
    raw.prepare(`INSERT INTO discord_subscriptions (guild_id, channel_id, created_at, updated_at) VALUES ('g', '42', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
    raw.close();
    const db = openDatabase(path);
    try {
      const subs = createSubscriptionStore(db);
      expect(await subs.get('42')).toMatchObject({ mode: 'alert', digest: null, companies: [] });
      expect(await subs.listDigests()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps where a digest was when /subscribe repeats its schedule, and starts again from now for a new one', async () => {
    const db = openDatabase(tempDbPath());
    try {
      const subs = createSubscriptionStore(db);
      const put = (schedule = daily, now = '2026-05-01T10:00:00.000Z') =>
        subs.upsert({ guildId: 'g', channelId: 'c', filters: noFilter, createdBy: null, mode: { mode: 'digest', schedule, postEmpty: false } }, now);
      const first = await put();
      expect(first.digest!.after).toBe('2026-05-01T10:00:00.000Z');
      await subs.setDigestAfter(first.id, '2026-05-03T07:00:00.000Z', '2026-05-03T07:00:30.000Z');
      expect((await put(daily, '2026-05-03T12:00:00.000Z')).digest!.after).toBe('2026-05-03T07:00:00.000Z');
      const later = parseDigestSchedule({ cadence: 'daily', time: '18:00', timeZone: 'Europe/Berlin' });
      expect((await put(later, '2026-05-03T12:00:00.000Z')).digest).toMatchObject({ after: '2026-05-03T12:00:00.000Z', schedule: { time: '18:00' } });
      await subs.upsert({ guildId: 'g', channelId: 'c', filters: noFilter, createdBy: null }, '2026-05-04T00:00:00.000Z');
      expect(await subs.get('c')).toMatchObject({ mode: 'alert', digest: null });
      expect(await subs.listDigests()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
