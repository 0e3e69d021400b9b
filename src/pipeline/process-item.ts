import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import type { ChangeEvent } from '../core/events/model.js';
import type { EventMerger, ItemMergeResult } from '../core/events/merger.js';
import type { Logger } from '../core/log.js';
import { isInterrupted, isPoisonItem } from '../core/poison.js';
import type { Alert } from '../notify/alert.js';
import type { Delivery } from '../notify/delivery.js';
import type { ChangeStore } from '../store/change-store.js';
import type { Db } from '../store/db.js';
import type { FeedRecord } from '../store/feed-store.js';
import type { ItemStore } from '../store/item-store.js';
import type { FeedEntry } from '../feeds/types.js';
import { boundEntry } from './bound-entry.js';
import { alertForEvent } from './event-alert.js';
import { titleKey } from './title-key.js';

export interface ProcessItemDeps {
  db: Db;
  items: ItemStore;
  changes: ChangeStore;
  extractor: Extractor;
  /** Alerts go into the outbox inside the item's transaction; delivery reads only the outbox. */
  delivery: Pick<Delivery, 'enqueue' | 'kick'>;
  /** Merges each item's changes into events; the alert key is the event's, so later reports edit it. */
  events: EventMerger;
  logger: Logger;
  now: () => Date;
  minConfidence: number;
  /** Told once about a poison item (over its time budget, or it killed its worker): the admin notice. */
  onPoisonItem?: (notice: PoisonNotice) => void | Promise<void>;
}

export interface PoisonNotice {
  feed: string;
  itemId: string;
  title: string;
  url: string | null;
  reason: string;
}

export type ItemOutcome =
  | { kind: 'seen' }
  | { kind: 'duplicate'; of: string }
  | { kind: 'baseline' }
  | { kind: 'failed'; error: string; poison?: boolean }
  /** The process is stopping: the item is left for the next start. */
  | { kind: 'interrupted' }
  | { kind: 'processed'; changes: number; alerts: number };

/**
 * Starts that may stop while reading one item before it counts as poison: a crash during its
 * extraction (a worker that took the process down) must not repeat at every restart.
 */
export const MAX_EXTRACTION_ATTEMPTS = 3;
/** More changes than this in one item is a list or a table: the rest is not stored, merged or alerted. */
export const MAX_CHANGES_PER_ITEM = 50;

const attemptOf = (note: string | null): number => Number(/^attempt (\d+)$/.exec(note ?? '')?.[1] ?? 1);

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
 * corroborated released events, held events just confirmed, joined and contradicted events that
 * were already released (their alert is edited). Held and suppressed events stay quiet.
 */
export function eventsToAlert(result: ItemMergeResult): ChangeEvent[] {
  const latest = new Map<string, ChangeEvent>();
  const keep = (e: ChangeEvent) => {
    const known = latest.get(e.id);
    if (!known || known.revision < e.revision) latest.set(e.id, e);
  };
  for (const o of result.outcomes) if (o.alert === 'post' || o.alert === 'edit') keep(o.event);
  for (const e of [...result.joined.map((j) => j.event), ...result.contradicted]) {
    if (e.alertState === 'released' && !e.mergedInto) keep(e);
  }
  return [...latest.values()];
}

/**
 * One entry of one feed: skip what was seen, record, extract, store, merge into events, and put
 * the alerts in the outbox, all of it after extraction in one transaction. Never throws.
 */
