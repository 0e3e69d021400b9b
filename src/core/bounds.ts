// How much of one feed item execwatch reads. Every stage after the feed parser (deduplication,
// title keys, the built-in extractor, the LLM prompt, event merging, storage of titles and
// evidence) reads the item through these bounds, applied once where a feed entry becomes a news
// item (and again to article text fetched for a short item), so no stage can be handed a
// megabyte title or a ten-megabyte description. docs/architecture.md lists them.

/** A headline: real ones are under 300 characters; the rest of a longer one is not a headline. */
export const MAX_TITLE_CHARS = 1_000;
/**
 * The summary and the content, each: leadership news sits at the top of an article, and the
 * built-in extractor reads the first 30,000 characters of the body (src/extract/text.ts MAX_BODY).
 */
export const MAX_BODY_CHARS = 30_000;
/** A link longer than this is not one anyone can follow: it is dropped rather than cut. */
export const MAX_URL_CHARS = 4_096;
/** A longer id (a guid holding a whole document) is replaced by its hash, which stays stable. */
export const MAX_ID_CHARS = 1_024;

/** Cut to at most `max` characters, at a space or line break in the last tenth when there is one. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const floor = Math.floor(max * 0.9);
  let cut = max;
  for (let i = max; i > floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) {
      cut = i;
      break;
    }
  }
  // Never leave half of a surrogate pair at the end.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd();
}

/** The text fields of an item (a FeedEntry or a NewsItem), each within its bound. */
export interface BoundableItem {
  title: string;
  summary: string | null;
  content: string | null;
  url: string | null;
}

export function boundItemText<T extends BoundableItem>(item: T): T {
  const title = clipText(item.title, MAX_TITLE_CHARS);
  const summary = item.summary === null ? null : clipText(item.summary, MAX_BODY_CHARS);
  const content = item.content === null ? null : clipText(item.content, MAX_BODY_CHARS);
  const url = item.url !== null && item.url.length > MAX_URL_CHARS ? null : item.url;
  if (title === item.title && summary === item.summary && content === item.content && url === item.url) return item;
  return { ...item, title, summary, content, url };
}
