import { z } from 'zod';
import { addDays, dayNumber } from '../timeline/days.js';
import { instantAt, isTimeZone, wallClock } from './zoned-time.js';

// A digest covers a period that ends when it is due: daily at a time of day, or weekly on a
// weekday at a time, in the subscriber's time zone. Periods are named by the local day they end
// on, so "exactly once per period" is a unique key (subscription, period key) in the outbox.

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DigestScheduleSchema = z.object({
  cadence: z.enum(['daily', 'weekly']),
  /** Local time of day the digest is due, "HH:MM" (24-hour). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour), such as 09:00'),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, such as Europe/Berlin or America/New_York'),
  /** Weekly digests only: the day they are due. */
  weekday: z.enum(WEEKDAYS).default('monday'),
});
export type DigestSchedule = z.infer<typeof DigestScheduleSchema>;
export type DigestScheduleInput = z.input<typeof DigestScheduleSchema>;

export interface DigestPeriod {
  /** Unique per schedule and period: "daily:2026-03-10", "weekly:2026-03-09". */
  key: string;
  cadence: DigestSchedule['cadence'];
  /** The period is [start, end); the digest is due at `end`. */
  start: Date;
  end: Date;
  /** The local day (in the schedule's zone) the period ends on. */
  endDay: string;
  timeZone: string;
}

/** Parses a schedule once at the boundary (slash-command options, config): a clear error when bad. */
export function parseDigestSchedule(input: DigestScheduleInput): DigestSchedule {
  return DigestScheduleSchema.parse(input);
}

const weekdayOf = (day: string): number => ((dayNumber(day) % 7) + 11) % 7; // 1970-01-01 was a Thursday
const stepDays = (s: DigestSchedule): number => (s.cadence === 'daily' ? 1 : 7);

function dueAt(s: DigestSchedule, day: string): number {
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  return instantAt(day, h, m, s.timeZone);
}

/** The period that ends (is due) on the given local day; for weekly schedules, a day of its weekday. */
export function periodEndingOn(schedule: DigestSchedule, endDay: string): DigestPeriod {
  if (schedule.cadence === 'weekly' && weekdayOf(endDay) !== WEEKDAYS.indexOf(schedule.weekday)) {
    throw new Error(`${endDay} is not a ${schedule.weekday}: weekly digests end on their weekday`);
  }
  const startDay = addDays(endDay, -stepDays(schedule));
  return {
    key: `${schedule.cadence}:${endDay}`,
    cadence: schedule.cadence,
    start: new Date(dueAt(schedule, startDay)),
    end: new Date(dueAt(schedule, endDay)),
    endDay,
    timeZone: schedule.timeZone,
  };
}

/** The period an instant belongs to: start <= instant < end. */
export function periodAt(schedule: DigestSchedule, instant: Date): DigestPeriod {
  const t = instant.getTime();
  const today = wallClock(t, schedule.timeZone).day;
  let endDay = today;
  if (schedule.cadence === 'weekly') {
    endDay = addDays(today, (WEEKDAYS.indexOf(schedule.weekday) - weekdayOf(today) + 7) % 7);
  }
  if (t >= dueAt(schedule, endDay)) endDay = addDays(endDay, stepDays(schedule));
  return periodEndingOn(schedule, endDay);
}

export interface DuePeriod {
  period: DigestPeriod;
  /** Posted after its due time plus the grace: the digest says so. */
  late: boolean;
}

export interface DueOptions {
  now: Date;
  /**
   * Periods ending at or before this are done: the end of the last period posted, or when the
   * subscription was made (its first digest is the first period ending after that).
   */
  after: Date;
  /** How long after its due time a digest still counts as on time (default 15 minutes). */
  graceMs?: number;
  /** At most this many missed periods are posted late, the most recent ones (default 7). */
  maxLate?: number;
}

/**
 * The periods to post now, oldest first: every period that ended after `after` and by `now`.
 * A period missed while the bot was down comes back here until it is posted, marked late;
 * beyond `maxLate` the oldest missed ones are skipped (and counted).
 */
export function periodsDue(schedule: DigestSchedule, options: DueOptions): { due: DuePeriod[]; skipped: number } {
  const grace = options.graceMs ?? 15 * 60_000;
  const maxLate = Math.max(0, options.maxLate ?? 7);
  const now = options.now.getTime();
  if (options.after.getTime() >= now) return { due: [], skipped: 0 };
  const step = stepDays(schedule);
  const firstEnd = periodAt(schedule, options.after).endDay;
  const lastEnd = addDays(periodAt(schedule, options.now).endDay, -step);
  if (lastEnd < firstEnd) return { due: [], skipped: 0 };
  const count = (dayNumber(lastEnd) - dayNumber(firstEnd)) / step + 1;
  const due: DuePeriod[] = [];
  for (let i = 0, day = lastEnd; i < count; i++, day = addDays(day, -step)) {
    const period = periodEndingOn(schedule, day);
    const late = now >= period.end.getTime() + grace;
    if (late && due.filter((d) => d.late).length >= maxLate) break;
    due.unshift({ period, late });
  }
  return { due, skipped: count - due.length };
}
