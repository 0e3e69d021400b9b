import { describe, expect, it } from 'vitest';
import { parseDigestSchedule, periodAt, periodEndingOn, periodsDue, type DigestScheduleInput } from '../../src/digest/schedule.js';
import { instantAt, wallClock } from '../../src/digest/zoned-time.js';

const iso = (d: Date) => d.toISOString();
const daily = (time: string, timeZone: string) => parseDigestSchedule({ cadence: 'daily', time, timeZone });
const span = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / 3_600_000;

describe('digest schedule: input', () => {
  it('refuses an unknown time zone or a bad time with a message saying what is wanted', () => {
    const bad = (input: DigestScheduleInput) => {
      try {
        parseDigestSchedule(input);
        return 'accepted';
      } catch (e) {
        return String(e);
      }
    };
    expect(bad({ cadence: 'daily', time: '09:00', timeZone: 'Mars/Olympus' })).toContain('IANA time zone');
    expect(bad({ cadence: 'daily', time: '9am', timeZone: 'UTC' })).toContain('HH:MM');
    expect(bad({ cadence: 'daily', time: '24:00', timeZone: 'UTC' })).toContain('HH:MM');
    expect(parseDigestSchedule({ cadence: 'weekly', time: '08:30', timeZone: 'Asia/Tokyo' }).weekday).toBe('monday');
  });
});

