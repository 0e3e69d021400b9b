import type { LeadershipChange, NewsItem, RoleCategory } from '../change.js';
import { createAliasBook, type AliasBook } from './alias-book.js';
import { corroboratedConfidence, outletOf } from './corroboration.js';
import { findDenialSentences } from './denials.js';
import { findEffectiveDate } from './effective-date.js';
import { absorbEvent, displayName, hash, laterDate, spellingKey, uniqueByKey } from './event-record.js';
import { findNamePairs } from './name-pairs.js';
import { DEFAULT_EVENT_OPTIONS, type ChangeEvent, type EventOptions, type EventSource, type FilingRef } from './model.js';
import {
  cleanParent, createUnitBook, orgKey, relateOrganizations, unitFromEvidence, unitFromTitle, type UnitBook,
} from './organizations.js';
import { bestNameMatch, NameMatch, personNameKey, personWords, significantWords } from './person-names.js';
import { eventHorizon, type EventRepository } from './repository.js';
import { mergeCategories, rolesCompatible } from './roles.js';

export type AlertAction = 'post' | 'edit' | 'hold' | 'none';

export interface MergeOutcome {
  change: LeadershipChange;
  /** The event after this change was merged (the survivor when events were joined). */
  event: ChangeEvent;
  /** created: a new event; corroborated: a new report of a known one; repeated: nothing new. */
  kind: 'created' | 'corroborated' | 'repeated';
  /**
   * post: alert now (first release); edit: update the alert already sent for `event.id`;
   * hold: below the confidence threshold, wait for a second source; none: nothing to say.
   */
  alert: AlertAction;
  /** Events this change showed to be the same as `event`; they now carry `mergedInto`. */
  absorbed: string[];
}

export interface ItemMergeResult {
  outcomes: MergeOutcome[];
  /**
   * Stored events this item showed to be one (it taught that two names are one person): each
   * survivor with the ids merged into it. The survivor's alert should be edited.
   */
  joined: Array<{ event: ChangeEvent; absorbed: string[] }>;
  /** Stored events this item denies or reverses (each now carries a contradiction note). */
  contradicted: ChangeEvent[];
}

export interface MergeItemOptions {
  /** Record without alerting (a feed's first poll): new events are `suppressed`. */
  silent?: boolean;
  /** The item is a regulatory filing (an SEC 8-K): its reports carry this reference. */
  filing?: FilingRef;
}

export interface EventMerger {
  /** Merges the changes one item reports, in order, and notes any denial the item makes. */
  mergeItem(item: Pick<NewsItem, 'id'> & Partial<NewsItem>, changes: readonly LeadershipChange[], opts?: MergeItemOptions): ItemMergeResult;
  readonly options: EventOptions;
}

export interface EventMergerDeps {
  repository: EventRepository;
  options?: Partial<EventOptions>;
  /** Time for reports without a publication time. */
  now?: () => Date;
}

const DAY_MS = 86_400_000;

interface Prepared {
  change: LeadershipChange;
  title: string | null;
  /** Where the post is: the reported organisation, or the unit the role title names in it. */
  org: { name: string; parent: string | null };
  at: string;
  atMs: number;
  names: string[];
  expanded: string[];
  categories: RoleCategory[];
  effectiveDate: string | null;
  filing: FilingRef | null;
}

