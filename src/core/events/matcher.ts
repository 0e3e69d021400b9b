import type { ChangeEvent, EventSource } from './model.js';
import { orgKey, orgWords, relateOrganizations, type OrgRelation, type UnitBook } from './organizations.js';
import { bestNameMatch, fullestName, identityNames, NameMatch, personWords, significantWords } from './person-names.js';
import { foldLatin } from './fold.js';
import { unknownOrganization, type Report } from './report.js';
import { describePost, relatePosts, type Post, type PostRelation } from './roles.js';

// Whether a report is about a stored event. What identifies a change is the person, the
// organisation (a unit is not its parent), the direction and the time; the role is evidence:
// it picks between events of one person and breaks ties, and a title that reads differently
// ("chairman" for a new CEO) still joins when nothing else fits.

/** Reports of an event that name one post, in whatever words. */
export interface PostCluster {
  post: Post;
  sources: EventSource[];
  /** Distinct items and outlets that reported this post. */
  items: Set<string>;
  outlets: Set<string>;
  /** Some item reported this post beside another of the event's posts, as two changes. */
  separately: boolean;
}

/** Whether the post is in a unit of a larger organisation (the event or the report says so). */
export function inUnit(event: ChangeEvent, units: UnitBook, report?: Report): boolean {
  return Boolean(event.organization.parent || report?.org.parent) ||
    [...event.organization.names, ...(report ? [report.org.name] : [])].some((n) => units.parentsOf(orgKey(n)).length > 0);
}

/**
 * The posts an event's reports name, grouped (one post in other words is one group): first the
 * event's post (the group of its title, which the merger keeps on the post most items name),
 * then the other readings, most items first.
 */
export function postClusters(event: ChangeEvent, unit: boolean): PostCluster[] {
  const orgNames = [...event.organization.names, ...(event.organization.parent ? [event.organization.parent] : [])];
  const clusters: PostCluster[] = [];
  for (const s of event.sources) {
    const post = describePost(s.roleTitle, [s.organizationName, ...orgNames]);
    let cluster = clusters.find((c) => isOnePost(relatePosts(c.post, post, unit)));
    if (!cluster) {
      cluster = { post, sources: [], items: new Set(), outlets: new Set(), separately: false };
      clusters.push(cluster);
    }
    cluster.sources.push(s);
    cluster.items.add(s.itemId);
    cluster.outlets.add(s.outlet);
    if (s.separately) cluster.separately = true;
  }
  if (clusters.length === 0) clusters.push({ post: describePost(event.role.title, orgNames), sources: [], items: new Set(), outlets: new Set(), separately: false });
  const current = Math.max(0, clusters.findIndex((c) => c.sources.some((s) => s.roleTitle === event.role.title)));
  const others = clusters.filter((_, i) => i !== current).sort((a, b) => b.items.size - a.items.size);
  return [clusters[current] as PostCluster, ...others];
}

export const isOnePost = (r: PostRelation): boolean => r === 'same' || r === 'close';

/** How the report's organisation relates to the event's; unknown: one side names none. */
export type Place = OrgRelation | 'unknown';

export interface Assessment {
  event: ChangeEvent;
  names: NameMatch;
  org: Place;
  /** The report's post against the event's post. */
  post: PostRelation;
  /** The report's post is one of the event's other readings (not its main post). */
  onVariant: boolean;
  eligible: boolean;
  score: number;
  /** The event's person, for telling apart two people a surname fits. */
  personKey: string;
}

export interface AssessContext {
  units: UnitBook;
  windowMs: number;
  /** The item's text, folded (see `foldedWords`): whether it mentions an organisation. */
  itemText: () => string;
  /** Names the person is known by (aliases), for the event side. */
  aliasesOf: (name: string) => string[];
}

