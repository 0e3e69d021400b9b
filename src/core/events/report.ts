import type { LeadershipChange } from '../change.js';
import { findEffectiveDate } from './effective-date.js';
import { uniqueByKey, spellingKey } from './event-record.js';
import { resolveShortName } from './item-names.js';
import { foldLatin } from './fold.js';
import { cleanParent, isDescriptor, orgWords, unitFromEvidence, unitFromTitle } from './organizations.js';
import { personNameKey, personWords, significantWords } from './person-names.js';
import type { FilingRef } from './model.js';
import { describePost, isBoardSeat, type Post } from './roles.js';

/** One change as the merger reads it: who, where, which post, when, with what it knows of the item. */
export interface Report {
  change: LeadershipChange;
  /** The item's headline, for the alert's source list. */
  title: string | null;
  /** Where the post is: the reported organisation, or the unit the role title names in it. */
  org: { name: string; parent: string | null };
  at: string;
  atMs: number;
  /** Every spelling the report gives, the full name a surname-only mention resolved to first. */
  names: string[];
  /** The names with the aliases learned for them. */
  expanded: string[];
  /**
   * A surname-only mention ("Smith", "Mr Garman") the item could not resolve to one full name;
   * `fits` are the item's full names it fits (two or more: ambiguous there).
   */
  short: { fits: string[] } | null;
  post: Post;
  /**
   * The report gives no organisation one can hold it to: none found ("unknown"), or a person's
   * name read as one ("… @ Musk").
   */
  orgUnknown: boolean;
  /** The interim flag, corrected by the title ("acting president") and by a permanent appointment's wording. */
  interim: boolean;
  effectiveDate: string | null;
  /** The regulatory filing the report is (an SEC 8-K), or null for news. */
  filing?: FilingRef | null;
}

const INTERIM_WORD = /\b(?:interim|acting|provisional(?:ly)?|temporar(?:y|ily)|caretaker)\b/i;
const PERMANENT_POST = /\bpermanent\s+(?:chief|ceo|cfo|coo|cto|head|president|chair|chairman|chairwoman|leader|boss|basis|role|post|job)\b/gi;
const DROPS_INTERIM = /\b(?:drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|shed(?:s|ding)?|lift(?:s|ed|ing)?)\s+(?:(?:the|her|his|its|their)\s+)?["'\u201c\u2018]?(?:interim|acting)\b|\bmade\s+permanent\b|\bpermanently\b/i;
// "while the board looks for a permanent chief executive": a permanent post still to be filled.
const STILL_SOUGHT = /\b(?:a|an|for|until|find|finds|seek|seeks|seeking|search|searches|hunt|hunts|hire)\s*$/i;

/** Whether the words of an appointment say it is the permanent one ("named permanent CEO", "dropping the interim tag"). */
export function saysPermanent(text: string): boolean {
  if (DROPS_INTERIM.test(text)) return true;
  for (const m of text.matchAll(PERMANENT_POST)) {
    if (!STILL_SOUGHT.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0))) return true;
  }
  return false;
}

/**
 * The interim flag a report stands for. Extractors lose or misplace it: a title that says
 * "acting" is interim whatever the flag, and an appointment worded as the permanent one is not,
 * so that the permanent appointment never joins the interim one.
 */
export function interimOf(change: LeadershipChange): boolean {
  if (change.direction === 'in' && saysPermanent(`${change.role.title} ${change.evidence}`)) return false;
  if (INTERIM_WORD.test(change.role.title)) return true;
  return change.interim;
}

export interface ItemContext {
  title: string | null;
  /** The full names the item writes (its text, and the changes it reports); read when a surname needs them. */
  fullNames: () => readonly string[];
  /** The names of the people the item's changes report. */
  people: readonly string[];
  /** Time for reports without a publication time. */
  nowMs: number;
  dayMs: number;
}

