// The items seen in feeds: dedupe, triage and what /why explains.

/** extracting: recorded before extraction starts, so a run that dies reading the item is known to the next. */
export type ItemStatus = 'baseline' | 'extracting' | 'processed' | 'failed';

export interface ItemRecord {
  id: string;
  feedId: number;
  url: string | null;
  title: string;
  titleKey: string;
  publishedAt: string | null;
  seenAt: string;
  status: ItemStatus;
  extractor: string | null;
  changeCount: number;
  note: string | null;
}

export interface ItemStore {
  get(id: string): Promise<ItemRecord | undefined>;
  /**
   * An item seen before under another id: the same canonical article URL (a site's front page
   * does not count), or, when `now` is given, the same distinctive title key seen within
   * TITLE_WINDOW_DAYS of src/store/item-store.ts (guid churn, a rewritten date, the same story through another feed).
   */
  findDuplicate(url: string | null, titleKey: string, now?: string): Promise<ItemRecord | undefined>;
  findByUrl(url: string): Promise<ItemRecord[]>;
  insert(item: Omit<ItemRecord, 'changeCount' | 'extractor' | 'note'> & { extractor?: string | null; note?: string | null }): Promise<void>;
  markProcessed(id: string, r: { status: ItemStatus; extractor: string | null; changeCount: number; note?: string | null }): Promise<void>;
}
