import type { LeadershipChange } from '../core/change.js';
import { HONORIFICS, LEGAL_SUFFIXES, sameName } from '../core/names.js';
import { roleCategories } from '../core/roles.js';
import { goldChangesOf, goldItemToNewsItem, inPublishedOrder, misreadChangesOf, type GoldEventChange, type GoldEventItem } from './event-gold.js';
import { createEventMerger } from '../core/events/merger.js';
import { orgWords } from '../core/events/organizations.js';
import type { ChangeEvent, EventOptions } from '../core/events/model.js';
import { createMemoryEventRepository, type EventRepository } from '../core/events/repository.js';

/** One line of `execwatch events --jsonl`: an event as GUIDE.md's format names its fields. */
export interface EventLine {
  event: string;
  person: string;
  direction: ChangeEvent['direction'];
  role: string;
  organization: string;
  interim: boolean;
  sources: string[];
  confidence: number;
}

export function toEventLine(event: ChangeEvent): EventLine {
  return {
    event: event.id,
    person: event.person.name,
    direction: event.direction,
    role: event.role.title,
    organization: event.organization.name,
    interim: event.interim,
    sources: [...new Set(event.sources.map((s) => s.itemId))],
    confidence: event.confidence,
  };
}

export type ChangeSource = (item: GoldEventItem) => LeadershipChange[] | Promise<LeadershipChange[]>;

/** Changes straight from the gold labels: what the merger must get exactly right. */
export const goldChangeSource: ChangeSource = (item) => goldChangesOf(item).map((g) => g.change);

/** The `misread` changes of a test stream: gold changes with the extraction errors it carries. */
export const misreadChangeSource: ChangeSource = (item) => misreadChangesOf(item);

export interface MergeRun {
  /** Live events (not merged into another), earliest first. */
  events: ChangeEvent[];
  /** For every change merged: its item, the change, and the live event it ended in. */
  assignments: Array<{ itemId: string; change: LeadershipChange; eventId: string }>;
}

/** Takes items in published order through `source` and the merger (in memory unless given a repository). */
export async function runMerge(
  items: readonly GoldEventItem[],
  source: ChangeSource,
  options: Partial<EventOptions> = {},
  repository: EventRepository = createMemoryEventRepository(),
): Promise<MergeRun> {
  const merger = createEventMerger({ repository, options });
  const raw: Array<{ itemId: string; change: LeadershipChange; eventId: string }> = [];
  // Every event the run touched: a report can move to an event split off the one it joined.
  const touched = new Set<string>();
  for (const item of inPublishedOrder(items)) {
    const changes = await source(item);
    const result = await merger.mergeItem(goldItemToNewsItem(item), changes);
    for (const o of result.outcomes) raw.push({ itemId: item.id, change: o.change, eventId: o.event.id });
    for (const e of [...result.outcomes.map((o) => o.event), ...result.revised, ...result.joined.map((j) => j.event)]) touched.add(e.id);
  }
  const live = async (id: string): Promise<ChangeEvent | null> => {
    let event = await repository.get(id);
    for (let hops = 0; event?.mergedInto && hops < 100; hops++) event = await repository.get(event.mergedInto);
    return event;
  };
  const liveEvents = [...new Map((await Promise.all([...touched].map(live))).filter((e): e is ChangeEvent => e !== null).map((e) => [e.id, e])).values()];
  const holds = (e: ChangeEvent, a: { itemId: string; change: LeadershipChange }) =>
    e.direction === a.change.direction &&
    e.sources.some((s) => s.itemId === a.itemId && s.personName === a.change.person.name && s.roleTitle === a.change.role.title);
  const assignments = await Promise.all(raw.map(async (a) => {
    const at = await live(a.eventId);
    const home = at && holds(at, a) ? at : liveEvents.find((e) => holds(e, a)) ?? at;
    return { ...a, eventId: home?.id ?? a.eventId };
  }));
  const events = (await Promise.all([...new Set(assignments.map((a) => a.eventId))].map((id) => repository.get(id))))
    .filter((e): e is ChangeEvent => e !== null)
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
  return { events, assignments };
}

export interface EventEvaluation {
  /** Gold events in the file (changes with an `event` id and a person). */
  goldEvents: number;
  /** Gold events at least one merged change was matched to. */
  found: number;
  /** Found gold events that came out as exactly one event holding nothing else. */
  exact: number;
  /** Extra events for found gold events (a gold event split in 3 counts 2). */
  duplicates: number;
  /** Extra gold events inside merged events (an event holding 3 gold events counts 2). */
  wrongMerges: number;
  events: number;
  /** Events made only of changes that match no gold change (extraction false alarms). */
  spuriousEvents: number;
  unmatchedChanges: number;
  splitEvents: Array<{ gold: string; events: string[] }>;
  mergedEvents: Array<{ event: string; gold: string[] }>;
}

