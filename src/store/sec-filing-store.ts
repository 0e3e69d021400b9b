import type { Db } from './db.js';
import { gated } from './gated.js';
import type { SecFilingStatus, SecFilingRecord, SecFilingStore } from '../ports/sec-filings.js';

interface Row {
  accession: string; item_id: string | null; cik: string | null; company: string | null; form: string; filed_at: string | null;
  items: string; index_url: string | null; document_url: string | null; status: string; section_chars: number | null;
  prepared_chars: number | null; dropped_sentences: number | null; change_count: number; note: string | null; seen_at: string;
}

const toRecord = (r: Row): SecFilingRecord => ({
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

export function createSecFilingStore(db: Db): SecFilingStore {
  const byAccession = db.prepare<[string], Row>('SELECT * FROM sec_filings WHERE accession = ?');
  const byItem = db.prepare<[string], Row>('SELECT * FROM sec_filings WHERE item_id = ?');
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO sec_filings (accession, item_id, cik, company, form, filed_at, items, index_url, document_url, status,
       section_chars, prepared_chars, dropped_sentences, change_count, note, seen_at)
     VALUES (@accession, @itemId, @cik, @company, @form, @filedAt, @items, @indexUrl, @documentUrl, @status,
       @sectionChars, @preparedChars, @droppedSentences, @changeCount, @note, @seenAt)`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sec_filings');
  return gated<SecFilingStore>(db, {
    get: (accession) => {
      const r = byAccession.get(accession);
      return r && toRecord(r);
    },
    byItem: (itemId) => {
      const r = byItem.get(itemId);
      return r && toRecord(r);
    },
    save: (record) => void upsert.run({ ...record, items: record.items.join(',') }),
    count: () => count.get()?.n ?? 0,
  });
}
