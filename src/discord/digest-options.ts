import { z } from 'zod';
import { DigestScheduleSchema, periodAt, WEEKDAYS } from '../digest/schedule.js';
import type { Subscription, SubscriptionMode } from '../ports/subscriptions.js';
import { UserError } from './command.js';
import { parseOptions } from './options.js';

/** /subscribe's delivery options as the user gave them (null: not given). */
export interface RawModeOptions {
  mode: string | null;
  schedule: string | null;
  time: string | null;
  timezone: string | null;
  weekday: string | null;
  postEmpty: boolean | null;
}

// Keys are the options' names, so an error names the option the user typed.
const DigestOptions = z.object({
  schedule: z.enum(['daily', 'weekly'], 'choose daily or weekly'),
  time: DigestScheduleSchema.shape.time,
  timezone: DigestScheduleSchema.shape.timeZone,
  weekday: z.enum(WEEKDAYS).nullable(),
  postEmpty: z.boolean(),
});

/**
 * "america/new_york" is stored and shown as America/New_York. Intl's own name is used only when it
 * is the same name: its ICU may answer an older alias (Asia/Calcutta for Asia/Kolkata), which is
 * not what the user chose. An all-lowercase name Intl renames is capitalised per word instead.
 */
function displayZone(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  if (zone !== zone.toLowerCase()) return zone;
  return zone.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * alert (the default) or digest with its schedule: time defaults to 09:00, the zone to UTC,
 * a weekly digest's day to Monday. Schedule options without mode:digest are refused, not ignored.
 */
export function parseModeOptions(raw: RawModeOptions): SubscriptionMode {
  const given: Array<[string, unknown]> = [['schedule', raw.schedule], ['time', raw.time], ['timezone', raw.timezone], ['weekday', raw.weekday], ['post_empty', raw.postEmpty]];
  const digestOnly = given.filter(([, v]) => v !== null).map(([name]) => name);
  if (raw.mode !== 'digest') {
    if (digestOnly.length) throw new UserError(`\`${digestOnly[0]}\` is for digests: add \`mode:digest\` (with \`schedule:daily\` or \`weekly\`).`);
    return { mode: 'alert' };
  }
  if (raw.schedule === null) throw new UserError('`schedule`: a digest needs `schedule:daily` or `schedule:weekly`.');
  if (raw.weekday !== null && raw.schedule !== 'weekly') throw new UserError('`weekday` is for weekly digests: add `schedule:weekly`.');
  const o = parseOptions(DigestOptions, {
    schedule: raw.schedule,
    time: raw.time?.trim() ?? '09:00',
    timezone: raw.timezone?.trim() ?? 'UTC',
    weekday: raw.weekday,
    postEmpty: raw.postEmpty ?? false,
  });
  const schedule = DigestScheduleSchema.parse({ cadence: o.schedule, time: o.time, timeZone: displayZone(o.timezone), weekday: o.weekday ?? undefined });
  return { mode: 'digest', schedule, postEmpty: o.postEmpty };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "alerts" or "daily digest at 09:00 Europe/Berlin" / "weekly digest, Mondays at 08:30 UTC (empty weeks too)". */
export function describeMode(sub: Pick<Subscription, 'mode' | 'digest'>): string {
  const d = sub.digest;
  if (sub.mode !== 'digest' || !d) return 'each alert';
  const s = d.schedule;
  const when = s.cadence === 'daily' ? `daily digest at ${s.time}` : `weekly digest, ${capital(s.weekday)}s at ${s.time}`;
  return `${when} ${s.timeZone}${d.postEmpty ? ` (empty ${s.cadence === 'daily' ? 'days' : 'weeks'} too)` : ''}`;
}

/** When the next digest is due (ISO), for the reply. */
export function nextDigestAt(sub: Pick<Subscription, 'digest'>, now: Date): string | null {
  return sub.digest ? periodAt(sub.digest.schedule, now).end.toISOString() : null;
}
