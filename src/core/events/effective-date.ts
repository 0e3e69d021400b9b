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
const COUNT: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
// "in about six weeks", "within two months", "in ~6 weeks".
const IN_SPAN = /\b(?:in|within)\s+(?:about\s+|around\s+|roughly\s+|some\s+|approximately\s+|~\s?)?(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month)s?\b/gi;
const COMING = /\b(?:in|over)\s+the\s+(?:coming|next)\s+(?:few\s+)?(weeks|months)\b/i;
const NEXT_MONTH = /\bnext\s+month\b/i;
const NEXT_WEEK = /\bnext\s+week\b/i;
const YEAR_END = /\b(?:later\s+this\s+year|(?:by|at|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+year|year[-\s]end))\b/i;
// "at the end of 2024", "by the end of March".
const END_OF = new RegExp(`\\b(?:at|by|before|until|through)\\s+(?:the\\s+)?end\\s+of\\s+(?:(\\d{4})|${MONTH}(?:\\s+(\\d{4}))?)\\b`, 'gi');
const MONTH_END = /\b(?:by|at|before)\s+the\s+end\s+of\s+(?:the|this)\s+month\b/i;
const EARLY_NEXT_YEAR = /\bearly\s+next\s+year\b/i;
const SEASON = /\b(?:this|in\s+the|by\s+the|later\s+this)\s+(spring|summer|fall|autumn|winter)\b/i;
const QUARTER = /\b(?:in|by|during)\s+(?:the\s+)?(?:(first|second|third|fourth)\s+quarter|q([1-4]))(?:\s+(?:of\s+)?(\d{4}))?\b/i;
const SEASON_END: Readonly<Record<string, [number, number]>> = { spring: [5, 31], summer: [8, 31], fall: [11, 30], autumn: [11, 30], winter: [2, 28] };
const QUARTERS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };

const DAY_MS = 86_400_000;

const lastDay = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const plusDays = (pub: Date, days: number): string => new Date(pub.getTime() + days * DAY_MS).toISOString().slice(0, 10);

// Spans and vaguer times an announcement gives ("in about six weeks", "later this year", "this
// fall", "in the third quarter"): the last day they can mean.
function vagueDates(text: string, pub: Date): string[] {
  const out: string[] = [];
  const year = pub.getUTCFullYear();
  const month = pub.getUTCMonth() + 1;
  for (const m of text.matchAll(IN_SPAN)) {
    const n = COUNT[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    if (n > 0) out.push(plusDays(pub, n * (unit === 'day' ? 1 : unit === 'week' ? 7 : 31)));
  }
  const coming = COMING.exec(text);
  if (coming) out.push(plusDays(pub, coming[1]?.toLowerCase() === 'weeks' ? 42 : 92));
  if (NEXT_WEEK.test(text)) out.push(plusDays(pub, 14));
  if (NEXT_MONTH.test(text)) out.push(month === 12 ? lastDay(year + 1, 1) : lastDay(year, month + 1));
  if (MONTH_END.test(text)) out.push(lastDay(year, month));
  for (const m of text.matchAll(END_OF)) {
    if (m[1]) out.push(`${m[1]}-12-31`);
    else {
      const mo = MONTHS[(m[2] ?? '').toLowerCase()] ?? 0;
      if (mo) out.push(lastDay(m[3] ? Number(m[3]) : mo < month ? year + 1 : year, mo));
    }
  }
  if (YEAR_END.test(text)) out.push(`${year}-12-31`);
  if (EARLY_NEXT_YEAR.test(text)) out.push(`${year + 1}-03-31`);
  const season = SEASON.exec(text);
  if (season) {
    const [m, d] = SEASON_END[(season[1] ?? '').toLowerCase()] ?? [12, 31];
    const end = toDay(m === 2 ? year + 1 : year, m, d);
    if (end) out.push(end < pub.toISOString().slice(0, 10) ? `${year + 1}${end.slice(4)}` : end);
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = QUARTERS[(quarter[1] ?? '').toLowerCase()] ?? Number(quarter[2]);
    const y = quarter[3] ? Number(quarter[3]) : year + (q * 3 < month ? 1 : 0);
    out.push(lastDay(y, q * 3));
  }
  return out;
}

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
  for (const d of vagueDates(text, pub)) add(d);
  if (found.length === 0) return null;
  return found.reduce((a, b) => (a > b ? a : b));
}
