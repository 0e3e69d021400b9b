import { corroboratedConfidence } from './corroboration.js';
import { displayName, spellingKey, uniqueByKey } from './event-record.js';
import type { PostCluster } from './matcher.js';
import type { ChangeEvent, EventSource } from './model.js';
import { orgKey } from './organizations.js';
import { identityNames, personNameKey } from './person-names.js';

/** The reports of a second post taken out of an event: what stays, and the new event they make. */
export interface Split {
  kept: ChangeEvent;
  split: ChangeEvent;
}

/** The seed of a split-off event's id (the merger makes it unique). */
export function splitSeed(event: ChangeEvent, cluster: PostCluster): string {
  const first = cluster.sources[0] as EventSource;
  return [first.itemId, personNameKey(first.personName), event.direction, cluster.post.categories.join('+'),
    orgKey(first.organizationName), String(event.interim), 'split'].join('|');
}

/**
 * Splits the reports of `cluster` off `event` into an event of their own, with the alert state
 * given. The new event keeps the move, time and organisation; its names are those its reports
 * used (and the organisation names the event had taken from them).
 */
export function splitPost(event: ChangeEvent, cluster: PostCluster, id: string, alertState: ChangeEvent['alertState']): Split {
  const moving = new Set(cluster.sources);
  const staying = event.sources.filter((s) => !moving.has(s));
  const kept: ChangeEvent = {
    ...event,
    person: { ...event.person, name: displayName(staying, event.person.names) },
    sources: staying,
    confidence: corroboratedConfidence(staying),
    firstSeen: staying.map((s) => s.publishedAt ?? event.firstSeen).reduce((a, b) => (a < b ? a : b), event.lastSeen),
    revision: event.revision + 1,
  };
  const sources = cluster.sources;
  const first = sources[0] as EventSource;
  const times = sources.map((s) => s.publishedAt ?? event.lastSeen).sort();
  const split: ChangeEvent = {
    ...event,
    id,
    person: { name: displayName(sources, event.person.names), names: uniqueByKey(sources.map((s) => s.personName).concat(identityNames(event.person.names)), spellingKey) },
    role: { title: first.roleTitle, categories: cluster.post.categories },
    organization: {
      ...event.organization,
      names: uniqueByKey([event.organization.name, ...sources.map((s) => s.organizationName)
        .filter((n) => event.organization.names.some((o) => orgKey(o) === orgKey(n)))], orgKey),
    },
    firstSeen: times[0] as string,
    lastSeen: times[times.length - 1] as string,
    sources,
    confidence: corroboratedConfidence(sources),
    contradictions: [],
    mergedInto: null,
    alertState,
    revision: 1,
  };
  return { kept, split };
}
