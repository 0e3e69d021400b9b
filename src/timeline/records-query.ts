import type { Direction } from '../core/change.js';
import type { ChangeRecord } from './change-record.js';

// What timelines and exports read from the store: a port, so the Discord layer and the CLI
// depend on this interface and not on the SQLite files behind it (src/store/records-query-store.ts).

export type RecordNameKind = 'organization' | 'person';

export interface RecordsFilter {
  /** First reported at or after this instant. */
  since?: Date | null;
  /** Every word of it among the words of an organisation name (or its parent): units count. */
  company?: string | null;
  /** The same over person names, aliases included. */
  person?: string | null;
  /** A role category ("CEO", "Board") or title, matched by category. */
  role?: string | null;
  direction?: Direction | null;
}

export interface RecordsResult {
  /** Newest first reported first. */
  records: ChangeRecord[];
  /** More changes matched than the limit: `records` are the newest of them. */
  truncated: boolean;
}

export interface RecordsQuery {
  /** The changes of an organisation, matched as `/changes company` matches it. */
  forOrganization(name: string, limit: number): Promise<RecordsResult>;
  /** The changes of a person, across organisations. */
  forPerson(name: string, limit: number): Promise<RecordsResult>;
  /** The changes a `/changes` filter (or `execwatch export`) lists. */
  matching(filter: RecordsFilter, limit: number): Promise<RecordsResult>;
  /** Stored names as the user types (autocomplete), most changes first. */
  suggest(kind: RecordNameKind, typed: string, limit?: number): Promise<string[]>;
  /** Stored names nearest to one that matched nothing (a misspelling): the "did you mean" list. */
  nearest(kind: RecordNameKind, typed: string, limit?: number): Promise<string[]>;
}
