import type { Direction } from '../change.js';
import type { ChangeEvent } from './model.js';
import { nameTokens, personNameKey } from './person-names.js';

export interface CandidateQuery {
  /** Name tokens (see `nameTokens`); an event qualifies if it is indexed under any. */
  tokens: readonly string[];
  /** Only events of this direction; both when absent. */
  direction?: Direction;
  /** Only events whose horizon (see `eventHorizon`) is at or after this ISO time. */
  since: string;
}

/** What the merger needs to remember between items (aliases and units it has learned too). */
export interface Knowledge {
  aliasGroups: string[][];
  units: Array<[string, string]>;
}

/**
 * Where events live. The merger reads candidates through the index and writes whole events;
 * the in-memory repository here and the SQLite one in src/store/event-store.ts implement it.
 */
export interface EventRepository {
  /** Events returned are snapshots the caller must not mutate: change a copy and `save` it. */
  findCandidates(query: CandidateQuery): Promise<ChangeEvent[]>;
  get(id: string): Promise<ChangeEvent | null>;
  /**
   * Inserts or replaces the event and re-indexes it; an event with `mergedInto` leaves the index.
   * The caller hands the object over and must not change it afterwards.
   */
  save(event: ChangeEvent): Promise<void>;
  loadKnowledge(): Promise<Knowledge>;
  saveAliasGroup(names: readonly string[]): Promise<void>;
  saveUnit(unitKey: string, parentKey: string): Promise<void>;
}

/**
 * The index keys of an event: every identifying word of every name it was reported under,
 * folded for accents and transliteration (`nameTokens`), so that "Sergei" finds "Sergey".
 */
export function eventTokens(event: Pick<ChangeEvent, 'person'>): string[] {
  return [...new Set([event.person.name, ...event.person.names].flatMap(nameTokens))];
}

/** The last moment the event is known to be live: its latest report, or its effective day if later. */
export function eventHorizon(event: Pick<ChangeEvent, 'lastSeen' | 'effectiveDate'>): string {
  const eff = event.effectiveDate ? `${event.effectiveDate}T23:59:59.999Z` : '';
  return eff > event.lastSeen ? eff : event.lastSeen;
}

// "2024-12" → "2025-01".
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m >= 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** A repository in memory: for tests, the CLI and the benchmark. */
export function createMemoryEventRepository(): EventRepository & { all(): ChangeEvent[] } {
  const events = new Map<string, ChangeEvent>();
  // token -> direction -> month of horizon ("2024-05") -> ids: a lookup visits only the months
  // that can still be open, however many years of events the token has.
  const index = new Map<string, Map<string, Set<string>>>();
  const placed = new Map<string, { keys: string[]; month: string }>();
  let knowledge: Knowledge = { aliasGroups: [], units: [] };
  let latestMonth = '';

  const unindex = (id: string): void => {
    const at = placed.get(id);
    if (!at) return;
    for (const k of at.keys) index.get(k)?.get(at.month)?.delete(id);
    placed.delete(id);
  };

  return {
    async findCandidates({ tokens, direction, since }) {
      const sinceMonth = since.slice(0, 7);
      const out: ChangeEvent[] = [];
      const seen = new Set<string>();
      const directions = direction ? [direction] : ['in', 'out'];
      // The months that can still be open: from the window's start to the latest horizon stored.
      const open: string[] = [];
      for (let m = sinceMonth; m <= latestMonth && open.length < 1200; m = nextMonth(m)) open.push(m);
      for (const t of tokens) {
        for (const d of directions) {
          const months = index.get(`${t}\u0000${d}`);
          if (!months) continue;
          for (const month of open) {
            const ids = months.get(month);
            if (!ids) continue;
            for (const id of ids) {
              if (seen.has(id)) continue;
              seen.add(id);
              const e = events.get(id);
              if (e && eventHorizon(e) >= since) out.push(e);
            }
          }
        }
      }
      return out;
    },
    get: async (id) => events.get(id) ?? null,
    async save(event) {
      unindex(event.id);
      // The merger never changes an event it saved (it saves new objects): no copy needed.
      events.set(event.id, event);
      if (event.mergedInto) return;
      const month = eventHorizon(event).slice(0, 7);
      if (month > latestMonth) latestMonth = month;
      const keys = eventTokens(event).map((t) => `${t}\u0000${event.direction}`);
      placed.set(event.id, { keys, month });
      for (const k of keys) {
        let months = index.get(k);
        if (!months) index.set(k, (months = new Map()));
        let ids = months.get(month);
        if (!ids) months.set(month, (ids = new Set()));
        ids.add(event.id);
      }
    },
    loadKnowledge: async () => structuredClone(knowledge),
    async saveAliasGroup(names) {
      // A group replaces any group it overlaps, as the alias book merged them.
      const keys = new Set(names.map(personNameKey));
      knowledge = {
        ...knowledge,
        aliasGroups: [
          ...knowledge.aliasGroups.filter((g) => !g.some((n) => keys.has(personNameKey(n)))),
          [...names],
        ],
      };
    },
    async saveUnit(unitKey, parentKey) {
      knowledge.units.push([unitKey, parentKey]);
    },
    all: () => [...events.values()].map((e) => structuredClone(e)),
  };
}
