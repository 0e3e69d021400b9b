import type { NewsItem } from '../core/change.js';

/** The fields of a line in the eval GUIDE's format that make up the item an extractor reads. */
export interface GoldItemText {
  id: string;
  title: string;
  summary?: string | null;
  content?: string | null;
  url?: string | null;
  feed?: string | null;
  published?: string | null;
}

/** The news item the extractor sees for a gold line (text as the feed gave it: cleaning is the extractor's job). */
export function newsItemFromGold(item: GoldItemText): NewsItem {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary ?? null,
    content: item.content ?? null,
    url: item.url ?? null,
    feed: item.feed ?? null,
    publishedAt: item.published ?? null,
  };
}
