import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import type { ChangeEvent } from '../core/events/model.js';
import type { EventMerger, ItemMergeResult, MergeItemOptions } from '../core/events/merger.js';
import type { Logger } from '../core/log.js';
import type { Alert } from '../notify/alert.js';
import type { Delivery } from '../notify/delivery.js';
import type { ChangeStore } from '../store/change-store.js';
import type { Db } from '../store/db.js';
import type { FeedRecord } from '../store/feed-store.js';
import type { ItemStore } from '../store/item-store.js';
import type { FeedEntry } from '../feeds/types.js';
import { alertForEvent } from './event-alert.js';
import { titleKey } from './title-key.js';

export interface ProcessItemDeps {
  db: Db;
  items: ItemStore;
  changes: ChangeStore;
  extractor: Extractor;
  delivery: Delivery;
  /** Merges each item's changes into events; the alert key is the event's, so later reports edit it. */
  events: EventMerger;
  logger: Logger;
  now: () => Date;
  minConfidence: number;
  /** How each item's changes merge (an SEC filing's carry the filing reference). */
  mergeOptions?: (item: NewsItem) => MergeItemOptions;
}

export type ItemOutcome =
  | { kind: 'seen' }
  | { kind: 'duplicate'; of: string }
  | { kind: 'baseline' }
  | { kind: 'failed'; error: string }
  | { kind: 'processed'; changes: number; alerts: number };

export function toNewsItem(entry: FeedEntry, feedName: string): NewsItem {
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    content: entry.content,
    url: entry.url,
    feed: feedName,
    publishedAt: entry.publishedAt,
  };
}

export function alertForChange(key: string, change: LeadershipChange, item: NewsItem): Alert {
  return {
    key,
    change,
    sources: [{ title: item.title, url: item.url, feed: item.feed, publishedAt: item.publishedAt }],
    confidence: change.confidence,
    notes: [],
  };
}

/**
 * The events an item's merge asks to (re)deliver, once each, in the state they ended in: new or
 * corroborated released events, held events just confirmed, joined, contradicted and revised
 * events (one that lost reports to a post split off it, or the event split off) that are
 * released (their alert is posted or edited). Held and suppressed events stay quiet.
 */
export function eventsToAlert(result: ItemMergeResult): ChangeEvent[] {
  const latest = new Map<string, ChangeEvent>();
  const keep = (e: ChangeEvent) => {
    const known = latest.get(e.id);
    if (!known || known.revision < e.revision) latest.set(e.id, e);
  };
  for (const o of result.outcomes) if (o.alert === 'post' || o.alert === 'edit') keep(o.event);
  for (const e of [...result.joined.map((j) => j.event), ...result.contradicted, ...result.revised]) {
    if (e.alertState === 'released' && !e.mergedInto) keep(e);
  }
  return [...latest.values()];
}

/** One entry of one feed: skip what was seen, record, extract, store, merge into events, alert. Never throws. */
export function createItemProcessor(deps: ProcessItemDeps) {
  const iso = () => deps.now().toISOString();
  return async function processItem(entry: FeedEntry, feed: FeedRecord, baseline: boolean): Promise<ItemOutcome> {
    if (deps.items.get(entry.id)) return { kind: 'seen' };
    const key = titleKey(entry.title);
    const dup = deps.items.findDuplicate(entry.url, key, iso());
    const record = { id: entry.id, feedId: feed.id, url: entry.url, title: entry.title, titleKey: key, publishedAt: entry.publishedAt, seenAt: iso() };
    if (dup) {
      deps.items.insert({ ...record, status: 'processed', note: `duplicate of ${dup.id}` });
      return { kind: 'duplicate', of: dup.id };
    }
    if (baseline) {
      deps.items.insert({ ...record, status: 'baseline' });
      return { kind: 'baseline' };
    }
    const item = toNewsItem(entry, feed.name);
    let found: LeadershipChange[];
    try {
      found = await deps.extractor.extract(item);
    } catch (err) {
      const error = (err as Error).message;
      deps.items.insert({ ...record, status: 'failed', note: `extraction failed: ${error}` });
      deps.logger.warn({ feed: feed.name, item: entry.id, err: error }, 'extraction failed');
      return { kind: 'failed', error };
    }
    const { stored, toAlert } = deps.db.transaction(() => {
      deps.items.insert({ ...record, status: 'processed', extractor: deps.extractor.name });
      const ids = found.map((c) => deps.changes.insert(entry.id, c, iso()));
      deps.items.markProcessed(entry.id, { status: 'processed', extractor: deps.extractor.name, changeCount: found.length });
      const changes = ids.map((id, i) => ({ id, change: found[i]! }));
      // Changes below the threshold are stored but neither alert nor corroborate an event.
      const alerting = changes.filter(({ change }) => change.confidence >= deps.minConfidence);
      try {
        // Its own savepoint: a merge that fails leaves no half-written event behind.
        const merged = deps.db.transaction(() => deps.events.mergeItem(item, alerting.map((c) => c.change), deps.mergeOptions?.(item)))();
        return { stored: changes, toAlert: eventsToAlert(merged).map(alertForEvent) };
      } catch (err) {
        // Never lose an alert to a merging fault: each change alerts on its own, as before events.
        deps.logger.warn({ feed: feed.name, item: entry.id, err: (err as Error).message }, 'event merging failed; alerting per change');
        return { stored: changes, toAlert: alerting.map(({ id, change }) => alertForChange(`change:${id}`, change, item)) };
      }
    })();
    let alerts = 0;
    for (const alert of toAlert) {
      await deps.delivery.deliver(alert);
      alerts++;
    }
    return { kind: 'processed', changes: stored.length, alerts };
  };
}
