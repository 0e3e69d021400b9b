import type { Direction } from '../core/change.js';
import type { Alert } from '../notify/alert.js';
import { alertForEvent } from '../pipeline/event-alert.js';
import type { ChangeLookup, NameKind, NameSuggestion } from '../store/change-lookup-store.js';
import type { EventStore } from '../store/event-store.js';

/**
 * What the slash commands read. One implementation reads stored changes (below); one over stored
 * events (src/store/event-store.ts) can replace it without touching the commands.
 */
export interface LookupFilter {
  days: number | null;
  company: string | null;
  person: string | null;
  role: string | null;
  direction: Direction | null;
  limit: number;
  offset: number;
}

export interface LookupResult {
  total: number;
  /** Each as the alert it was (or would have been) posted as. */
  alerts: Alert[];
}

export interface Lookup {
  recent(filter: LookupFilter): LookupResult;
  suggest(kind: NameKind, typed: string, limit?: number): NameSuggestion[];
  knows(kind: NameKind, name: string): boolean;
}

export function createChangeLookupAdapter(lookup: ChangeLookup, now: () => Date): Lookup {
  return {
    recent(f) {
      const sinceIso = f.days ? new Date(now().getTime() - f.days * 86_400_000).toISOString() : null;
      const page = lookup.find({ sinceIso, company: f.company, person: f.person, role: f.role, direction: f.direction, limit: f.limit, offset: f.offset });
      return {
        total: page.total,
        alerts: page.entries.map((e) => ({
          key: e.alertKey,
          change: e.change,
          sources: [{ title: '', url: e.change.source.url, feed: e.change.source.feed, publishedAt: e.change.source.publishedAt }],
          confidence: e.change.confidence,
          notes: [],
        })),
      };
    },
    suggest: (kind, typed, limit) => lookup.suggest(kind, typed, limit),
    knows: (kind, name) => lookup.knows(kind, name),
  };
}

/** The lookup over merged events: one entry per real change, however many outlets reported it. */
export function createEventLookupAdapter(events: Pick<EventStore, 'recentEvents' | 'suggestOrganizations' | 'suggestPeople'>, now: () => Date): Lookup {
  const opt = (v: string | null): string | undefined => v ?? undefined;
  return {
    recent(f) {
      const page = events.recentEvents({
        days: f.days ?? undefined, company: opt(f.company), person: opt(f.person), role: opt(f.role),
        direction: f.direction ?? undefined, limit: f.limit, offset: f.offset, now: now(),
      });
      return { total: page.total, alerts: page.events.map(alertForEvent) };
    },
    suggest(kind, typed, limit = 25) {
      const found = kind === 'organization' ? events.suggestOrganizations(typed, limit) : events.suggestPeople(typed, limit);
      return found.map((s) => ({ label: s.name, value: s.name }));
    },
    knows(kind, name) {
      const filter = kind === 'organization' ? { company: name } : { person: name };
      return events.recentEvents({ ...filter, limit: 1, now: now() }).total > 0;
    },
  };
}
