import type { ChangeRecord } from '../timeline/change-record.js';
import { toCsv } from './csv.js';

// What a sales team pastes into a CRM: one row per change, the same fields in CSV and JSONL.

export const EXPORT_COLUMNS = [
  'person', 'direction', 'post', 'organization', 'interim', 'effective_date', 'first_reported', 'sources',
] as const;

export interface ExportSource {
  url: string | null;
  outlet: string | null;
  title: string | null;
}

export interface ExportRow {
  person: string;
  direction: 'in' | 'out';
  post: string;
  organization: string;
  interim: boolean;
  /** YYYY-MM-DD or null. */
  effective_date: string | null;
  /** ISO instant (UTC). */
  first_reported: string;
  sources: ExportSource[];
}

export function exportRow(r: ChangeRecord): ExportRow {
  const t = Date.parse(r.firstReported);
  return {
    person: r.person,
    direction: r.direction,
    post: r.role.title,
    organization: r.organization,
    interim: r.interim,
    effective_date: r.effectiveDate,
    first_reported: Number.isFinite(t) ? new Date(t).toISOString() : r.firstReported,
    sources: r.sources.map((s) => ({ url: s.url, outlet: s.outlet, title: s.title })),
  };
}

/**
 * CSV with the header row; `sources` is the reports' URLs separated by spaces (URLs hold no
 * spaces), `interim` is true/false, an unknown effective date is empty. `bom` starts the file
 * with a byte-order mark, which Excel needs to read UTF-8 names correctly.
 */
export function formatCsv(records: readonly ChangeRecord[], options: { bom?: boolean } = {}): string {
  const rows = records.map(exportRow).map((r) => [
    r.person, r.direction, r.post, r.organization, String(r.interim), r.effective_date ?? '', r.first_reported,
    r.sources.map((s) => s.url).filter((u): u is string => Boolean(u)).join(' '),
  ]);
  return `${options.bom ? '\uFEFF' : ''}${toCsv(EXPORT_COLUMNS, rows)}`;
}

/** One JSON object per line (LF), the same fields; line and paragraph separators escaped too. */
export function formatJsonl(records: readonly ChangeRecord[]): string {
  return records.map((r) => `${JSON.stringify(exportRow(r)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`).join('');
}
