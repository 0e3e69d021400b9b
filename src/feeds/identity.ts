import { createHash } from 'node:crypto';
import { parseFeedDate } from './dates.js';
import { synthesizeTitle } from './html-text.js';
import type { FeedEntry, SharedId } from './types.js';
import { canonicalUrl, isHttpUrl } from './urls.js';

export interface IdentityInput {
  guid: string | null;
  /** The article's link, already absolute (and unwrapped from FeedBurner when origLink is given). */
  link: string | null;
  title: string;
  publishedAt: string | null;
  /** Used only when nothing else tells items apart. */
  fallbackText: string | null;
  /** The feed the item came from: scopes guids that are only unique within one feed ("42"). */
  feedKey: string;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/**
 * An item's stable id: its guid, else its canonical link, else a hash of title and date.
 * URL guids are canonicalised (so the same article under two feeds is one item); guids that
 * look globally unique (`urn:`, `tag:`) are kept; short local guids are scoped by the feed.
 */
export function entryId(x: IdentityInput): string {
  const guid = x.guid?.trim();
  if (guid) {
    if (isHttpUrl(guid)) return canonicalUrl(guid);
    if (/^[a-z][a-z0-9+.-]*:\S/i.test(guid) || guid.length >= 24) return guid;
    return `${x.feedKey}#${guid}`;
  }
  if (x.link) return canonicalUrl(x.link);
  if (x.title || x.publishedAt) return `sha1:${sha1(`${x.title}\n${x.publishedAt ?? ''}`)}`;
  return `sha1:${sha1(`${x.feedKey}\n${x.fallbackText ?? ''}`)}`;
}

export interface RawEntry {
  guid: string | null;
  link: string | null;
  title: string;
  summary: string | null;
  content: string | null;
  date: string | null;
}

/** Turns the fields read off one item into a FeedEntry: date read, title ensured, id given. */
export function makeEntry(f: RawEntry, feedKey: string): FeedEntry {
  const publishedAt = parseFeedDate(f.date);
  const summary = f.summary && f.summary !== f.content ? f.summary : null;
  const title = f.title || synthesizeTitle(summary ?? f.content);
  const link = f.link;
  return {
    id: entryId({ guid: f.guid, link, title, publishedAt, fallbackText: f.content ?? summary, feedKey }),
    title,
    summary,
    content: f.content,
    url: link ? canonicalUrl(link) : null,
    publishedAt,
  };
}

/** What an item is when its guid cannot be trusted: its link, else its title and date (entryId without the guid). */
const idWithoutGuid = (e: FeedEntry): string => e.url ?? `sha1:${sha1(`${e.title}\n${e.publishedAt ?? ''}`)}`;

/**
 * A guid that several different items carry (a CMS that gives every item the feed's id, a
 * template bug) identifies none of them: taken as it is, all but one item would be dropped as
 * already seen. Those items are identified as if they had no guid (their link, else their title
 * and date), which stays the same from poll to poll; an item that merely appears twice is left
 * alone. Returns the entries and the ids found shared.
 */
export function separateSharedIds(entries: FeedEntry[]): { entries: FeedEntry[]; shared: SharedId[] } {
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const group = groups.get(e.id);
    if (group) group.push(i);
    else groups.set(e.id, [i]);
  });
  const shared: SharedId[] = [];
  const out = [...entries];
  for (const [id, indexes] of groups) {
    if (indexes.length < 2) continue;
    const distinct = new Set(indexes.map((i) => `${entries[i]!.url ?? ''}\n${entries[i]!.title}`));
    if (distinct.size < 2) continue;
    shared.push({ id, items: indexes.length });
    const taken = new Set<string>();
    for (const i of indexes) {
      const e = entries[i]!;
      let next = idWithoutGuid(e);
      // Different items with one link too: their text tells them apart.
      if (taken.has(next)) next = `${next}#${sha1(`${e.title}\n${e.summary ?? ''}\n${e.content ?? ''}`).slice(0, 12)}`;
      taken.add(next);
      out[i] = { ...e, id: next };
    }
  }
  return { entries: out, shared };
}
