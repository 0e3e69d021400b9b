import type { RoleCategory } from '../core/change.js';
import { organizationKey, personKey } from '../core/names.js';
import { changeDay, type ChangeRecord, type SourceRef } from './change-record.js';
import { addDays, daysBetween, maxDay, minDay } from './days.js';
import { postRank, postsOf, type Post } from './posts.js';

export type TimelineView = 'organization' | 'person';

export interface TimelineOptions {
  /** `organization`: every post of one organisation; `person`: every post one person held. */
  view: TimelineView;
  /** Who or what the timeline is about (its title). */
  subject: string;
  /** Today: dates after it are announced, not yet happened. */
  now: Date;
}

/** How a bar's start or end is known. */
export type StartBasis = 'effective' | 'reported' | 'unknown';
/**
 * effective/reported: a report of leaving (with an effective date, or its report day);
 * succeeded: the next holder of a one-holder post came in; changed: the same person went from
 * interim to permanent (or back), which starts a new bar; open: still in post.
 */
export type EndBasis = 'effective' | 'reported' | 'succeeded' | 'changed' | 'open';

/** One person's term in one post. Days are "YYYY-MM-DD" (UTC). */
export interface TimelineBar {
  id: string;
  /** The display row (a post, or one of its lanes when terms overlap). */
  row: string;
  post: string;
  postLabel: string;
  category: RoleCategory;
  person: string;
  organization: string;
  /** The role title as reported when the term began (or ended, when its start is unknown). */
  title: string;
  interim: boolean;
  /** Where the bar is drawn from; for an unknown start, the chart's left edge or the previous holder's end. */
  start: string;
  startBasis: StartBasis;
  /** null while still in post. */
  end: string | null;
  endBasis: EndBasis;
  /** Announced, not yet begun: the start lies after today. */
  plannedStart: boolean;
  /** Announced departure: the end lies after today. */
  plannedEnd: boolean;
  sources: SourceRef[];
  recordIds: string[];
}

export interface TimelineRow {
  key: string;
  /** Shown on the axis: the post (with the organisation when several are shown); empty for extra lanes. */
  label: string;
  post: string;
  organization: string;
  category: RoleCategory;
  lane: number;
}

export interface Timeline {
  view: TimelineView;
  subject: string;
  today: string;
  /** The drawn date range. */
  from: string;
  to: string;
  rows: TimelineRow[];
  bars: TimelineBar[];
  /** Distinct people in the timeline. */
  holders: number;
}

// Two reports of leaving the same post this close together are one departure told twice.
const SAME_DEPARTURE_DAYS = 180;
const MIN_SPAN_DAYS = 365;

interface Entry {
  record: ChangeRecord;
  post: Post;
  orgKey: string;
  personKey: string;
  day: string;
  basis: 'effective' | 'reported';
  reported: number;
}

// Draft bars keep the post group's identity until rows are laid out.
interface Draft extends Omit<TimelineBar, 'row' | 'postLabel' | 'plannedStart' | 'plannedEnd' | 'start'> {
  start: string | null;
  group: string;
  personKey: string;
  single: boolean;
}

const byStart = (a: { start: string | null }, b: { start: string | null }): number =>
  (a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : 0;

const keyOf = (name: string, fold: (n: string) => string): string => fold(name) || name.trim().toLowerCase();

// Names and titles repeat across records: fold each once per build.
function memo<T>(compute: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = compute(s);
      seen.set(s, v);
    }
    return v;
  };
}

function entriesOf(records: readonly ChangeRecord[]): Entry[] {
  const out: Entry[] = [];
  const orgKeyOf = memo((n) => keyOf(n, organizationKey));
  const personKeyOf = memo((n) => keyOf(n, personKey));
  const derivedPosts = memo((title) => postsOf(title, []));
  for (const record of records) {
    const { day, basis } = changeDay(record);
    const reported = Date.parse(record.firstReported);
    const orgKey = orgKeyOf(record.organization);
    const person = personKeyOf(record.person);
    const posts = record.role.categories.length ? postsOf(record.role.title, record.role.categories) : derivedPosts(record.role.title);
    for (const post of posts) out.push({ record, post, day, basis, reported, orgKey, personKey: person });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.reported - b.reported || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)));
}

