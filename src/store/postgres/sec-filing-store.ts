import type { SecFilingStore } from '../../ports/sec-filings.js';
import { secFilingFromRow as toRecord, type SecFilingRow as Row } from '../rows/sec-filings.js';
import type { PgDb } from './db.js';

const COLUMNS = ['accession', 'item_id', 'cik', 'company', 'form', 'filed_at', 'items', 'index_url', 'document_url', 'status',
  'section_chars', 'prepared_chars', 'dropped_sentences', 'change_count', 'note', 'seen_at'];

/** SEC filings in Postgres: one row per accession, replaced on a second save. */
export function createPgSecFilingStore(db: PgDb): SecFilingStore {
  const first = async (sql: string, id: string) => {
    const [row] = await db.query<Row>(sql, [id]);
    return row && toRecord(row);
  };
  const upsert = `INSERT INTO sec_filings (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
    ON CONFLICT (accession) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`;
  return {
    get: (accession) => first('SELECT * FROM sec_filings WHERE accession = $1', accession),
    byItem: (itemId) => first('SELECT * FROM sec_filings WHERE item_id = $1 LIMIT 1', itemId),
    async save(r) {
      await db.execute(upsert, [r.accession, r.itemId, r.cik, r.company, r.form, r.filedAt, r.items.join(','), r.indexUrl, r.documentUrl,
        r.status, r.sectionChars, r.preparedChars, r.droppedSentences, r.changeCount, r.note, r.seenAt]);
    },
    count: async () => (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM sec_filings'))[0]?.n ?? 0,
  };
}
