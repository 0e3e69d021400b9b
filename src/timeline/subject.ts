import type { ChangeRecord } from './change-record.js';
import { nameWords } from './nearest.js';
import type { RecordNameKind } from './records-query.js';

/**
 * The title of a timeline: the stored spelling of the name when a record carries it exactly
 * (folded: "societe generale" → "Société Générale"), else the name as asked for (it matched
 * several names, such as an organisation and its units).
 */
export function timelineSubject(records: readonly ChangeRecord[], kind: RecordNameKind, asked: string): string {
  const want = nameWords(asked).join(' ');
  const counts = new Map<string, number>();
  for (const r of records) {
    const name = kind === 'organization' ? r.organization : r.person;
    if (nameWords(name).join(' ') === want) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? asked.trim();
}