export function createEventMerger(deps: EventMergerDeps): EventMerger {
  const options: EventOptions = { ...DEFAULT_EVENT_OPTIONS, ...deps.options };
  const { repository } = deps;
  const now = deps.now ?? (() => new Date());
  const windowMs = options.windowDays * DAY_MS;
  const knowledge = repository.loadKnowledge();
  const aliases: AliasBook = createAliasBook(knowledge.aliasGroups);
  const units: UnitBook = createUnitBook(knowledge.units);

  const learnAliases = (names: readonly string[]): string[] | null => {
    const group = aliases.link(names);
    if (group) repository.saveAliasGroup(group);
    return group;
  };

  const prepare = (change: LeadershipChange, title: string | null, filing: FilingRef | null = null): Prepared => {
    const parsed = change.source.publishedAt ? Date.parse(change.source.publishedAt) : Number.NaN;
    // A feed's date in the future (a wrong clock, a time zone read as UTC) must not keep an event
    // open for months: no report is later than a day from now.
    const nowMs = now().getTime();
    const atMs = Number.isNaN(parsed) ? nowMs : Math.min(parsed, nowMs + DAY_MS);
    const at = new Date(atMs).toISOString();
    const names = uniqueByKey([change.person.name, ...change.person.aliases], spellingKey);
    const expanded = uniqueByKey(names.flatMap((n) => aliases.namesOf(n)), personNameKey);
    const effectiveDate = change.effectiveDate ?? findEffectiveDate(change.evidence, at);
    const reported = change.organization;
    const parent = cleanParent(reported.name, reported.parent);
    const org = unitFromTitle(change.role.title, reported.name, parent) ??
      (parent ? null : unitFromEvidence(change.evidence, change.role.title, reported.name)) ??
      { name: reported.name, parent };
    return { change, title, org, at, atMs, names, expanded, categories: mergeCategories(change.role.title), effectiveDate, filing };
  };

  const relateTo = (event: ChangeEvent, p: Prepared) =>
    relateOrganizations({ names: event.organization.names, parent: event.organization.parent }, { names: [p.org.name], parent: p.org.parent }, units);

  // Whether the post is in a unit of a larger organisation (either report says so).
  const isUnit = (event: ChangeEvent, p: Prepared): boolean =>
    Boolean(event.organization.parent || p.org.parent) ||
    [...event.organization.names, p.org.name].some((n) => units.parentsOf(orgKey(n)).length > 0);

  // Two changes of one item that say the same thing twice (headline and body): the same person
  // (a surname is enough within one item), move and post.
  const sameMove = (a: Prepared, b: Prepared): boolean => {
    if (a.change.direction !== b.change.direction || a.change.interim !== b.change.interim) return false;
    if (!rolesCompatible(a.categories, b.categories)) return false;
    const names = bestNameMatch(a.expanded, b.expanded);
    if (names === NameMatch.None) return false;
    const orgs = relateOrganizations({ names: [a.org.name], parent: a.org.parent }, { names: [b.org.name], parent: b.org.parent }, units);
    return orgs === 'same' || (orgs === 'none' && names >= NameMatch.Contained);
  };

  const sourceOf = (p: Prepared): EventSource => ({
    itemId: p.change.source.itemId,
    title: p.title,
    url: p.change.source.url,
    feed: p.change.source.feed,
    outlet: outletOf(p.change.source),
    publishedAt: p.change.source.publishedAt ?? p.at,
    evidence: p.change.evidence,
    confidence: p.change.confidence,
    personName: p.change.person.name,
    roleTitle: p.change.role.title,
    organizationName: p.change.organization.name,
    filing: p.filing,
  });

  const newId = (p: Prepared): string => {
    const c = p.change;
    const seed = [c.source.itemId, personNameKey(c.person.name), c.direction, p.categories.join('+'),
      orgKey(p.org.name), String(c.interim)].join('|');
    let id = `ev-${hash(seed)}`;
    for (let n = 2; repository.get(id); n++) id = `ev-${hash(seed)}-${n}`;
    return id;
  };

  const createEvent = (p: Prepared, silent: boolean): { event: ChangeEvent; alert: AlertAction } => {
    const c = p.change;
    const sources = [sourceOf(p)];
    const confidence = corroboratedConfidence(sources);
    const held = confidence < options.holdBelowConfidence;
    const event: ChangeEvent = {
      id: newId(p),
      person: { name: c.person.name, names: p.names },
      direction: c.direction,
      interim: c.interim,
      role: { title: c.role.title, categories: p.categories },
      organization: { name: p.org.name, parent: p.org.parent, names: [p.org.name] },
      effectiveDate: p.effectiveDate,
      reason: c.reason,
      counterpart: c.counterpart,
      destination: c.destination,
      firstSeen: p.at,
      lastSeen: p.at,
      sources,
      confidence,
      contradictions: [],
      mergedInto: null,
      alertState: silent ? 'suppressed' : held ? 'held' : 'released',
      revision: 1,
    };
    return { event, alert: silent ? 'none' : held ? 'hold' : 'post' };
  };

  // A new report of a known event: add the source and whatever the report makes known.
  const corroborate = (event: ChangeEvent, p: Prepared): { event: ChangeEvent; alert: AlertAction } => {
    const c = p.change;
    const sources = [...event.sources, sourceOf(p)];
    const names = uniqueByKey([...event.person.names, ...p.names], spellingKey);
    const orgNames = uniqueByKey([...event.organization.names, p.org.name], orgKey);
    const confidence = corroboratedConfidence(sources);
    let alertState = event.alertState;
    let alert: AlertAction = 'none';
    if (alertState === 'released') alert = 'edit';
    else if (alertState === 'held') {
      if (confidence >= options.holdBelowConfidence) {
        alertState = 'released';
        alert = 'post';
      } else alert = 'hold';
    }
    const updated: ChangeEvent = {
      ...event,
      person: { name: displayName(sources), names },
      organization: {
        name: event.organization.name,
        parent: event.organization.parent ?? p.org.parent,
        names: orgNames,
      },
      effectiveDate: laterDate(event.effectiveDate, p.effectiveDate),
      reason: event.reason ?? c.reason,
      counterpart: event.counterpart ?? c.counterpart,
      destination: event.destination ?? c.destination,
      firstSeen: p.at < event.firstSeen ? p.at : event.firstSeen,
      lastSeen: p.at > event.lastSeen ? p.at : event.lastSeen,
      sources,
      confidence,
      alertState,
      revision: event.revision + 1,
    };
    return { event: updated, alert };
  };

  const noteReversal = (event: ChangeEvent, p: Prepared): ChangeEvent[] => {
    const opposite = p.change.direction === 'in' ? 'out' : 'in';
    const since = new Date(p.atMs - windowMs).toISOString();
    const tokens = significantWords(p.expanded.flatMap(personWords));
    const noted: ChangeEvent[] = [];
    for (const other of repository.findCandidates({ tokens, direction: opposite, since })) {
      if (other.mergedInto || other.interim !== p.change.interim) continue;
      if (!rolesCompatible(other.role.categories, p.categories, isUnit(other, p)) || relateTo(other, p) !== 'same') continue;
      if (bestNameMatch(p.expanded, other.person.names) < NameMatch.Contained) continue;
      if (other.contradictions.some((x) => x.eventId === event.id)) continue;
      const updated: ChangeEvent = {
        ...other,
        contradictions: [...other.contradictions, {
          kind: 'reversal', itemId: p.change.source.itemId, url: p.change.source.url,
          publishedAt: p.change.source.publishedAt, evidence: p.change.evidence, eventId: event.id,
        }],
        revision: other.revision + 1,
      };
      repository.save(updated);
      noted.push(updated);
    }
    return noted;
  };

  const noteDenials = (item: Pick<NewsItem, 'id'> & Partial<NewsItem>, atMs: number): ChangeEvent[] => {
    const text = [item.title, item.summary, item.content].filter(Boolean).join('\n');
    const noted: ChangeEvent[] = [];
    const since = new Date(atMs - windowMs).toISOString();
    const itemWords = new Set(personWords(text));
    for (const sentence of findDenialSentences(text)) {
      const words = personWords(sentence);
      for (const event of repository.findCandidates({ tokens: words, since })) {
        if (event.mergedInto || event.contradictions.some((x) => x.itemId === item.id)) continue;
        if (event.sources.some((s) => s.itemId === item.id)) continue;
        // The full name in the denial, or the surname there and the organisation in the item.
        const full = event.person.names.some((n) => {
          const sig = significantWords(personWords(n));
          return sig.length >= 2 && sig.every((w) => words.includes(w));
        });
        const surnameAndOrg = event.person.names.some((n) => {
          const last = significantWords(personWords(n)).at(-1);
          return last !== undefined && words.includes(last);
        }) && event.organization.names.some((o) => {
          const ow = personWords(o);
          return ow.length > 0 && ow.every((w) => itemWords.has(w));
        });
        if (!full && !surnameAndOrg) continue;
        const updated: ChangeEvent = {
          ...event,
          contradictions: [...event.contradictions, {
            kind: 'denial', itemId: item.id, url: item.url ?? null, publishedAt: item.publishedAt ?? null,
            evidence: sentence, eventId: null,
          }],
          revision: event.revision + 1,
        };
        repository.save(updated);
        noted.push(updated);
      }
    }
    return noted;
  };

  // Name pairs in the text ("Jack Ma (Ma Yun)") are learned when one of the names is a person
  // this item reports or a stored event names; a pair of strangers may be anything.
  const learnFromText = (item: Pick<NewsItem, 'id'> & Partial<NewsItem>, itemNames: readonly string[], atMs: number): string[][] => {
    const text = [item.title, item.summary, item.content].filter(Boolean).join('\n');
    const learned: string[][] = [];
    const since = new Date(atMs - windowMs).toISOString();
    const itemKeys = new Set(itemNames.map(personNameKey));
    for (const [a, b] of findNamePairs(text)) {
      const keys = [personNameKey(a), personNameKey(b)];
      const known = keys.some((k) => itemKeys.has(k)) ||
        aliases.namesOf(a).length > 1 || aliases.namesOf(b).length > 1 ||
        repository.findCandidates({ tokens: significantWords([...personWords(a), ...personWords(b)]), since })
          .some((e) => !e.mergedInto && e.person.names.some((n) => keys.includes(personNameKey(n))));
      if (!known) continue;
      const group = learnAliases([a, b]);
      if (group) learned.push(group);
    }
    return learned;
  };

  // After learning that some names are one person, stored events of that person that are the
  // same move become one event (the earliest survives, so its alert is the one edited).
  const reconcile = (groups: readonly string[][], atMs: number): Array<{ event: ChangeEvent; absorbed: string[] }> => {
    const joined: Array<{ event: ChangeEvent; absorbed: string[] }> = [];
    const since = new Date(atMs - windowMs).toISOString();
    for (const group of groups) {
      const tokens = significantWords(group.flatMap(personWords));
      const events = repository.findCandidates({ tokens, since })
        .filter((e) => !e.mergedInto && bestNameMatch(group, e.person.names) >= NameMatch.Contained)
        .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
      const gone = new Set<string>();
      for (let i = 0; i < events.length; i++) {
        let survivor = events[i] as ChangeEvent;
        if (gone.has(survivor.id)) continue;
        const absorbed: string[] = [];
        for (const other of events.slice(i + 1)) {
          if (gone.has(other.id) || other.direction !== survivor.direction || other.interim !== survivor.interim) continue;
          if (!rolesCompatible(survivor.role.categories, other.role.categories)) continue;
          const names = uniqueByKey(survivor.person.names.flatMap((n) => aliases.namesOf(n)), personNameKey);
          if (bestNameMatch(names, other.person.names) < NameMatch.Contained) continue;
          const orgs = relateOrganizations(
            { names: survivor.organization.names, parent: survivor.organization.parent },
            { names: other.organization.names, parent: other.organization.parent }, units);
          if (orgs !== 'same') continue;
          if (Date.parse(other.firstSeen) - Date.parse(eventHorizon(survivor)) > windowMs) continue;
          const [merged, old] = absorbEvent(survivor, other);
          repository.save(old);
          survivor = merged;
          gone.add(other.id);
          absorbed.push(other.id);
        }
        if (absorbed.length) {
          repository.save(survivor);
          joined.push({ event: survivor, absorbed });
        }
      }
    }
    return joined;
  };

  const mergeItem: EventMerger['mergeItem'] = (item, changes, opts = {}) => {
    const silent = opts.silent ?? false;
    const prepared = changes.map((c) => prepare(c, item.title ?? null, opts.filing ?? null));
    const published = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
    const itemAtMs = prepared[0]?.atMs ?? (Number.isNaN(published) ? now().getTime() : published);
    // Learn first: an item that gives two names for one person, or a unit's parent, says so for
    // all of its changes.
    const learned = learnFromText(item, prepared.flatMap((p) => p.names), itemAtMs);
    for (const p of prepared) {
      if (p.names.length > 1) {
        const group = learnAliases(p.names);
        if (group) learned.push(group);
      }
      const parent = p.org.parent;
      if (parent) {
        const u = orgKey(p.org.name);
        const par = orgKey(parent);
        if (units.learn(u, par)) repository.saveUnit(u, par);
      }
    }
    for (const p of prepared) {
      p.expanded = uniqueByKey(p.names.flatMap((n) => aliases.namesOf(n)), personNameKey);
    }
    const joined = reconcile(learned, itemAtMs);

    const claimedBy = new Map<string, number>();
    const outcomes: MergeOutcome[] = [];
    const contradicted: ChangeEvent[] = [];

    prepared.forEach((p, index) => {
      const c = p.change;
      const tokens = significantWords(p.expanded.flatMap(personWords));
      const since = new Date(p.atMs - windowMs).toISOString();
      const firstAllowed = p.atMs + windowMs;

      type Scored = { event: ChangeEvent; score: number; names: NameMatch };
      const matches: Scored[] = [];
      let duplicateOf: ChangeEvent | null = null;
      for (const event of repository.findCandidates({ tokens, direction: c.direction, since })) {
        if (event.mergedInto) continue;
        if (Date.parse(event.firstSeen) > firstAllowed) continue;
        if (!rolesCompatible(event.role.categories, p.categories, isUnit(event, p))) continue;
        const names = bestNameMatch(p.expanded, event.person.names);
        if (names === NameMatch.None) continue;
        // An interim appointment and the permanent one are two events. Leaving, though, happens
        // once: "out as co-CEO" and "out as interim co-CEO" of one full name within the window are
        // one departure that an outlet described without the "interim".
        const sameInterim = event.interim === c.interim;
        if (!sameInterim && (c.direction === 'in' || names < NameMatch.Contained)) continue;
        // A unit and its parent are different posts. An unrelated organisation is taken for a
        // misreading ("Chips this week: … Tan takes over") only when the full name matches.
        const orgRelation = relateTo(event, p);
        if (orgRelation === 'unit' || (orgRelation === 'none' && names < NameMatch.Contained)) continue;
        const claimer = claimedBy.get(event.id);
        if (claimer !== undefined && claimer !== index) {
          // Two changes of one item are two events, unless the extractor said the same thing twice.
          const other = prepared[claimer];
          if (other && sameMove(other, p)) duplicateOf = event;
          continue;
        }
        const exactOrg = event.organization.names.some((n) => orgKey(n) === orgKey(p.org.name));
        const sharedCategory = event.role.categories.some((x) => p.categories.includes(x));
        const score = names * 100 + (orgRelation === 'same' ? 50 : 0) + (sameInterim ? 20 : 0) + (exactOrg ? 10 : 0) + (sharedCategory ? 5 : 0);
        matches.push({ event, score, names });
      }

      if (duplicateOf) {
        outcomes.push({ change: c, event: repository.get(duplicateOf.id) ?? duplicateOf, kind: 'repeated', alert: 'none', absorbed: [] });
        return;
      }

      if (matches.length === 0) {
        const { event, alert } = createEvent(p, silent);
        repository.save(event);
        claimedBy.set(event.id, index);
        outcomes.push({ change: c, event, kind: 'created', alert, absorbed: [] });
        contradicted.push(...noteReversal(event, p));
        return;
      }

      matches.sort((a, b) => b.score - a.score || b.event.lastSeen.localeCompare(a.event.lastSeen));
      const best = matches[0] as Scored;
      // A full name that contains the names of several open events of the same move joins them
      // ("Richard Qiangdong Liu" after "Richard Liu" and "Liu Qiangdong"). A bare surname never does.
      // The events joined must be one post among themselves too: "chairman and CEO" matches both
      // a chair event and a CEO event without making them one.
      const joined = best.names >= NameMatch.Contained
        ? matches.filter((m) => m !== best && m.names >= NameMatch.Contained && !claimedBy.has(m.event.id) &&
          m.event.interim === best.event.interim &&
          rolesCompatible(best.event.role.categories, m.event.role.categories) &&
          relateOrganizations(
            { names: best.event.organization.names, parent: best.event.organization.parent },
            { names: m.event.organization.names, parent: m.event.organization.parent }, units) === 'same')
        : [];
      const group = [best, ...joined].map((m) => m.event)
        .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
      let survivor = group[0] as ChangeEvent;
      const absorbed: string[] = [];
      for (const other of group.slice(1)) {
        const [merged, gone] = absorbEvent(survivor, other);
        survivor = merged;
        repository.save(gone);
        absorbed.push(gone.id);
      }
      if (absorbed.length) {
        learnAliases(uniqueByKey([...p.names, ...group.flatMap((e) => e.person.names)], personNameKey));
      }

      if (survivor.sources.some((s) => s.itemId === c.source.itemId)) {
        if (absorbed.length) repository.save(survivor);
        claimedBy.set(survivor.id, index);
        outcomes.push({ change: c, event: survivor, kind: 'repeated', alert: absorbed.length && survivor.alertState === 'released' ? 'edit' : 'none', absorbed });
        return;
      }
      const { event, alert } = corroborate(survivor, p);
      repository.save(event);
      claimedBy.set(event.id, index);
      outcomes.push({ change: c, event, kind: 'corroborated', alert, absorbed });
    });

    contradicted.push(...noteDenials(item, itemAtMs));
    return { outcomes, contradicted, joined };
  };

  return { mergeItem, options };
}