function addSources(bar: Draft, record: ChangeRecord): void {
  bar.recordIds.push(record.id);
  for (const s of record.sources) {
    const same = (t: SourceRef) => (s.url ? t.url === s.url : t.url === null && t.outlet === s.outlet && t.title === s.title);
    if (!bar.sources.some(same)) bar.sources.push(s);
  }
}

function newDraft(e: Entry, n: number, group: string): Draft {
  const bar: Draft = {
    id: `${group}\u0000${e.personKey}\u0000${n}`,
    group,
    personKey: e.personKey,
    single: e.post.single,
    post: e.post.key,
    category: e.post.category,
    person: e.record.person,
    organization: e.record.organization,
    title: e.record.role.title,
    interim: e.record.interim,
    start: e.record.direction === 'in' ? e.day : null,
    startBasis: e.record.direction === 'in' ? e.basis : 'unknown',
    end: e.record.direction === 'out' ? e.day : null,
    endBasis: e.record.direction === 'out' ? e.basis : 'open',
    sources: [],
    recordIds: [],
  };
  addSources(bar, e.record);
  return bar;
}

/** Pairs one person's reports at one post into terms: in opens a term, out closes it. */
function pairTerms(entries: readonly Entry[], group: string): Draft[] {
  const bars: Draft[] = [];
  let open: Draft | null = null;
  for (const e of entries) {
    const last = bars[bars.length - 1];
    if (e.record.direction === 'in') {
      if (open && open.interim === e.record.interim) {
        // The same appointment reported again; a dated report beats the day of an undated one.
        if (open.startBasis === 'reported' && e.basis === 'effective') {
          open.start = e.day;
          open.startBasis = 'effective';
        }
        addSources(open, e.record);
        continue;
      }
      if (open) {
        open.end = e.day;
        open.endBasis = 'changed';
        bars.push(open);
      }
      open = newDraft(e, bars.length, group);
      continue;
    }
    if (open) {
      open.end = e.day;
      open.endBasis = e.basis;
      addSources(open, e.record);
      bars.push(open);
      open = null;
    } else if (last?.end && (last.endBasis === 'effective' || last.endBasis === 'reported') && daysBetween(last.end, e.day) <= SAME_DEPARTURE_DAYS) {
      if (last.endBasis === 'reported' && e.basis === 'effective') {
        last.end = e.day;
        last.endBasis = 'effective';
      }
      addSources(last, e.record);
    } else {
      bars.push(newDraft(e, bars.length, group));
    }
  }
  if (open) bars.push(open);
  return bars;
}

/** In a one-holder post, a term with no reported end ends when the next person comes in. */
function endBySuccession(bars: Draft[]): void {
  const started = bars.filter((b) => b.start !== null).sort(byStart);
  started.forEach((bar, i) => {
    if (bar.end !== null) return;
    let next: Draft | undefined;
    for (let j = i + 1; j < started.length && !next; j++) {
      const s = started[j]!;
      if (s.personKey !== bar.personKey && s.start! > bar.start!) next = s;
    }
    if (next) {
      bar.end = next.start;
      bar.endBasis = 'succeeded';
    }
  });
}

function dateRange(drafts: readonly Draft[], today: string): { from: string; to: string } {
  const known = [today, ...drafts.flatMap((b) => [b.start, b.end].filter((d): d is string => d !== null))];
  const first = minDay(known);
  const last = maxDay(known);
  const pad = Math.max(30, Math.round(daysBetween(first, last) * 0.04));
  const to = addDays(last, pad);
  const from = minDay([addDays(first, -pad), addDays(to, -MIN_SPAN_DAYS)]);
  return { from, to };
}

