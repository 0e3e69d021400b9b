import type { Direction } from '../core/change.js';
import type { Alert } from '../notify/alert.js';
import { alertForEvent } from '../pipeline/event-alert.js';
import type { EventStore } from '../ports/events.js';

/** What the slash commands read: merged events (src/store/event-store.ts), as the pipeline stores them. */
export interface LookupFilter {
  days: number | null;
  company: string | null;
  person: string | null;
  role: string | null;
  direction: Direction | null;
  limit: number;
  offset: number;
}

export type NameKind = 'organization' | 'person';

export interface NameSuggestion {
  /** What the user sees. */
  label: string;
  /** What the option receives: the stored name. */
  value: string;
}

export interface LookupResult {
  total: number;
  /** Each as the alert it was (or would have been) posted as. */
  alerts: Alert[];
}

export interface Lookup {
  recent(filter: LookupFilter): Promise<LookupResult>;
  suggest(kind: NameKind, typed: string, limit?: number): Promise<NameSuggestion[]>;
  knows(kind: NameKind, name: string): Promise<boolean>;
}

/** The lookup over merged events: one entry per real change, however many outlets reported it. */
export function createEventLookupAdapter(events: Pick<EventStore, 'recentEvents' | 'suggestOrganizations' | 'suggestPeople'>, now: () => Date): Lookup {
  const opt = (v: string | null): string | undefined => v ?? undefined;
  return {
    async recent(f) {
      const page = await events.recentEvents({
        days: f.days ?? undefined, company: opt(f.company), person: opt(f.person), role: opt(f.role),
        direction: f.direction ?? undefined, limit: f.limit, offset: f.offset, now: now(),
      });
      return { total: page.total, alerts: page.events.map(alertForEvent) };
    },
    async suggest(kind, typed, limit = 25) {
      const found = await (kind === 'organization' ? events.suggestOrganizations(typed, limit) : events.suggestPeople(typed, limit));
      return found.map((s) => ({ label: s.name, value: s.name }));
    },
    async knows(kind, name) {
      const filter = kind === 'organization' ? { company: name } : { person: name };
      return (await events.recentEvents({ ...filter, limit: 1, now: now() })).total > 0;
    },
  };
}

/** The names no stored change mentions, in the order given (one lookup at a time: the store serves one). */
export async function unknownNames(lookup: Pick<Lookup, 'knows'>, kind: NameKind, names: readonly string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const name of names) if (!(await lookup.knows(kind, name))) unknown.push(name);
  return unknown;
}
