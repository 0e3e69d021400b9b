import type { SecFilingRecord, SecFilingStatus } from '../../ports/sec-filings.js';

/** A sec_filings row, the same on both backends (items as '5.02,9.01'). */
export interface SecFilingRow {
  accession: string; item_id: string | null; cik: string | null; company: string | null; form: string; filed_at: string | null;
  items: string; index_url: string | null; document_url: string | null; status: string; section_chars: number | null;
  prepared_chars: number | null; dropped_sentences: number | null; change_count: number; note: string | null; seen_at: string;
  [column: string]: unknown;
}

export const secFilingFromRow = (r: SecFilingRow): SecFilingRecord => ({
  accession: r.accession,
  itemId: r.item_id,
  cik: r.cik,
  company: r.company,
  form: r.form,
  filedAt: r.filed_at,
  items: r.items ? r.items.split(',') : [],
  indexUrl: r.index_url,
  documentUrl: r.document_url,
  status: r.status as SecFilingStatus,
  sectionChars: r.section_chars,
  preparedChars: r.prepared_chars,
  droppedSentences: r.dropped_sentences,
  changeCount: r.change_count,
  note: r.note,
  seenAt: r.seen_at,
});