/** Terms that overlap in one post go to separate lanes, so no bar hides another. */
function assignLanes(bars: readonly Draft[], to: string): Map<Draft, number> {
  const laneEnds: string[] = [];
  const lanes = new Map<Draft, number>();
  const ordered = [...bars].sort(byStart);
  for (const bar of ordered) {
    let lane = laneEnds.findIndex((end) => end <= bar.start!);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = bar.end ?? to;
    lanes.set(bar, lane);
  }
  return lanes;
}

/**
 * The leadership over time that a set of stored changes tells: one row per post, one bar per
 * holder's term. Pure: the same records and `now` give the same timeline.
 */
export function buildTimeline(records: readonly ChangeRecord[], options: TimelineOptions): Timeline {
  const today = options.now.toISOString().slice(0, 10);
  const byPerson = new Map<string, Entry[]>();
  for (const e of entriesOf(records)) {
    const k = `${e.orgKey}\u0000${e.post.key}\u0000${e.personKey}`;
    const list = byPerson.get(k);
    if (list) list.push(e);
    else byPerson.set(k, [e]);
  }
  const groups = new Map<string, { post: Post; organization: string; bars: Draft[] }>();
  for (const entries of byPerson.values()) {
    const first = entries[0]!;
    const group = `${first.orgKey}\u0000${first.post.key}`;
    const g = groups.get(group) ?? { post: first.post, organization: first.record.organization, bars: [] };
    g.bars.push(...pairTerms(entries, group));
    groups.set(group, g);
  }
  for (const g of groups.values()) if (g.post.single) endBySuccession(g.bars);

  const all = [...groups.values()].flatMap((g) => g.bars);
  const { from, to } = dateRange(all, today);
  for (const g of groups.values()) {
    for (const bar of g.bars) {
      if (bar.start !== null) continue;
      // Held since before the first report we have: drawn from the previous holder's end if any.
      const before = g.post.single
        ? g.bars.filter((o) => o !== bar && o.personKey !== bar.personKey && o.end !== null && o.end <= bar.end!).map((o) => o.end!)
        : [];
      bar.start = maxDay([from, ...before]);
    }
  }

  const orgs = new Set(all.map((b) => keyOf(b.organization, organizationKey)));
  const withOrg = options.view === 'person' || orgs.size > 1;
  const firstStart = (g: { bars: Draft[] }) => minDay(g.bars.map((b) => b.start!));
  const ordered = [...groups.values()].sort((a, b) => {
    const byStart = firstStart(a) < firstStart(b) ? -1 : firstStart(a) > firstStart(b) ? 1 : 0;
    if (options.view === 'person') return byStart || postRank(a.post.category) - postRank(b.post.category);
    return postRank(a.post.category) - postRank(b.post.category) || a.organization.localeCompare(b.organization) || byStart;
  });

  const rows: TimelineRow[] = [];
  const bars: TimelineBar[] = [];
  for (const g of ordered) {
    const label = withOrg ? `${g.post.label} · ${g.organization}` : g.post.label;
    const lanes = assignLanes(g.bars, to);
    const laneCount = Math.max(...lanes.values()) + 1;
    for (let lane = 0; lane < laneCount; lane++) {
      rows.push({ key: `${rows.length}`, label: lane === 0 ? label : '', post: g.post.key, organization: g.organization, category: g.post.category, lane });
    }
    const base = rows.length - laneCount;
    const sorted = [...g.bars].sort(byStart);
    for (const d of sorted) {
      const { group: _group, personKey: _personKey, single: _single, ...rest } = d;
      const start = d.start!;
      bars.push({
        ...rest,
        start,
        row: rows[base + lanes.get(d)!]!.key,
        postLabel: label,
        plannedStart: d.startBasis !== 'unknown' && start > today,
        plannedEnd: d.end !== null && d.end > today,
      });
    }
  }
  const holders = new Set(all.map((b) => b.personKey)).size;
  return { view: options.view, subject: options.subject, today, from, to, rows, bars, holders };
}