export function prepareReport(change: LeadershipChange, item: ItemContext, aliasesOf: (name: string) => string[]): Report {
  const parsed = change.source.publishedAt ? Date.parse(change.source.publishedAt) : Number.NaN;
  // A feed's date in the future (a wrong clock, a time zone read as UTC) must not keep an event
  // open for months: no report is later than a day from now.
  const atMs = Number.isNaN(parsed) ? item.nowMs : Math.min(parsed, item.nowMs + item.dayMs);
  const at = new Date(atMs).toISOString();
  const reported = uniqueByKey([change.person.name, ...change.person.aliases], spellingKey);
  const isShort = reported.every((n) => significantWords(personWords(n)).length <= 1);
  const resolution = isShort ? resolveShortName(change.person.name, item.fullNames()) : null;
  const names = resolution?.full ? uniqueByKey([resolution.full, ...reported], spellingKey) : reported;
  const expanded = uniqueByKey(names.flatMap(aliasesOf), personNameKey);
  const effectiveDate = change.effectiveDate ?? findEffectiveDate(change.evidence, at);
  const org = placeOf(change, item.title ?? '');
  return {
    orgUnknown: unknownOrganization(org.name, [...names, ...item.people]),
    change,
    title: item.title,
    org,
    at,
    atMs,
    names,
    expanded,
    short: isShort && !resolution?.full ? { fits: resolution?.fits ?? [] } : null,
    post: describePost(change.role.title, [org.name, ...(org.parent ? [org.parent] : [])]),
    interim: interimOf(change),
    effectiveDate,
  };
}

const UNKNOWN = /^(?:unknown|unnamed|n\/?a|none)(?:\s+(?:organi[sz]ation|company|firm))?$/i;

/** An organisation name that names nothing: empty, a placeholder, or a person's name from the item. */
export function unknownOrganization(name: string, people: readonly string[]): boolean {
  const words = orgWords(name);
  if (words.length === 0 || UNKNOWN.test(name.trim())) return true;
  return words.length === 1 && people.some((p) => {
    const pw = significantWords(personWords(p));
    return pw.length >= 2 && (pw[0] === words[0] || pw[pw.length - 1] === words[0]);
  });
}

const UNIT_NOUNS: ReadonlySet<string> = new Set(['unit', 'units', 'division', 'subsidiary', 'arm', 'segment', 'business']);

/**
 * Whether the text a change was read from names its unit: "Intel Products" for a board seat that
 * the evidence places at Intel ("Gelsinger stepped down from the board") is a misreading.
 */
export function unitNamedIn(unit: string, parent: string, text: string): boolean {
  const own = orgWords(parent);
  const distinct = orgWords(unit).filter((w) => !own.includes(w) && !isDescriptor(w));
  if (distinct.length === 0) return true;
  const words = foldLatin(text).replace(/['\u2019]s\b/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  const present = new Set(words);
  // "who has run Amazon's cloud computing unit": a unit, described rather than named.
  if (words.some((w) => UNIT_NOUNS.has(w))) return true;
  if (distinct.some((w) => present.has(w) || (w.length >= 3 && words.some((t) => t.length >= 3 && (t.startsWith(w) || w.startsWith(t)))))) return true;
  // An acronym the text spells out ("AWS": "Amazon Web Services").
  const [only] = distinct;
  if (distinct.length !== 1 || !only || only.length > 5) return false;
  for (let i = 0; i + only.length <= words.length; i++) {
    let initials = '';
    for (let j = i; j < i + only.length; j++) initials += words[j]?.[0] ?? '';
    if (initials === only) return true;
  }
  return false;
}

/**
 * Where the post is: the reported organisation, or the unit its title or evidence names in it.
 * A unit that neither the change's words nor the headline name is a neighbour's post the
 * extractor carried over ("Intel Products" for the interim chair): the parent.
 */
export function placeOf(change: LeadershipChange, headline = ''): { name: string; parent: string | null } {
  const reported = change.organization;
  const parent = cleanParent(reported.name, reported.parent);
  const place = unitFromTitle(change.role.title, reported.name, parent) ??
    (parent ? null : unitFromEvidence(change.evidence, change.role.title, reported.name)) ??
    { name: reported.name, parent };
  // A board seat is the company's unless the change's own words name the unit (units rarely
  // have boards in the news); another post may take its unit from the headline.
  const context = isBoardSeat(describePost(change.role.title)) ? '' : headline;
  if (place.parent && !unitNamedIn(place.name, place.parent, `${change.role.title} ${change.evidence}\n${context}`)) return { name: place.parent, parent: null };
  return place;
}