/** Folded words of a text, space-delimited on both ends, for phrase lookups. */
export const foldedWords = (text: string): string =>
  ` ${foldLatin(text).replace(/['\u2019`]/g, '').split(/[^a-z0-9]+/).filter(Boolean).join(' ')} `;

// A name written in a text: its words in a row, or a one-word name as the start of a word ("NBCU" in "NBCUniversal").
function named(text: string, name: string): boolean {
  const words = orgWords(name);
  if (words.length === 0) return false;
  if (text.includes(` ${words.join(' ')} `)) return true;
  return words.length === 1 && (words[0] as string).length >= 3 && text.includes(` ${words[0] as string}`);
}

// The item names the event's organisation ("Facebook parent Meta"), or the event's reports name
// the report's: an outlet gave the person's company under another name, or an extractor took a
// section title or a neighbour for it.
function organizationsMet(event: ChangeEvent, report: Report, itemText: () => string): boolean {
  if (event.organization.names.some((n) => named(itemText(), n))) return true;
  const reported = foldedWords(event.sources.map((s) => `${s.title ?? ''} ${s.evidence}`).join(' '));
  return named(reported, report.org.name);
}

export function assess(report: Report, event: ChangeEvent, ctx: AssessContext): Assessment {
  const identity = identityNames([...event.person.names.flatMap(ctx.aliasesOf), event.person.name]);
  const names = bestNameMatch(report.expanded, identity);
  // Most candidates share a given name or a surname with the report and nothing else.
  if (names === NameMatch.None) return { event, names, org: 'none', post: 'separate', onVariant: false, personKey: '', eligible: false, score: 0 };
  const org: Place = report.orgUnknown || unknownOrganization(event.organization.name, identity) ? 'unknown' : relateOrganizations(
    { names: event.organization.names, parent: event.organization.parent },
    { names: [report.org.name], parent: report.org.parent }, ctx.units);
  const unit = inUnit(event, ctx.units, report);
  const clusters = postClusters(event, unit);
  const main = clusters[0] as PostCluster;
  const post = relatePosts(main.post, report.post, unit);
  const onVariant = !isOnePost(post) && clusters.slice(1).some((c) => isOnePost(relatePosts(c.post, report.post, unit)));
  const result = { event, names, org, post, onVariant, personKey: '', eligible: false, score: 0 };

  if (org === 'unit') return result;
  if (post === 'separate' && !onVariant) return result;
  // An interim appointment and the permanent one are two events. Leaving happens once, though:
  // "out as co-CEO" and "out as interim co-CEO" of one full name are one departure an outlet
  // described without the "interim".
  const sameInterim = event.interim === report.interim;
  if (!sameInterim && (report.change.direction === 'in' || names < NameMatch.Contained)) return result;
  if (names === NameMatch.Surname && org !== 'same' && org !== 'sibling') return result;
  // Another organisation is taken for a misreading ("Tech this week: Sandberg leaves", "Facebook"
  // for Meta) only with the full name, the same post, and the event's organisation in the item.
  if (org === 'none' && (names < NameMatch.Contained || !isOnePost(post) || !organizationsMet(event, report, ctx.itemText))) return result;
  if (org === 'unknown' && (names < NameMatch.Contained || !isOnePost(post))) return result;
  if (org === 'sibling' && !isOnePost(post)) return result;
  // A title that reads differently joins only an event still being reported, not one kept open
  // by a far effective date (a later promotion is news of its own).
  const weak = !isOnePost(post) && !onVariant;
  if (weak && Math.abs(report.atMs - Date.parse(event.lastSeen)) > ctx.windowMs) return result;

  const exactOrg = event.organization.names.some((n) => orgKey(n) === orgKey(report.org.name));
  const postScore = post === 'same' ? 40 : post === 'close' ? 30 : onVariant ? 20 : 0;
  const orgScore = org === 'same' ? 50 : org === 'sibling' ? 20 : org === 'unknown' ? 10 : 0;
  const personKey = significantWords(personWords(fullestName(identity))).sort().join(' ') || event.id;
  return { ...result, personKey, eligible: true, score: names * 100 + orgScore + postScore + (sameInterim ? 10 : 0) + (exactOrg ? 5 : 0) };
}

/**
 * Keeps the candidates a report can join. A surname fits anyone of that name: it joins only the
 * one person it can be (two Zhangs at one bank, a Jane and a John Smith: the post decides, else
 * neither).
 */
export function admissible(report: Report, candidates: readonly Assessment[]): Assessment[] {
  // The person has an event at the reported organisation (eligible or not: an interim post, a
  // board seat): the organisation is real, not a misreading to overlook for another event.
  const atReported = candidates.some((a) => a.names >= NameMatch.Contained && a.org === 'same');
  const eligible = candidates.filter((a) => a.eligible && !(atReported && (a.org === 'none' || a.org === 'sibling')));
  const bySurname = eligible.filter((a) => a.names === NameMatch.Surname);
  if (bySurname.length === 0) return eligible;
  const full = eligible.filter((a) => a.names > NameMatch.Surname);
  const ambiguousInItem = (report.short?.fits.length ?? 0) >= 2;
  let kept = bySurname;
  const people = (xs: readonly Assessment[]) => new Set(xs.map((a) => a.personKey)).size;
  if (people(kept) > 1 || ambiguousInItem) kept = kept.filter((a) => isOnePost(a.post));
  if (people(kept) > 1) kept = [];
  return [...full, ...kept];
}
