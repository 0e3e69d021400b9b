import type { Migration } from './types.js';

// SEC filings read by the EDGAR source (src/sec): one row per accession, whether it reported
// Item 5.02 or not, so a filing is fetched once and /why can explain it.
export const migration: Migration = {
  version: 8,
  name: 'sec-filings',
  up: `
    CREATE TABLE sec_filings (
      accession TEXT PRIMARY KEY,
      item_id TEXT,                               -- items.id when the filing went through the pipeline
      cik TEXT,
      company TEXT,
      form TEXT NOT NULL,
      filed_at TEXT,
      items TEXT NOT NULL DEFAULT '',             -- '5.02,9.01'
      index_url TEXT,
      document_url TEXT,
      status TEXT NOT NULL,                       -- 'baseline' | 'read' | 'no-502' | 'failed'
      section_chars INTEGER,
      prepared_chars INTEGER,
      dropped_sentences INTEGER,
      change_count INTEGER NOT NULL DEFAULT 0,
      note TEXT,
      seen_at TEXT NOT NULL
    );
    CREATE INDEX sec_filings_item ON sec_filings(item_id);
    CREATE INDEX sec_filings_document ON sec_filings(document_url);
  `,
};
