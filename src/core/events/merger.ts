import type { LeadershipChange, NewsItem, RoleCategory } from '../change.js';
import { createAliasBook, type AliasBook } from './alias-book.js';
import { corroboratedConfidence, outletOf } from './corroboration.js';
import { findDenialSentences } from './denials.js';
import { findEffectiveDate } from './effective-date.js';
import { DEFAULT_EVENT_OPTIONS, type ChangeEvent, type EventOptions, type EventSource } from './model.js';
import { createUnitBook, orgKey, relateOrganizations, type UnitBook } from './organizations.js';
import { bestNameMatch, fullestName, NameMatch, personNameKey, personWords, significantWords } from './person-names.js';
import type { EventRepository } from './repository.js';
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
  /** Stored events this item denies or reverses (each now carries a contradiction note). */
  contradicted: ChangeEvent[];
}

export interface MergeItemOptions {
  /** Record without alerting (a feed's first poll): new events are `suppressed`. */
  silent?: boolean;
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

// FNV-1a, for ids that are the same when the same report is merged again after a restart.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

const uniqueByKey = (names: readonly string[], key: (n: string) => string): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = key(n);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
};

interface Prepared {
  change: LeadershipChange;
  at: string;
  atMs: number;
  names: string[];
  expanded: string[];
  categories: RoleCategory[];
  effectiveDate: string | null;
}

