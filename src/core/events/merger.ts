import type { LeadershipChange, NewsItem } from '../change.js';
import { createAliasBook, type AliasBook } from './alias-book.js';
import { corroboratedConfidence, outletOf } from './corroboration.js';
import { createContradictionNotes } from './contradictions.js';
import { readFromDenial } from './denials.js';
import { absorbEvent, displayName, hash, laterDate, spellingKey, uniqueByKey } from './event-record.js';
import { fullNamesIn } from './item-names.js';
import { admissible, assess, foldedWords, inUnit, isOnePost, postClusters, type AssessContext, type Assessment, type PostCluster } from './matcher.js';
import { DEFAULT_EVENT_OPTIONS, type ChangeEvent, type EventOptions, type EventSource, type FilingRef } from './model.js';
import { findNamePairs } from './name-pairs.js';
import { createUnitBook, orgKey, relateOrganizations, type UnitBook } from './organizations.js';
import {
  bestNameMatch, identityNames, NameMatch, nameTokens, personNameKey, personWords, significantWords,
} from './person-names.js';
import { prepareReport, unknownOrganization, type Report } from './report.js';
import { eventHorizon, type EventRepository } from './repository.js';
import { splitPost, splitSeed } from './post-split.js';
import { relatePosts } from './roles.js';
import { inOnePhrase, statedForItsOrganization } from './titles-in-text.js';

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
  /** One per change merged, in order. Changes read from a denial are left out (no event). */
  outcomes: MergeOutcome[];
  /**
   * Stored events this item showed to be one (it taught that two names are one person): each
   * survivor with the ids merged into it. The survivor's alert should be edited.
   */
  joined: Array<{ event: ChangeEvent; absorbed: string[] }>;
  /** Stored events this item denies or reverses (each now carries a contradiction note). */
  contradicted: ChangeEvent[];
  /**
   * Stored events that lost reports to an event split off them (reports of a second post of the
   * person, once outlets established it as a post of its own): their alert should be edited.
   */
  revised: ChangeEvent[];
}

export interface MergeItemOptions {
  /** Record without alerting (a feed's first poll): new events are `suppressed`. */
  silent?: boolean;
  /** The item is a regulatory filing (an SEC 8-K): its reports carry this reference. */
  filing?: FilingRef;
}

export interface EventMerger {
  /** Merges the changes one item reports, in order, and notes any denial the item makes. */
  mergeItem(item: Pick<NewsItem, 'id'> & Partial<NewsItem>, changes: readonly LeadershipChange[], opts?: MergeItemOptions): Promise<ItemMergeResult>;
  readonly options: EventOptions;
}

export interface EventMergerDeps {
  repository: EventRepository;
  options?: Partial<EventOptions>;
  /** Time for reports without a publication time. */
  now?: () => Date;
}

const DAY_MS = 86_400_000;

type Item = Pick<NewsItem, 'id'> & Partial<NewsItem>;

/** What one report of an item does: join an event, stand beside a sibling post, or start one. */
type Decision =
  | { kind: 'join'; match: Assessment }
  | { kind: 'beside'; match: Assessment }
  | { kind: 'create' };

const itemText = (item: Item): string => [item.title, item.summary, item.content].filter(Boolean).join('\n');

