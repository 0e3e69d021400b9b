import type { Db } from './db.js';
import { gated } from './gated.js';
import { secFilingFromRow as toRecord, type SecFilingRow as Row } from './rows/sec-filings.js';
import type { SecFilingStore } from '../ports/sec-filings.js';

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