// The matching rule of ../shared/eval/score.mjs: persons and direction (loose), then also role
// category and organisation (strict). A strict match is preferred.
// Returns 0 (no match), 1.x (loose) or 2.x (strict); the fraction prefers the same interim flag
// and the organisation itself over its parent, so that a change finds its own gold change when
// an item reports several of one person.
function goldMatch(change: LeadershipChange, gold: GoldEventChange): number {
  if (!gold.person || change.direction !== gold.direction) return 0;
  const people = [gold.person, ...(gold.aliases ?? [])];
  const predicted = [change.person.name, ...change.person.aliases];
  if (!people.some((g) => predicted.some((p) => sameName(g, p, HONORIFICS)))) return 0;
  const gc = roleCategories(gold.role);
  const pc = roleCategories(change.role.title);
  const orgs = [gold.organization, ...(gold.organizationAliases ?? [])];
  const porgs = [change.organization.name, ...(change.organization.parent ? [change.organization.parent] : [])];
  const strict = [...gc].some((c) => pc.has(c)) && orgs.some((g) => porgs.some((p) => sameName(g, p, LEGAL_SUFFIXES)));
  const gw = orgWords(gold.organization);
  const pw = orgWords(change.organization.name);
  const overlap = gw.filter((w) => pw.includes(w)).length / (new Set([...gw, ...pw]).size || 1);
  return (strict ? 2 : 1) + (change.interim === gold.interim ? 0.5 : 0) + overlap * 0.4;
}

export interface EvaluateOptions {
  /**
   * strict (default): a change counts for a gold event only when it names the same post (role
   * category and organisation, as score.mjs's strict level); a change with the wrong post is an
   * extraction error that merging by post cannot be asked to place. loose: person and direction.
   */
  level?: 'strict' | 'loose';
}

export function evaluateMerge(items: readonly GoldEventItem[], run: MergeRun, opts: EvaluateOptions = {}): EventEvaluation {
  const minLevel = opts.level === 'loose' ? 1 : 2;
  const goldById = new Map(items.map((i) => [i.id, (i.changes ?? []).filter((c) => c.person && c.event)]));
  const goldEventIds = new Set([...goldById.values()].flat().map((c) => c.event as string));
  const eventsOfGold = new Map<string, Set<string>>();
  const goldOfEvent = new Map<string, Set<string>>();
  let unmatchedChanges = 0;

  const byItem = new Map<string, MergeRun['assignments']>();
  for (const a of run.assignments) byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a]);
  for (const [itemId, assigned] of byItem) {
    const golds = goldById.get(itemId) ?? [];
    const used = new Set<number>();
    // Strict matches first, so that a loose match cannot take a gold change a strict one needs.
    const pairs: Array<{ a: number; g: number; level: number }> = [];
    assigned.forEach((a, ai) => golds.forEach((g, gi) => {
      const level = goldMatch(a.change, g);
      if (level >= minLevel) pairs.push({ a: ai, g: gi, level });
    }));
    pairs.sort((x, y) => y.level - x.level);
    const matchedA = new Map<number, number>();
    for (const p of pairs) {
      if (matchedA.has(p.a) || used.has(p.g)) continue;
      matchedA.set(p.a, p.g);
      used.add(p.g);
    }
    assigned.forEach((a, ai) => {
      const gi = matchedA.get(ai);
      const goldEvent = gi === undefined ? undefined : golds[gi]?.event;
      if (!goldEvent) {
        unmatchedChanges++;
        if (!goldOfEvent.has(a.eventId)) goldOfEvent.set(a.eventId, new Set());
        return;
      }
      if (!eventsOfGold.has(goldEvent)) eventsOfGold.set(goldEvent, new Set());
      eventsOfGold.get(goldEvent)?.add(a.eventId);
      if (!goldOfEvent.has(a.eventId)) goldOfEvent.set(a.eventId, new Set());
      goldOfEvent.get(a.eventId)?.add(goldEvent);
    });
  }

  let duplicates = 0;
  let wrongMerges = 0;
  let exact = 0;
  const splitEvents: EventEvaluation['splitEvents'] = [];
  const mergedEvents: EventEvaluation['mergedEvents'] = [];
  for (const [gold, evs] of eventsOfGold) {
    duplicates += evs.size - 1;
    if (evs.size > 1) splitEvents.push({ gold, events: [...evs] });
    const [only] = evs;
    if (evs.size === 1 && only !== undefined && goldOfEvent.get(only)?.size === 1) exact++;
  }
  for (const [event, golds] of goldOfEvent) {
    if (golds.size > 1) {
      wrongMerges += golds.size - 1;
      mergedEvents.push({ event, gold: [...golds].sort() });
    }
  }
  return {
    goldEvents: goldEventIds.size,
    found: eventsOfGold.size,
    exact,
    duplicates,
    wrongMerges,
    events: run.events.length,
    spuriousEvents: [...goldOfEvent.values()].filter((g) => g.size === 0).length,
    unmatchedChanges,
    splitEvents: splitEvents.sort((a, b) => a.gold.localeCompare(b.gold)),
    mergedEvents,
  };
}