describe('digest schedule: wall-clock times across daylight saving', () => {
  it('moves a time that does not exist forward by the gap, and takes the earlier of a repeated one', () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    expect(new Date(instantAt('2026-03-08', 2, 30, 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 1 November 2026: 01:30 happens at EDT and again at EST; the first is meant.
    expect(new Date(instantAt('2026-11-01', 1, 30, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(instantAt('2026-07-01', 9, 0, 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(new Date(instantAt('2026-07-01', 9, 0, 'Asia/Kolkata')).toISOString()).toBe('2026-07-01T03:30:00.000Z');
  });

  it('a daily period is 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const s = daily('09:00', 'Europe/Berlin');
    const spring = periodEndingOn(s, '2026-03-29');
    expect([iso(spring.start), iso(spring.end), span(spring)]).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', 23]);
    const autumn = periodEndingOn(s, '2026-10-25');
    expect([iso(autumn.start), iso(autumn.end), span(autumn)]).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', 25]);
  });

  it('periods of a year tile time without gap or overlap, each due at 09:00 local', () => {
    const s = daily('09:00', 'America/New_York');
    let p = periodAt(s, new Date('2026-01-01T00:00:00Z'));
    for (let i = 0; i < 366; i++) {
      const next = periodAt(s, p.end);
      expect(next.start.getTime()).toBe(p.end.getTime());
      const local = wallClock(next.end.getTime(), s.timeZone);
      expect([local.hour, local.minute]).toEqual([9, 0]);
      p = next;
    }
  });
});

describe('digest schedule: which period an instant is in', () => {
  it('daily: just before the time belongs to today’s period, at the time to tomorrow’s', () => {
    const s = daily('09:00', 'Europe/Berlin');
    expect(periodAt(s, new Date('2026-03-10T07:59:59Z')).key).toBe('daily:2026-03-10');
    expect(periodAt(s, new Date('2026-03-10T08:00:00Z')).key).toBe('daily:2026-03-11');
  });

  it('weekly: periods run from the weekday’s time to the next, whatever day the instant is', () => {
    const s = parseDigestSchedule({ cadence: 'weekly', time: '09:00', timeZone: 'Asia/Tokyo', weekday: 'monday' });
    // Monday 2026-03-09 09:00 JST = 00:00 UTC.
    expect(periodAt(s, new Date('2026-03-08T23:59:00Z')).key).toBe('weekly:2026-03-09');
    const at = periodAt(s, new Date('2026-03-09T00:00:00Z'));
    expect([at.key, iso(at.start), iso(at.end)]).toEqual(['weekly:2026-03-16', '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z']);
    // A Thursday and a Sunday night are in the week ending next Monday.
    expect(periodAt(s, new Date('2026-03-12T12:00:00Z')).key).toBe('weekly:2026-03-16');
    expect(periodAt(s, new Date('2026-03-15T14:59:00Z')).key).toBe('weekly:2026-03-16');
    expect(() => periodEndingOn(s, '2026-03-10')).toThrow(/not a monday/);
  });

  it('the same instant is in different periods in different zones', () => {
    const t = new Date('2026-06-15T20:00:00Z');
    const auckland = periodAt(daily('09:00', 'Pacific/Auckland'), t);
    const la = periodAt(daily('09:00', 'America/Los_Angeles'), t);
    expect([auckland.key, iso(auckland.end)]).toEqual(['daily:2026-06-16', '2026-06-15T21:00:00.000Z']);
    expect([la.key, iso(la.end)]).toEqual(['daily:2026-06-16', '2026-06-16T16:00:00.000Z']);
    const london = periodAt(daily('23:30', 'Europe/London'), t);
    expect([london.key, iso(london.end)]).toEqual(['daily:2026-06-15', '2026-06-15T22:30:00.000Z']);
  });
});

describe('digest schedule: due and late periods', () => {
  const s = daily('09:00', 'UTC');

  it('posts a period once at its time, then nothing until the next', () => {
    const first = periodsDue(s, { now: new Date('2026-03-10T09:01:00Z'), after: new Date('2026-03-09T09:00:00Z') });
    expect(first).toEqual({ due: [{ period: periodEndingOn(s, '2026-03-10'), late: false }], skipped: 0 });
    // Recorded as posted: its end is the new `after`.
    expect(periodsDue(s, { now: new Date('2026-03-10T12:00:00Z'), after: first.due[0]!.period.end }).due).toEqual([]);
  });

  it('a new subscription’s first digest is the first period ending after it was made', () => {
    const made = new Date('2026-03-10T10:00:00Z');
    expect(periodsDue(s, { now: new Date('2026-03-11T08:59:00Z'), after: made }).due).toEqual([]);
    expect(periodsDue(s, { now: new Date('2026-03-11T09:00:00Z'), after: made }).due.map((d) => d.period.key)).toEqual(['daily:2026-03-11']);
  });

  it('periods missed while the bot was down are posted late, once each, oldest first', () => {
    const r = periodsDue(s, { now: new Date('2026-03-13T11:00:00Z'), after: new Date('2026-03-10T09:00:00Z') });
    expect(r.due.map((d) => [d.period.key, d.late])).toEqual([['daily:2026-03-11', true], ['daily:2026-03-12', true], ['daily:2026-03-13', true]]);
    // Within the grace after its time, a period is on time even after a restart.
    const soon = periodsDue(s, { now: new Date('2026-03-13T09:10:00Z'), after: new Date('2026-03-11T09:00:00Z') });
    expect(soon.due.map((d) => [d.period.key, d.late])).toEqual([['daily:2026-03-12', true], ['daily:2026-03-13', false]]);
    // Posted: nothing comes back.
    expect(periodsDue(s, { now: new Date('2026-03-13T11:00:00Z'), after: r.due[2]!.period.end }).due).toEqual([]);
  });

  it('after a long outage only the most recent missed periods are posted, the rest counted', () => {
    const r = periodsDue(s, { now: new Date('2026-03-31T10:00:00Z'), after: new Date('2026-03-01T09:00:00Z'), maxLate: 3 });
    expect(r.due.map((d) => d.period.key)).toEqual(['daily:2026-03-29', 'daily:2026-03-30', 'daily:2026-03-31']);
    expect(r.skipped).toBe(27);
  });

  it('weekly periods missed across a clock change keep their local time', () => {
    const w = parseDigestSchedule({ cadence: 'weekly', time: '08:00', timeZone: 'Europe/Berlin', weekday: 'friday' });
    const r = periodsDue(w, { now: new Date('2026-04-06T12:00:00Z'), after: new Date('2026-03-20T07:00:00Z') });
    expect(r.due.map((d) => [d.period.key, iso(d.period.end), d.late])).toEqual([
      ['weekly:2026-03-27', '2026-03-27T07:00:00.000Z', true],
      ['weekly:2026-04-03', '2026-04-03T06:00:00.000Z', true],
    ]);
  });
});