export function createEventMerger(deps: EventMergerDeps): EventMerger {
  const options: EventOptions = { ...DEFAULT_EVENT_OPTIONS, ...deps.options };
  const { repository } = deps;
  const now = deps.now ?? (() => new Date());
  const windowMs = options.windowDays * DAY_MS;
  const knowledge = repository.loadKnowledge();
  const aliases: AliasBook = createAliasBook(knowledge.aliasGroups);
  const units: UnitBook = createUnitBook(knowledge.units);

  const learnAliases = (names: readonly string[]): void => {
    const group = aliases.link(names);
    if (group) repository.saveAliasGroup(group);
  };

  const prepare = (change: LeadershipChange): Prepared => {
    const parsed = change.source.publishedAt ? Date.parse(change.source.publishedAt) : Number.NaN;
    const atMs = Number.isNaN(parsed) ? now().getTime() : parsed;
    const at = new Date(atMs).toISOString();
    const names = uniqueByKey([change.person.name, ...change.person.aliases], personNameKey);
    const expanded = uniqueByKey(names.flatMap((n) => aliases.namesOf(n)), personNameKey);
    const effectiveDate = change.effectiveDate ?? findEffectiveDate(change.evidence, at);
    return { change, at, atMs, names, expanded, categories: mergeCategories(change.role.title), effectiveDate };
  };

  const sameOrganization = (event: ChangeEvent, p: Prepared): boolean =>
    relateOrganizations(
      { names: event.organization.names, parent: event.organization.parent },
      { names: [p.change.organization.name], parent: p.change.organization.parent },
      units,
    ) === 'same';

  const sameMove = (a: Prepared, b: Prepared): boolean =>
    a.change.direction === b.change.direction &&
    a.change.interim === b.change.interim &&
    rolesCompatible(a.categories, b.categories) &&
    bestNameMatch(a.expanded, b.expanded) >= NameMatch.Contained &&
    relateOrganizations(
      { names: [a.change.organization.name], parent: a.change.organization.parent },
      { names: [b.change.organization.name], parent: b.change.organization.parent },
      units,
    ) === 'same';

  const sourceOf = (p: Prepared): EventSource => ({
    itemId: p.change.source.itemId,
    url: p.change.source.url,
    feed: p.change.source.feed,
    outlet: outletOf(p.change.source),
    publishedAt: p.change.source.publishedAt ?? p.at,
    evidence: p.change.evidence,
    confidence: p.change.confidence,
    personName: p.change.person.name,
    roleTitle: p.change.role.title,
    organizationName: p.change.organization.name,
  });

  const newId = (p: Prepared): string => {
    const c = p.change;
    const seed = [c.source.itemId, personNameKey(c.person.name), c.direction, p.categories.join('+'),
      orgKey(c.organization.name), String(c.interim)].join('|');
    let id = `ev-${hash(seed)}`;
    for (let n = 2; repository.get(id); n++) id = `ev-${hash(seed)}-${n}`;
    return id;
  };

  const laterDate = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

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
      organization: { name: c.organization.name, parent: c.organization.parent, names: [c.organization.name] },
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
    const names = uniqueByKey([...event.person.names, ...p.names], personNameKey);
    const orgNames = uniqueByKey([...event.organization.names, c.organization.name], orgKey);
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
      person: { name: fullestName([event.person.name, ...p.names]), names },
      organization: {
        name: event.organization.name,
        parent: event.organization.parent ?? c.organization.parent,
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

  // Two events found to be one (a later item linked their names): the earlier one survives.
  const absorb = (survivor: ChangeEvent, other: ChangeEvent): [ChangeEvent, ChangeEvent] => {
    const have = new Set(survivor.sources.map((s) => s.itemId + '\u0000' + s.personName));
    const sources = [...survivor.sources, ...other.sources.filter((s) => !have.has(s.itemId + '\u0000' + s.personName))]
      .sort((a, b) => String(a.publishedAt).localeCompare(String(b.publishedAt)));
    const states = [survivor.alertState, other.alertState];
    const merged: ChangeEvent = {
      ...survivor,
      person: {
        name: fullestName([survivor.person.name, other.person.name]),
        names: uniqueByKey([...survivor.person.names, ...other.person.names], personNameKey),
      },
      organization: {
        ...survivor.organization,
        parent: survivor.organization.parent ?? other.organization.parent,
        names: uniqueByKey([...survivor.organization.names, ...other.organization.names], orgKey),
      },
      effectiveDate: laterDate(survivor.effectiveDate, other.effectiveDate),
      reason: survivor.reason ?? other.reason,
      counterpart: survivor.counterpart ?? other.counterpart,
      destination: survivor.destination ?? other.destination,
      firstSeen: survivor.firstSeen < other.firstSeen ? survivor.firstSeen : other.firstSeen,
      lastSeen: survivor.lastSeen > other.lastSeen ? survivor.lastSeen : other.lastSeen,
      sources,
      confidence: corroboratedConfidence(sources),
      contradictions: [...survivor.contradictions, ...other.contradictions],
      alertState: states.includes('released') ? 'released' : states.includes('held') ? 'held' : 'suppressed',
      revision: survivor.revision + 1,
    };
    return [merged, { ...other, mergedInto: survivor.id, revision: other.revision + 1 }];
  };

  const noteReversal = (event: ChangeEvent, p: Prepared): ChangeEvent[] => {
    const opposite = p.change.direction === 'in' ? 'out' : 'in';
    const since = new Date(p.atMs - windowMs).toISOString();
    const tokens = significantWords(p.expanded.flatMap(personWords));
    const noted: ChangeEvent[] = [];
    for (const other of repository.findCandidates({ tokens, direction: opposite, since })) {
      if (other.mergedInto || other.interim !== p.change.interim) continue;
      if (!rolesCompatible(other.role.categories, p.categories) || !sameOrganization(other, p)) continue;
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

  const mergeItem: EventMerger['mergeItem'] = (item, changes, opts = {}) => {
    const silent = opts.silent ?? false;
    const prepared = changes.map(prepare);
    // Learn first: an item that gives two names for one person, or a unit's parent, says so for
    // all of its changes.
    for (const p of prepared) {
      if (p.names.length > 1) learnAliases(p.names);
      const parent = p.change.organization.parent;
      if (parent) {
        const u = orgKey(p.change.organization.name);
        const par = orgKey(parent);
        if (units.learn(u, par)) repository.saveUnit(u, par);
      }
    }
    for (const p of prepared) {
      p.expanded = uniqueByKey(p.names.flatMap((n) => aliases.namesOf(n)), personNameKey);
    }

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
        if (event.mergedInto || event.interim !== c.interim) continue;
        if (Date.parse(event.firstSeen) > firstAllowed) continue;
        if (!rolesCompatible(event.role.categories, p.categories)) continue;
        const names = bestNameMatch(p.expanded, event.person.names);
        if (names === NameMatch.None || !sameOrganization(event, p)) continue;
        const claimer = claimedBy.get(event.id);
        if (claimer !== undefined && claimer !== index) {
          // Two changes of one item are two events, unless the extractor said the same thing twice.
          const other = prepared[claimer];
          if (other && sameMove(other, p)) duplicateOf = event;
          continue;
        }
        const exactOrg = event.organization.names.some((n) => orgKey(n) === orgKey(c.organization.name));
        const sharedCategory = event.role.categories.some((x) => p.categories.includes(x));
        const score = names * 100 + (exactOrg ? 10 : 0) + (sharedCategory ? 5 : 0);
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
      const joined = best.names >= NameMatch.Contained
        ? matches.filter((m) => m !== best && m.names >= NameMatch.Contained && !claimedBy.has(m.event.id))
        : [];
      const group = [best, ...joined].map((m) => m.event)
        .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
      let survivor = group[0] as ChangeEvent;
      const absorbed: string[] = [];
      for (const other of group.slice(1)) {
        const [merged, gone] = absorb(survivor, other);
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

    const atMs = prepared[0]?.atMs ?? (item.publishedAt ? Date.parse(item.publishedAt) : now().getTime());
    contradicted.push(...noteDenials(item, Number.isNaN(atMs) ? now().getTime() : atMs));
    return { outcomes, contradicted };
  };

  return { mergeItem, options };
}
