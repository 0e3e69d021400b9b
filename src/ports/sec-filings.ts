// SEC filings the EDGAR source looked at: what /why explains for a filing.

export type SecFilingStatus = 'baseline' | 'read' | 'no-502' | 'failed';

/** One SEC filing the EDGAR source looked at, and what it found. */
export interface SecFilingRecord {
  accession: string;
  itemId: string | null;
  cik: string | null;
  company: string | null;
  form: string;
  filedAt: string | null;
  items: string[];
  indexUrl: string | null;
  documentUrl: string | null;
  status: SecFilingStatus;
  sectionChars: number | null;
  preparedChars: number | null;
  droppedSentences: number | null;
  changeCount: number;
  note: string | null;
  seenAt: string;
}

export interface SecFilingStore {
  get(accession: string): Promise<SecFilingRecord | undefined>;
  byItem(itemId: string): Promise<SecFilingRecord | undefined>;
  /** Inserts or replaces the filing's row. */
  save(record: SecFilingRecord): Promise<void>;
  count(): Promise<number>;
}
