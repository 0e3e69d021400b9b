import { corroboratedConfidence } from './corroboration.js';
import type { ChangeEvent, EventSource } from './model.js';
import { orgKey } from './organizations.js';
import { foldLatin } from './fold.js';
import { fullestName, identityNames, personNameKey } from './person-names.js';

// Building blocks of event records, shared by the merger's steps.

// FNV-1a, for ids that are the same when the same report is merged again after a restart.
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

// The name most reports use ("Lip-Bu Tan" over a one-off "Malaysian-born Tan Lip-Bu"); on a
// tie the fullest, then the earliest.
export function displayName(sources: readonly EventSource[], names: readonly string[] = []): string {
  const counts = new Map<string, { name: string; n: number; first: number }>();
  // A surname alone ("Mr Garman") is shown only when no report gave the full name.
  const full = new Set(identityNames(sources.map((s) => s.personName)));
  sources.forEach((s, i) => {
    if (!full.has(s.personName)) return;
    const k = personNameKey(s.personName);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { name: s.personName, n: 1, first: i });
  });
  // Reports that used a surname alone and were resolved to the item's full name: that name.
  if (counts.size === 0) return fullestName(identityNames([...names, ...sources.map((s) => s.personName)]));
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first);
  const top = ranked.filter((r) => r.n === ranked[0]?.n).map((r) => r.name);
  return fullestName(top);
}

// Names are kept per spelling ("Jen Oneal" and "Jennifer Oneal" both), so that lookups find
// either; matching folds them anyway.
export const spellingKey = (name: string): string =>
  foldLatin(name).replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ').trim();

export const uniqueByKey = (names: readonly string[], key: (n: string) => string): string[] => {
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

/** The later of two ISO dates, either possibly missing. */
export const laterDate = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

/** Two events found to be one (a later item linked their names): the first survives, the other points to it. */
export function absorbEvent(survivor: ChangeEvent, other: ChangeEvent): [ChangeEvent, ChangeEvent] {
  const have = new Set(survivor.sources.map((s) => s.itemId + '\u0000' + s.personName));
  const sources = [...survivor.sources, ...other.sources.filter((s) => !have.has(s.itemId + '\u0000' + s.personName))]
    .sort((a, b) => String(a.publishedAt).localeCompare(String(b.publishedAt)));
  const states = [survivor.alertState, other.alertState];
  const merged: ChangeEvent = {
    ...survivor,
    person: {
      name: displayName(sources, [...survivor.person.names, ...other.person.names]),
      names: uniqueByKey([...survivor.person.names, ...other.person.names], spellingKey),
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
}