export function createItemProcessor(deps: ProcessItemDeps) {
  const iso = () => deps.now().toISOString();
  return async function processItem(raw: FeedEntry, feed: FeedRecord, baseline: boolean): Promise<ItemOutcome> {
    // Every later stage (dedupe, title key, storage, extraction, merging) reads the bounded entry.
    const entry = boundEntry(raw);
    const known = deps.items.get(entry.id);
    // "extracting": an earlier run stopped while reading it; read it again, a bounded number of times.
    if (known && known.status !== 'extracting') return { kind: 'seen' };
    const key = titleKey(entry.title);
    const record = { id: entry.id, feedId: feed.id, url: entry.url, title: entry.title, titleKey: key, publishedAt: entry.publishedAt, seenAt: iso() };
    if (!known) {
      const dup = deps.items.findDuplicate(entry.url, key, iso());
      if (dup) {
        deps.items.insert({ ...record, status: 'processed', note: `duplicate of ${dup.id}` });
        return { kind: 'duplicate', of: dup.id };
      }
      if (baseline) {
        deps.items.insert({ ...record, status: 'baseline' });
        return { kind: 'baseline' };
      }
    }

    const poison = (reason: string): ItemOutcome => {
      deps.items.markProcessed(entry.id, { status: 'failed', extractor: deps.extractor.name, changeCount: 0, note: `poison: ${reason}` });
      const notice: PoisonNotice = { feed: feed.name, itemId: entry.id, title: entry.title.slice(0, 200), url: entry.url, reason };
      deps.logger.error({ ...notice }, 'poison item: recorded as failed and never read again');
      const report = (err: unknown) => deps.logger.error({ item: entry.id, err: (err as Error).message }, 'poison item notice failed');
      try {
        void Promise.resolve(deps.onPoisonItem?.(notice)).catch(report);
      } catch (err) {
        report(err);
      }
      return { kind: 'failed', error: reason, poison: true };
    };

    const attempt = known ? attemptOf(known.note) + 1 : 1;
    if (attempt > MAX_EXTRACTION_ATTEMPTS) return poison(`the process stopped ${attempt - 1} times while reading it`);
    // Committed before extraction starts: if this run dies reading the item, the next one knows.
    if (known) deps.items.markProcessed(entry.id, { status: 'extracting', extractor: null, changeCount: 0, note: `attempt ${attempt}` });
    else deps.items.insert({ ...record, status: 'extracting', note: `attempt ${attempt}` });

    const item = toNewsItem(entry, feed.name);
    let found: LeadershipChange[];
    try {
      found = await deps.extractor.extract(item);
    } catch (err) {
      if (isInterrupted(err)) return { kind: 'interrupted' };
      if (isPoisonItem(err)) return poison(err.message);
      const error = (err as Error).message;
      deps.items.markProcessed(entry.id, { status: 'failed', extractor: deps.extractor.name, changeCount: 0, note: `extraction failed: ${error}` });
      deps.logger.warn({ feed: feed.name, item: entry.id, err: error }, 'extraction failed');
      return { kind: 'failed', error };
    }
    if (found.length > MAX_CHANGES_PER_ITEM) {
      deps.logger.warn({ feed: feed.name, item: entry.id, changes: found.length, kept: MAX_CHANGES_PER_ITEM }, 'an item with more changes than one item holds: the rest is dropped');
      found = found.slice(0, MAX_CHANGES_PER_ITEM);
    }
    const { stored, alerts } = deps.db.transaction(() => {
      const ids = found.map((c) => deps.changes.insert(entry.id, c, iso()));
      deps.items.markProcessed(entry.id, { status: 'processed', extractor: deps.extractor.name, changeCount: found.length });
      const changes = ids.map((id, i) => ({ id, change: found[i]! }));
      // Changes below the threshold are stored but neither alert nor corroborate an event.
      const alerting = changes.filter(({ change }) => change.confidence >= deps.minConfidence);
      let toAlert: Alert[];
      try {
        // Its own savepoint: a merge that fails leaves no half-written event behind.
        const merged = deps.db.transaction(() => deps.events.mergeItem(item, alerting.map((c) => c.change)))();
        toAlert = eventsToAlert(merged).map(alertForEvent);
      } catch (err) {
        // Never lose an alert to a merging fault: each change alerts on its own, as before events.
        deps.logger.warn({ feed: feed.name, item: entry.id, err: (err as Error).message }, 'event merging failed; alerting per change');
        toAlert = alerting.map(({ id, change }) => alertForChange(`change:${id}`, change, item));
      }
      // In the outbox with the item, for every target: a crash from here on loses none of them.
      for (const alert of toAlert) deps.delivery.enqueue(alert);
      return { stored: changes, alerts: toAlert.length };
    })();
    if (alerts) deps.delivery.kick();
    return { kind: 'processed', changes: stored.length, alerts };
  };
}
