import type { ChangeRecord } from '../timeline/change-record.js';
import type { VegaLiteSpec } from '../timeline/chart-theme.js';
import { organizationKey } from '../core/names.js';
import { escapeMarkdown, markdownLink } from '../timeline/markdown.js';
import { digestChartSpec } from './chart.js';
import type { DigestPeriod } from './schedule.js';
import { wallClock } from './zoned-time.js';

export interface DigestLine {
  record: ChangeRecord;
  /** Discord markdown, feed text escaped: "**Jane Doe** → CFO, effective 2026-04-01 · [Reuters](<…>)". */
  text: string;
}

export interface DigestCompany {
  organization: string;
  lines: DigestLine[];
}

export interface Digest {
  period: DigestPeriod;
  late: boolean;
  /** "Weekly digest · 2 Mar – 9 Mar 2026". */
  title: string;
  /** Changes in the period. */
  total: number;
  /** Most changes first. */
  companies: DigestCompany[];
  /** A small chart of the period when it has more than a few changes (render it to attach). */
  chart: VegaLiteSpec | null;
}

export interface DigestOptions {
  period: DigestPeriod;
  late?: boolean;
  /** Post a digest that says "nothing changed" instead of nothing (default false). */
  postEmpty?: boolean;
  /** A chart comes with more than this many changes (default 5). */
  chartAbove?: number;
  /**
   * The records are the period's already, as the store chose them (by when each was recorded):
   * they are not filtered again by first report. Default false: the period is read from `records`.
   */
  preselected?: boolean;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Spelled out here rather than by Intl, whose punctuation differs between ICU versions.
function dayLabel(day: string, withYear: boolean): string {
  const d = new Date(`${day}T00:00:00Z`);
  const text = `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`;
  return withYear ? `${text} ${d.getUTCFullYear()}` : text;
}

/** "Daily digest · Tue 10 Mar 2026" or "Weekly digest · Mon 2 Mar – Mon 9 Mar 2026" (local days). */
export function digestTitle(period: DigestPeriod): string {
  const end = dayLabel(period.endDay, true);
  if (period.cadence === 'daily') return `Daily digest · ${end}`;
  return `Weekly digest · ${dayLabel(wallClock(period.start.getTime(), period.timeZone).day, false)} – ${end}`;
}

function lineOf(r: ChangeRecord): string {
  const title = escapeMarkdown(`${r.interim && !/\b(interim|acting)\b/i.test(r.role.title) ? 'interim ' : ''}${r.role.title}`, 120);
  const move = r.direction === 'in' ? `→ ${title}` : `✕ leaves ${title}`;
  const when = r.effectiveDate ? `, effective ${r.effectiveDate}` : '';
  const linked = r.sources.filter((s) => s.url);
  const first = linked[0];
  const outlet = first ? first.outlet || hostOf(first.url!) : null;
  const more = linked.length > 1 ? ` +${linked.length - 1}` : '';
  const source = first && outlet ? ` · ${markdownLink(outlet, first.url)}${more}` : '';
  return `**${escapeMarkdown(r.person, 120)}** ${move}${when}${source}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'source';
  }
}

/**
 * The digest of one period: the changes first reported in [start, end), grouped by company,
 * each a line with its link; null for an empty period unless `postEmpty`. Pure: the records
 * may be a whole store's (only the period's are read).
 */
export function buildDigest(records: readonly ChangeRecord[], options: DigestOptions): Digest | null {
  const from = options.period.start.getTime();
  const to = options.period.end.getTime();
  const inPeriod = options.preselected ? [...records] : records.filter((r) => {
    const t = Date.parse(r.firstReported);
    return t >= from && t < to;
  });
  if (inPeriod.length === 0 && !options.postEmpty) return null;

  const groups = new Map<string, { organization: string; records: ChangeRecord[] }>();
  for (const r of inPeriod) {
    const key = organizationKey(r.organization) || r.organization.toLowerCase();
    const g = groups.get(key);
    if (g) g.records.push(r);
    else groups.set(key, { organization: r.organization, records: [r] });
  }
  const companies = [...groups.values()]
    .sort((a, b) => b.records.length - a.records.length || a.organization.localeCompare(b.organization))
    .map((g) => ({
      organization: g.organization,
      lines: g.records
        .sort((a, b) => Date.parse(a.firstReported) - Date.parse(b.firstReported) || a.id.localeCompare(b.id))
        .map((record) => ({ record, text: lineOf(record) })),
    }));
  const chartAbove = options.chartAbove ?? 5;
  return {
    period: options.period,
    late: options.late ?? false,
    title: digestTitle(options.period),
    total: inPeriod.length,
    companies,
    chart: inPeriod.length > chartAbove ? digestChartSpec(companies.map((c) => ({ organization: c.organization, records: c.lines.map((l) => l.record) })), digestTitle(options.period)) : null,
  };
}

function dueLabel(period: DigestPeriod): string {
  const w = wallClock(period.end.getTime(), period.timeZone);
  const time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  return `${dayLabel(w.day, false)}, ${time} ${period.timeZone}`;
}

/**
 * The digest as Discord messages of at most `maxChars` each (2,000 for message content,
 * 4,096 for an embed description): the header, then one block per company, split only between
 * companies, or between lines when one company alone is too long. Past `maxMessages`, the last
 * one says how many changes were left out.
 */
export function digestMessages(digest: Digest, maxChars = 2000, maxMessages = Infinity): string[] {
  const late = digest.late ? ` (late: due ${dueLabel(digest.period)})` : '';
  const count = digest.total === 0
    ? 'No leadership changes were reported in this period.'
    : `${digest.total} change${digest.total === 1 ? '' : 's'} at ${digest.companies.length} organisation${digest.companies.length === 1 ? '' : 's'}.`;
  const blocks = [`**${escapeMarkdown(digest.title)}**${late}\n${count}`];
  for (const c of digest.companies) {
    blocks.push([`**${escapeMarkdown(c.organization, 120)}**`, ...c.lines.map((l) => `- ${l.text}`)].join('\n'));
  }
  const messages: string[] = [];
  let current = '';
  const push = (piece: string) => {
    const joined = current ? `${current}\n\n${piece}` : piece;
    if (joined.length <= maxChars) {
      current = joined;
      return;
    }
    if (current) messages.push(current);
    current = piece;
  };
  for (const block of blocks) {
    if (block.length <= maxChars) {
      push(block);
      continue;
    }
    for (const line of block.split('\n')) push(line.length <= maxChars ? line : `${line.slice(0, maxChars - 1)}…`);
  }
  if (current) messages.push(current);
  return messages.length > maxMessages ? capped(messages, digest.total, maxChars, Math.max(1, maxMessages)) : messages;
}

// Change lines start a line with "- " (escapeMarkdown flattens line breaks inside feed text).
const changeLines = (text: string): number => text.split('\n').filter((l) => l.startsWith('- ')).length;

/** The first messages, the last one ending with how many changes were left out (a busy week is not 30 messages). */
function capped(messages: readonly string[], total: number, maxChars: number, maxMessages: number): string[] {
  const kept = messages.slice(0, maxMessages);
  let last = kept.pop()!;
  for (;;) {
    const shown = kept.reduce((n, m) => n + changeLines(m), 0) + changeLines(last);
    const note = `… and ${total - shown} more change${total - shown === 1 ? '' : 's'} not shown here: /changes lists them.`;
    const joined = `${last}\n\n${note}`;
    if (joined.length <= maxChars || !last.includes('\n')) return [...kept, joined.length <= maxChars ? joined : note];
    last = last.slice(0, last.lastIndexOf('\n')).trimEnd();
  }
}
