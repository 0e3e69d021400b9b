import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import type { ChangeEvent } from '../core/events/model.js';
import type { EventMerger, ItemMergeResult, MergeItemOptions } from '../core/events/merger.js';
import type { Logger } from '../core/log.js';
import { isInterrupted, isPoisonItem } from '../core/poison.js';
import type { Alert } from '../notify/alert.js';
import type { Delivery } from '../notify/delivery.js';
import type { ChangeStore } from '../ports/changes.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { FeedRecord } from '../ports/feeds.js';
import type { ItemStore } from '../ports/items.js';
import type { FeedEntry } from '../feeds/types.js';
import { boundEntry } from './bound-entry.js';
import { alertForEvent } from './event-alert.js';
import { titleKey } from './title-key.js';

export interface ProcessItemDeps {
  /** An item's rows, changes, events and outbox entries land together. */
  work: UnitOfWork;
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
  /** How each item's changes merge (an SEC filing's carry the filing reference). */
  mergeOptions?: (item: NewsItem) => MergeItemOptions;
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

/** How many starts began reading the item: its note says "attempt N" once reading began, "queued" before. */
const attemptOf = (note: string | null): number => Number(/^attempt (\d+)$/.exec(note ?? '')?.[1] ?? 0);

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

/** What the cheap first look at an entry decided: done with it, or it is to be read (extracted). */
export type Triage =
  | { kind: 'done'; outcome: ItemOutcome }
  | { kind: 'read'; entry: FeedEntry; attempt: number };

export interface ItemProcessor {
  /**
   * The first look at entries, in one unit of work, store reads only and cheap: seen before, a
   * duplicate, a baseline record, a poison item given up on, or to be read (recorded as queued).
   * A feed of 200,000 items costs a few hundred commits, not 200,000.
   */
  triage(entries: readonly FeedEntry[], feed: FeedRecord, baseline: boolean | ((entry: FeedEntry) => boolean)): Promise<Triage[]>;
  /** Extraction, then one transaction: changes, events, and every alert into the outbox. Never throws. */
  read(entry: FeedEntry, feed: FeedRecord, attempt: number): Promise<ItemOutcome>;
  /** One entry, both steps. */
  process(entry: FeedEntry, feed: FeedRecord, baseline: boolean): Promise<ItemOutcome>;
}

export function createItemProcessor(deps: ProcessItemDeps): ItemProcessor {
  const iso = () => deps.now().toISOString();

  const poison = async (entry: FeedEntry, feed: FeedRecord, reason: string): Promise<ItemOutcome> => {
    await deps.items.markProcessed(entry.id, { status: 'failed', extractor: deps.extractor.name, changeCount: 0, note: `poison: ${reason}` });
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

  async function triageOne(raw: FeedEntry, feed: FeedRecord, baselineOf: boolean | ((entry: FeedEntry) => boolean)): Promise<Triage> {
    // Every later stage (dedupe, title key, storage, extraction, merging) reads the bounded entry.
    const entry = boundEntry(raw);
    const known = await deps.items.get(entry.id);
    if (known) {
      if (known.status !== 'extracting') return { kind: 'done', outcome: { kind: 'seen' } };
      // An earlier run queued it or stopped while reading it: read it again, a bounded number of times.
      const started = attemptOf(known.note);
      if (started >= MAX_EXTRACTION_ATTEMPTS) return { kind: 'done', outcome: await poison(entry, feed, `the process stopped ${started} times while reading it`) };
      return { kind: 'read', entry, attempt: started + 1 };
    }
    const key = titleKey(entry.title);
    const record = { id: entry.id, feedId: feed.id, url: entry.url, title: entry.title, titleKey: key, publishedAt: entry.publishedAt, seenAt: iso() };
    const dup = await deps.items.findDuplicate(entry.url, key, iso());
    if (dup) {
      await deps.items.insert({ ...record, status: 'processed', note: `duplicate of ${dup.id}` });
      return { kind: 'done', outcome: { kind: 'duplicate', of: dup.id } };
    }
    if (typeof baselineOf === 'function' ? baselineOf(entry) : baselineOf) {
      await deps.items.insert({ ...record, status: 'baseline' });
      return { kind: 'done', outcome: { kind: 'baseline' } };
    }
    // Recorded now, so that a later entry of the same document is recognised as its duplicate.
    await deps.items.insert({ ...record, status: 'extracting', note: 'queued' });
    return { kind: 'read', entry, attempt: 1 };
  }

  async function read(entry: FeedEntry, feed: FeedRecord, attempt: number): Promise<ItemOutcome> {
    // Committed before extraction starts: if this run dies reading the item, the next one knows.
    await deps.items.markProcessed(entry.id, { status: 'extracting', extractor: null, changeCount: 0, note: `attempt ${attempt}` });
    const item = toNewsItem(entry, feed.name);
    let found: LeadershipChange[];
    try {
      found = await deps.extractor.extract(item);
    } catch (err) {
      if (isInterrupted(err)) return { kind: 'interrupted' };
      if (isPoisonItem(err)) return poison(entry, feed, err.message);
      const error = (err as Error).message;
      await deps.items.markProcessed(entry.id, { status: 'failed', extractor: deps.extractor.name, changeCount: 0, note: `extraction failed: ${error}` });
      deps.logger.warn({ feed: feed.name, item: entry.id, err: error }, 'extraction failed');
      return { kind: 'failed', error };
    }
    if (found.length > MAX_CHANGES_PER_ITEM) {
      deps.logger.warn({ feed: feed.name, item: entry.id, changes: found.length, kept: MAX_CHANGES_PER_ITEM }, 'an item with more changes than one item holds: the rest is dropped');
      found = found.slice(0, MAX_CHANGES_PER_ITEM);
    }
    const { stored, alerts } = await deps.work.run(async () => {
      const ids: number[] = [];
      for (const c of found) ids.push(await deps.changes.insert(entry.id, c, iso()));
      await deps.items.markProcessed(entry.id, { status: 'processed', extractor: deps.extractor.name, changeCount: found.length });
      const changes = ids.map((id, i) => ({ id, change: found[i]! }));
      // Changes below the threshold are stored but neither alert nor corroborate an event.
      const alerting = changes.filter(({ change }) => change.confidence >= deps.minConfidence);
      let toAlert: Alert[];
      try {
        // Its own savepoint: a merge that fails leaves no half-written event behind.
        const merged = await deps.work.run(() => deps.events.mergeItem(item, alerting.map((c) => c.change), deps.mergeOptions?.(item)));
        toAlert = eventsToAlert(merged).map(alertForEvent);
      } catch (err) {
        // Never lose an alert to a merging fault: each change alerts on its own, as before events.
        deps.logger.warn({ feed: feed.name, item: entry.id, err: (err as Error).message }, 'event merging failed; alerting per change');
        toAlert = alerting.map(({ id, change }) => alertForChange(`change:${id}`, change, item));
      }
      // In the outbox with the item, for every target: a crash from here on loses none of them.
      for (const alert of toAlert) await deps.delivery.enqueue(alert);
      return { stored: changes, alerts: toAlert.length };
    });
    if (alerts) deps.delivery.kick();
    return { kind: 'processed', changes: stored.length, alerts };
  }

  const triage = (entries: readonly FeedEntry[], feed: FeedRecord, baseline: boolean | ((entry: FeedEntry) => boolean)): Promise<Triage[]> =>
    deps.work.run(async () => {
      const out: Triage[] = [];
      for (const e of entries) out.push(await triageOne(e, feed, baseline));
      return out;
    });

  return {
    triage,
    read,
    async process(entry, feed, baseline) {
      const [t] = await triage([entry], feed, baseline);
      return t!.kind === 'done' ? t!.outcome : read(t!.entry, feed, t!.attempt);
    },
  };
}