export function createEventMerger(deps: EventMergerDeps): EventMerger {
  const options: EventOptions = { ...DEFAULT_EVENT_OPTIONS, ...deps.options };
  const { repository } = deps;
  const now = deps.now ?? (() => new Date());
  const windowMs = options.windowDays * DAY_MS;
  // What the merger learned (aliases, units) is read from the repository before the first merge
  // (the repository answers asynchronously; the books are then kept in memory and written through).
  let aliases: AliasBook = createAliasBook([]);
  let units: UnitBook = createUnitBook([]);
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> => (loading ??= repository.loadKnowledge().then(
    (knowledge) => {
      aliases = createAliasBook(knowledge.aliasGroups);
      units = createUnitBook(knowledge.units);
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  ));
  const aliasesOf = (name: string): string[] => aliases.namesOf(name);

  // What this item's merge wrote, so that it reads its own writes without a round trip to the store.
  let written = new Map<string, ChangeEvent>();
  const save = async (event: ChangeEvent): Promise<void> => {
    await repository.save(event);
    written.set(event.id, event);
  };
  const latest = (event: ChangeEvent): ChangeEvent => written.get(event.id) ?? event;

  const learnAliases = async (names: readonly string[]): Promise<string[] | null> => {
    const group = aliases.link(names);
    if (group) await repository.saveAliasGroup(group);
    return group;
  };

  const relateEvents = (a: ChangeEvent, b: ChangeEvent) => relateOrganizations(
    { names: a.organization.names, parent: a.organization.parent },
    { names: b.organization.names, parent: b.organization.parent }, units);

  // The two events stand for one post: their main readings are one post.
  const samePostEvents = (a: ChangeEvent, b: ChangeEvent): boolean => {
    const unit = inUnit(a, units) || inUnit(b, units);
    const pa = postClusters(a, unit)[0] as PostCluster;
    const pb = postClusters(b, unit)[0] as PostCluster;
    return isOnePost(relatePosts(pa.post, pb.post, unit));
  };

  // Two changes of one item that say the same thing twice (headline and body; one title split
  // in two, "executive chair and CTO").
  const sameMove = (a: Report, b: Report): boolean => {
    if (a.change.direction !== b.change.direction || a.interim !== b.interim) return false;
    const names = bestNameMatch(a.expanded, b.expanded);
    if (names === NameMatch.None || (names === NameMatch.Surname && (a.short?.fits.length ?? 0) + (b.short?.fits.length ?? 0) > 1)) return false;
    const unit = Boolean(a.org.parent || b.org.parent);
    const posts = relatePosts(a.post, b.post, unit);
    const orgs = relateOrganizations({ names: [a.org.name], parent: a.org.parent }, { names: [b.org.name], parent: b.org.parent }, units);
    // Within one item, titles that name the top post differently ("president", "CEO") are two
    // posts the item states apart; only the same post, or two titles of one phrase, are one.
    return orgs === 'same' && (posts === 'same' || inOnePhrase(a, b, units));
  };

  const sourceOf = (r: Report, separately: boolean): EventSource => ({
    itemId: r.change.source.itemId,
    title: r.title,
    url: r.change.source.url,
    feed: r.change.source.feed,
    outlet: outletOf(r.change.source),
    publishedAt: r.change.source.publishedAt ?? r.at,
    evidence: r.change.evidence,
    confidence: r.change.confidence,
    personName: r.change.person.name,
    roleTitle: r.change.role.title,
    organizationName: r.change.organization.name,
    separately,
    filing: r.filing ?? null,
  });

  const uniqueId = async (seed: string): Promise<string> => {
    let id = `ev-${hash(seed)}`;
    for (let n = 2; await repository.get(id); n++) id = `ev-${hash(seed)}-${n}`;
    return id;
  };

  const newId = (r: Report): Promise<string> => uniqueId([r.change.source.itemId, personNameKey(r.names[0] ?? r.change.person.name), r.change.direction,
    r.post.categories.join('+'), orgKey(r.org.name), String(r.interim)].join('|'));

  const releaseState = (confidence: number, silent: boolean): { state: ChangeEvent['alertState']; alert: AlertAction } => {
    if (silent) return { state: 'suppressed', alert: 'none' };
    return confidence < options.holdBelowConfidence ? { state: 'held', alert: 'hold' } : { state: 'released', alert: 'post' };
  };

  const createEvent = async (r: Report, silent: boolean, separately: boolean): Promise<{ event: ChangeEvent; alert: AlertAction }> => {
    const c = r.change;
    const sources = [sourceOf(r, separately)];
    const confidence = corroboratedConfidence(sources);
    const { state, alert } = releaseState(confidence, silent);
    const event: ChangeEvent = {
      id: await newId(r),
      person: { name: displayName(sources, r.names), names: r.names },
      direction: c.direction,
      interim: r.interim,
      role: { title: c.role.title, categories: r.post.categories },
      organization: { name: r.org.name, parent: r.org.parent, names: [r.org.name] },
      effectiveDate: r.effectiveDate,
      reason: c.reason,
      counterpart: c.counterpart,
      destination: c.destination,
      firstSeen: r.at,
      lastSeen: r.at,
      sources,
      confidence,
      contradictions: [],
      mergedInto: null,
      alertState: state,
      revision: 1,
    };
    return { event, alert };
  };

  // A new report of a known event: add the source and whatever the report makes known.
  const corroborate = (event: ChangeEvent, r: Report, separately: boolean): { event: ChangeEvent; alert: AlertAction } => {
    const c = r.change;
    const sources = [...event.sources, sourceOf(r, separately)];
    const names = uniqueByKey([...event.person.names, ...r.names], spellingKey);
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
      person: { name: displayName(sources, names), names },
      // An event first reported without an organisation takes the first one a report gives.
      organization: unknownOrganization(event.organization.name, event.person.names) && !r.orgUnknown
        ? { name: r.org.name, parent: r.org.parent, names: [r.org.name] }
        : r.orgUnknown ? event.organization : {
          name: event.organization.name,
          parent: event.organization.parent ?? r.org.parent,
          names: uniqueByKey([...event.organization.names, r.org.name], orgKey),
        },
      effectiveDate: laterDate(event.effectiveDate, r.effectiveDate),
      reason: event.reason ?? c.reason,
      counterpart: event.counterpart ?? c.counterpart,
      destination: event.destination ?? c.destination,
      firstSeen: r.at < event.firstSeen ? r.at : event.firstSeen,
      lastSeen: r.at > event.lastSeen ? r.at : event.lastSeen,
      sources,
      confidence,
      alertState,
      revision: event.revision + 1,
    };
    return { event: updated, alert };
  };

  // The person's posts elsewhere in the window: a reading of this event's post that is the
  // person's post at another organisation is the old title carried over ("Yaccarino, chairman of
  // global advertising at NBCUniversal, becomes Twitter's CEO"), not a second post here.
  const heldElsewhere = async (event: ChangeEvent, cluster: PostCluster): Promise<boolean> => {
    const names = identityNames(event.person.names);
    const since = new Date(Date.parse(event.firstSeen) - windowMs).toISOString();
    return (await repository.findCandidates({ tokens: names.flatMap(nameTokens), since })).some((other) => {
      if (other.id === event.id || other.mergedInto || relateEvents(event, other) === 'same') return false;
      if (bestNameMatch(names, identityNames(other.person.names)) < NameMatch.Contained) return false;
      const unit = inUnit(other, units);
      return postClusters(other, unit).some((c) => isOnePost(relatePosts(c.post, cluster.post, unit)));
    });
  };

  /**
   * After a report joined: the event's post is the one most items name. A second post splits off
   * as its own event once two outlets name it and one of them reported it beside the first as a
   * separate change ("hands the CEO role to Wu and the chair to Tsai"); a single reading stays a
   * reading (a new CEO once read as chairman).
   */
  const regroup = async (event: ChangeEvent, silent: boolean): Promise<{ event: ChangeEvent; split: ChangeEvent | null; alert: AlertAction }> => {
    const unit = inUnit(event, units);
    const clusters = postClusters(event, unit);
    let current = event;
    // A reading more items name than the event's post becomes its post, unless it is the
    // person's post elsewhere carried over.
    let rival: PostCluster | undefined;
    for (const c of clusters.slice(1)) {
      if (c.items.size > (clusters[0] as PostCluster).items.size && !(await heldElsewhere(event, c))) {
        rival = c;
        break;
      }
    }
    const main = rival ?? (clusters[0] as PostCluster);
    const mainTitle = main.sources[0]?.roleTitle;
    if (rival && mainTitle) current = { ...event, role: { title: mainTitle, categories: main.post.categories } };
    const second = clusters.find((c) => c !== main && c.items.size >= 2 && c.outlets.size >= 2 && c.separately);
    if (!second || (await heldElsewhere(current, second))) return { event: current, split: null, alert: 'none' };
    const confidence = corroboratedConfidence(second.sources);
    const release = releaseState(confidence, silent || current.alertState === 'suppressed');
    const { kept, split } = splitPost(current, second, await uniqueId(splitSeed(current, second)), release.state);
    return { event: kept, split, alert: release.alert };
  };

  const { noteReversal, noteDenials } = createContradictionNotes({ repository, windowMs, save, relateEvents, samePostEvents });

  // Name pairs in the text ("Jack Ma (Ma Yun)") are learned when one of the names is a person
  // this item reports or a stored event names; a pair of strangers may be anything.
  const learnFromText = async (item: Item, itemNames: readonly string[], atMs: number): Promise<string[][]> => {
    const learned: string[][] = [];
    const since = new Date(atMs - windowMs).toISOString();
    const itemKeys = new Set(itemNames.map(personNameKey));
    for (const [a, b] of findNamePairs(itemText(item))) {
      const keys = [personNameKey(a), personNameKey(b)];
      const known = keys.some((k) => itemKeys.has(k)) ||
        aliases.namesOf(a).length > 1 || aliases.namesOf(b).length > 1 ||
        (await repository.findCandidates({ tokens: [...nameTokens(a), ...nameTokens(b)], since }))
          .some((e) => !e.mergedInto && e.person.names.some((n) => keys.includes(personNameKey(n))));
      if (!known) continue;
      const group = await learnAliases([a, b]);
      if (group) learned.push(group);
    }
    return learned;
  };

  // After learning that some names are one person, stored events of that person that are the
  // same move become one event (the earliest survives, so its alert is the one edited).
  const reconcile = async (groups: readonly string[][], atMs: number): Promise<Array<{ event: ChangeEvent; absorbed: string[] }>> => {
    const joined: Array<{ event: ChangeEvent; absorbed: string[] }> = [];
    const since = new Date(atMs - windowMs).toISOString();
    for (const group of groups) {
      const events = (await repository.findCandidates({ tokens: group.flatMap(nameTokens), since }))
        .filter((e) => !e.mergedInto && bestNameMatch(group, identityNames(e.person.names)) >= NameMatch.Contained)
        .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
      const gone = new Set<string>();
      for (let i = 0; i < events.length; i++) {
        let survivor = events[i] as ChangeEvent;
        if (gone.has(survivor.id)) continue;
        const absorbed: string[] = [];
        for (const other of events.slice(i + 1)) {
          if (gone.has(other.id) || other.direction !== survivor.direction || other.interim !== survivor.interim) continue;
          if (!samePostEvents(survivor, other) || relateEvents(survivor, other) !== 'same') continue;
          const names = uniqueByKey(identityNames(survivor.person.names).flatMap(aliasesOf), personNameKey);
          if (bestNameMatch(names, identityNames(other.person.names)) < NameMatch.Contained) continue;
          if (Date.parse(other.firstSeen) - Date.parse(eventHorizon(survivor)) > windowMs) continue;
          const [merged, old] = absorbEvent(survivor, other);
          await save(old);
          survivor = merged;
          gone.add(other.id);
          absorbed.push(other.id);
        }
        if (absorbed.length) {
          await save(survivor);
          joined.push({ event: survivor, absorbed });
        }
      }
    }
    return joined;
  };

  // An event this item started for the same person, move and organisation under a title that may
  // be one post with this one (not a separate post: a board seat, another area).
  const placedSibling = (r: Report, placed: ReadonlyMap<number, ChangeEvent>, reports: readonly Report[]): ChangeEvent | null => {
    if ((r.short?.fits.length ?? 0) > 1) return null;
    for (const [j, event] of placed) {
      const o = reports[j] as Report;
      if (o.change.direction !== r.change.direction || o.interim !== r.interim || bestNameMatch(o.expanded, r.expanded) < NameMatch.Surname) continue;
      const orgs = relateOrganizations({ names: [o.org.name], parent: o.org.parent }, { names: [r.org.name], parent: r.org.parent }, units);
      if (orgs === 'same' && relatePosts(o.post, r.post, Boolean(o.org.parent)) === 'weak' && !statedForItsOrganization(r, units)) return latest(event);
    }
    return null;
  };

  // A succession reported in one item ("Musk hands the CEO job to Yaccarino"): the departure and
  // the arrival take effect together, so each event stays open until the later known date.
  const shareEffectiveDates = async (reports: readonly Report[], placed: ReadonlyMap<number, ChangeEvent>): Promise<void> => {
    for (const [i, a] of placed) {
      for (const [j, b] of placed) {
        const ra = reports[i] as Report;
        const rb = reports[j] as Report;
        if (ra.change.direction !== 'in' || rb.change.direction !== 'out' || a.id === b.id) continue;
        if (!isOnePost(relatePosts(ra.post, rb.post, Boolean(ra.org.parent || rb.org.parent)))) continue;
        if (relateOrganizations({ names: [ra.org.name], parent: ra.org.parent }, { names: [rb.org.name], parent: rb.org.parent }, units) !== 'same') continue;
        const ea = latest(a);
        const eb = latest(b);
        const date = laterDate(ea.effectiveDate, eb.effectiveDate);
        for (const e of [ea, eb]) if (date && e.effectiveDate !== date) await save({ ...e, effectiveDate: date });
      }
    }
  };

  // Which event each report of the item goes to. Reports are placed best match first across the
  // item, so that of two posts one person is reported in, each takes the event of its own post.
  const decide = async (reports: readonly Report[], primaries: readonly number[], ctx: AssessContext): Promise<{ decisions: Map<number, Decision>; found: Map<number, Assessment[]> }> => {
    const options = new Map<number, Assessment[]>();
    const assessed = new Map<number, Assessment[]>();
    for (const i of primaries) {
      const r = reports[i] as Report;
      const since = new Date(r.atMs - windowMs).toISOString();
      const latestFirst = r.atMs + windowMs;
      const found = (await repository.findCandidates({ tokens: r.expanded.flatMap(nameTokens), direction: r.change.direction, since }))
        .filter((e) => !e.mergedInto && Date.parse(e.firstSeen) <= latestFirst)
        .map((e) => assess(r, e, ctx));
      assessed.set(i, found);
      options.set(i, admissible(r, found).sort((a, b) => b.score - a.score || b.event.lastSeen.localeCompare(a.event.lastSeen)));
    }
    const decisions = new Map<number, Decision>();
    const claimedBy = new Map<string, number>();
    const fits = (a: Assessment) => isOnePost(a.post) || a.onVariant;
    const pairs = primaries.flatMap((i) => (options.get(i) ?? []).filter(fits).map((a) => ({ i, a })))
      .sort((x, y) => y.a.score - x.a.score);
    for (const { i, a } of pairs) {
      if (decisions.has(i) || claimedBy.has(a.event.id)) continue;
      decisions.set(i, { kind: 'join', match: a });
      claimedBy.set(a.event.id, i);
    }
    for (const i of primaries) {
      if (decisions.has(i)) continue;
      const all = options.get(i) ?? [];
      // Another report of this item took the event: the item names a second post of the person
      // there. A reading that may be one post stands beside it; a separate post is an event.
      const sibling = all.find((a) => claimedBy.has(a.event.id));
      const free = all.find((a) => !claimedBy.has(a.event.id));
      // A surname two people of the item share ("replaces CEO Xu with finance chief Xu") may be either.
      const ambiguous = ((reports[i] as Report).short?.fits.length ?? 0) > 1;
      if (sibling && !ambiguous && (sibling.onVariant || (sibling.post === 'weak' && !statedForItsOrganization(reports[i] as Report, units)))) {
        decisions.set(i, { kind: 'beside', match: sibling });
      } else if (!sibling && free) {
        decisions.set(i, { kind: 'join', match: free });
        claimedBy.set(free.event.id, i);
      } else decisions.set(i, { kind: 'create' });
    }
    return { decisions, found: assessed };
  };

  const mergeItem: EventMerger['mergeItem'] = async (item, changes, opts = {}) => {
    await load();
    written = new Map();
    const silent = opts.silent ?? false;
    const text = itemText(item);
    const nowMs = now().getTime();
    // A change read from a denial is no change (the denial is noted on the event below).
    const kept = changes.filter((c) => {
      const words = new Set(significantWords(personWords(c.person.name)));
      return !readFromDenial(c.evidence, (s) => personWords(s).some((w) => words.has(w)));
    });
    let fullNames: string[] | null = null;
    const itemFullNames = (): string[] => (fullNames ??= uniqueByKey([
      ...kept.flatMap((c) => [c.person.name, ...c.person.aliases]).filter((n) => significantWords(personWords(n)).length >= 2),
      ...fullNamesIn(text),
    ], personNameKey));
    const people = kept.flatMap((c) => [c.person.name, ...c.person.aliases]);
    const context = { title: item.title ?? null, fullNames: itemFullNames, people, nowMs, dayMs: DAY_MS };
    const reports = kept.map((c) => ({ ...prepareReport(c, context, aliasesOf), filing: opts.filing ?? null }));
    const published = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
    const itemAtMs = reports[0]?.atMs ?? (Number.isNaN(published) ? nowMs : published);
    // Learn first: an item that gives two names for one person, or a unit's parent, says so for
    // all of its changes.
    const learned = await learnFromText(item, reports.flatMap((r) => r.names), itemAtMs);
    for (const r of reports) {
      if (r.names.length > 1) {
        const group = await learnAliases(r.names);
        if (group) learned.push(group);
      }
      if (r.org.parent) {
        const u = orgKey(r.org.name);
        const par = orgKey(r.org.parent);
        if (units.learn(u, par)) await repository.saveUnit(u, par);
      }
    }
    for (const r of reports) r.expanded = uniqueByKey(r.names.flatMap(aliasesOf), personNameKey);
    const joined = await reconcile(learned, itemAtMs);

    // One move said twice in the item is merged once.
    const primaryOf = reports.map((r, i) => {
      const j = reports.findIndex((o, k) => k < i && sameMove(o, r));
      return j < 0 ? i : j;
    });
    const primaries = primaryOf.flatMap((p, i) => (p === i ? [i] : []));
    let folded: string | null = null;
    const ctx: AssessContext = { units, windowMs, itemText: () => (folded ??= foldedWords(text)), aliasesOf };
    const { decisions, found } = await decide(reports, primaries, ctx);

    const outcomes: MergeOutcome[] = [];
    const contradicted: ChangeEvent[] = [];
    const revised: ChangeEvent[] = [];
    const placed = new Map<number, ChangeEvent>();

    for (const [index, r] of reports.entries()) {
      const c = r.change;
      const primary = primaryOf[index] as number;
      if (primary !== index) {
        const event = latest(placed.get(primary) as ChangeEvent);
        outcomes.push({ change: c, event, kind: 'repeated', alert: 'none', absorbed: [] });
        continue;
      }
      let decision = decisions.get(index) ?? { kind: 'create' };
      if (decision.kind === 'create') {
        // The item's first report of the person here started an event a moment ago: a second
        // reading of the post stands beside it, as it would beside a stored one.
        const sibling = placedSibling(r, placed, reports);
        if (sibling) decision = { kind: 'beside', match: assess(r, sibling, ctx) };
      }
      if (decision.kind === 'create') {
        const { event, alert } = await createEvent(r, silent, false);
        await save(event);
        placed.set(index, event);
        outcomes.push({ change: c, event, kind: 'created', alert, absorbed: [] });
        contradicted.push(...(await noteReversal(event, r)));
        continue;
      }
      let target = latest(decision.match.event);
      const absorbed: string[] = [];
      // A full name that contains the names of several open events of the same move joins them
      // ("Richard Qiangdong Liu" after "Richard Liu" and "Liu Qiangdong"), and then an event of
      // the surname alone that could only be this person. A bare surname never joins events.
      if (decision.kind === 'join' && decision.match.names >= NameMatch.Contained) {
        const near = (found.get(index) ?? [])
          .filter((a) => a.event.id !== target.id && ![...placed.values()].some((p) => p.id === a.event.id))
          .filter((a) => a.eligible && isOnePost(a.post) && a.event.interim === target.interim &&
            samePostEvents(target, a.event) && relateEvents(target, a.event) === 'same');
        const full = near.filter((a) => a.names >= NameMatch.Contained);
        const bare = near.filter((a) => a.names === NameMatch.Surname && identityNames(a.event.person.names).every((n) => significantWords(personWords(n)).length < 2));
        // Another person of that surname with the same move there: the bare mention may be them.
        const since = new Date(r.atMs - windowMs).toISOString();
        const strangers = bare.length > 0 && (await repository.findCandidates({ tokens: bare.flatMap((a) => a.event.person.names.flatMap(nameTokens)), direction: c.direction, since }))
          .some((e) => !e.mergedInto && e.id !== target.id && !full.some((a) => a.event.id === e.id) &&
            identityNames(e.person.names).some((n) => significantWords(personWords(n)).length >= 2) &&
            bestNameMatch(r.expanded, identityNames(e.person.names)) === NameMatch.None && relateEvents(target, e) === 'same');
        const others = [...full, ...(strangers ? [] : bare)].map((a) => a.event);
        const group = [target, ...others].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
        let survivor = group[0] as ChangeEvent;
        for (const other of group.slice(1)) {
          const [merged, gone] = absorbEvent(survivor, other);
          survivor = merged;
          await save(gone);
          absorbed.push(gone.id);
        }
        if (absorbed.length) await learnAliases(uniqueByKey([...identityNames(r.names), ...group.flatMap((e) => identityNames(e.person.names))], personNameKey));
        target = survivor;
      }
      if (target.sources.some((s) => s.itemId === c.source.itemId && s.personName === c.person.name && s.roleTitle === c.role.title)) {
        if (absorbed.length) await save(target);
        placed.set(index, target);
        outcomes.push({ change: c, event: target, kind: 'repeated', alert: absorbed.length && target.alertState === 'released' ? 'edit' : 'none', absorbed });
        continue;
      }
      const beside = decision.kind === 'beside';
      if (beside) {
        // The sibling's report from this item is marked too: the item named two posts.
        target = { ...target, sources: target.sources.map((s) => (s.itemId === c.source.itemId ? { ...s, separately: true } : s)) };
      }
      const corroborated = corroborate(target, r, beside);
      const { event: regrouped, split, alert: splitAlert } = await regroup(corroborated.event, silent);
      await save(regrouped);
      if (split) {
        await save(split);
        const mine = split.sources.some((s) => s.itemId === c.source.itemId && s.personName === c.person.name && s.roleTitle === c.role.title);
        if (mine) {
          placed.set(index, split);
          if (regrouped.alertState === 'released') revised.push(regrouped);
          outcomes.push({ change: c, event: split, kind: 'created', alert: splitAlert, absorbed });
          continue;
        }
        revised.push(split);
      }
      placed.set(index, regrouped);
      outcomes.push({ change: c, event: regrouped, kind: 'corroborated', alert: corroborated.alert, absorbed });
    }

    await shareEffectiveDates(reports, placed);
    contradicted.push(...(await noteDenials(item, itemAtMs)));
    return { outcomes, contradicted, joined, revised };
  };

  return { mergeItem, options };
}
