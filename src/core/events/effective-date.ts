// Announcements name the day a change takes effect ("effective Sept. 10", "on 10 September
// 2019", "in a year"). The merger keeps an event open until that day, so the report that it
// took effect joins the announcement instead of starting a new event.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?(\\s+next year)?`, 'gi');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4})\\b)?(\\s+next year)?`, 'gi');
const MONTH_ONLY = new RegExp(`\\b(?:in|from|by|starting|effective)\\s+(?:early\\s+|mid-?\\s*)?${MONTH}\\b(?:\\s+(\\d{4})\\b)?`, 'gi');
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const IN_A_YEAR = /\b(?:in|within)\s+(?:a|one)\s+year(?:'s time)?\b|\ba year from (?:now|today)\b/i;

const DAY_MS = 86_400_000;

function toDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

// A day given without a year is the next such day on or after publication.
function resolveYear(month: number, day: number, year: number | null, nextYear: boolean, pub: Date): string | null {
  if (year !== null) return toDay(year, month, day);
  const y = pub.getUTCFullYear() + (nextYear ? 1 : 0);
  const first = toDay(y, month, day);
  if (first === null || nextYear) return first;
  return first < pub.toISOString().slice(0, 10) ? toDay(y + 1, month, day) : first;
}

/**
 * The latest date in `text` that lies on or after publication and within two years of it, or
 * null. Earlier dates are history ("who became CEO in 2015"), not when this change happens.
 */
export function findEffectiveDate(text: string, publishedAt: string | null): string | null {
  if (!publishedAt) return null;
  const pub = new Date(publishedAt);
  if (Number.isNaN(pub.getTime())) return null;
  const pubDay = pub.toISOString().slice(0, 10);
  const limit = new Date(pub.getTime() + 730 * DAY_MS).toISOString().slice(0, 10);
  const found: string[] = [];
  const add = (d: string | null): void => {
    if (d && d >= pubDay && d <= limit) found.push(d);
  };
  const month = (m: string | undefined): number => MONTHS[(m ?? '').toLowerCase()] ?? 0;

  for (const m of text.matchAll(MONTH_DAY)) {
    add(resolveYear(month(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, Boolean(m[4]), pub));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    add(resolveYear(month(m[2]), Number(m[1]), m[3] ? Number(m[3]) : null, Boolean(m[4]), pub));
  }
  for (const m of text.matchAll(MONTH_ONLY)) {
    const mo = month(m[1]);
    // "takes over in September", said in September, means this month, not next year.
    if (!m[2] && mo === pub.getUTCMonth() + 1) add(pubDay);
    else add(resolveYear(mo, 1, m[2] ? Number(m[2]) : null, false, pub));
  }
  for (const m of text.matchAll(ISO_DAY)) add(toDay(Number(m[1]), Number(m[2]), Number(m[3])));
  if (IN_A_YEAR.test(text)) add(toDay(pub.getUTCFullYear() + 1, pub.getUTCMonth() + 1, pub.getUTCDate()));
  if (found.length === 0) return null;
  return found.reduce((a, b) => (a > b ? a : b));
}
