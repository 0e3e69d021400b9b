import { createHash } from 'node:crypto';
import type { Logger } from '../core/log.js';
import { FeedError, type FeedEntry, type FeedErrorKind, type FeedReader } from '../feeds/types.js';
import type { FeedRecord, FeedStore } from '../ports/feeds.js';
import type { StoreHealth } from '../ports/store-health.js';
import type { ItemOutcome, ItemProcessor } from './process-item.js';

export interface PollerOptions {
  alertOnFirstPoll: boolean;
  /** On a feed's first poll, items published within this many hours are read and alerted (default 0). */
  backfillHours?: number;
  defaultIntervalMinutes: number;
  maxBackoffMinutes: number;
  disableAfterHours: number;
  /** The longest a server's Cache-Control max-age may stretch the interval (default 4 h). */
  maxCacheMinutes?: number;
}

/** Why a poll failed: the feed's own error kinds, the database, or a fault of execwatch's. */
export type PollFailureKind = FeedErrorKind | 'store' | 'internal';

export interface PollFailure {
  kind: PollFailureKind;
  message: string;
}

/** A failure as a value, and as the text logs, `once` and the feed's health show. */
const failure = (kind: PollFailureKind, message: string): { failure: PollFailure; error: string } => ({ failure: { kind, message }, error: `${kind}: ${message}` });

export interface PollOutcome {
  feedId: number;
  feed: string;
  status: 'ok' | 'not-modified' | 'failed';
  newItems: number;
  changes: number;
  alerts: number;
  /** The failure as text ("kind: message"); `failure` is the same as a value. */
  error?: string;
  failure?: PollFailure;
  disabled?: boolean;
  httpStatus?: number | null;
  durationMs?: number;
  /** The process began stopping during the poll: items not reached are read on the next start. */
  interrupted?: boolean;
}

export interface PollerDeps {
  feeds: FeedStore;
  reader: FeedReader;
  items: ItemProcessor;
  logger: Logger;
  now: () => Date;
  options: PollerOptions;
  /** Told when a feed is disabled after failing too long (admin channel, log). */
  onFeedDisabled?: (feed: FeedRecord, error: string) => void | Promise<void>;
  /** Told of database failures: a full disk or a damaged file is not the feed's fault. */
  store?: StoreHealth;
}

const MINUTE = 60_000;
/**
 * Entries looked at in one transaction (seen, duplicate, baseline need no extraction) before the
 * event loop is let go: a few milliseconds of work.
 */
const TRIAGE_BATCH = 100;

/** A stable fraction in [0, 1) per feed URL. */
function unitHash(url: string, salt = ''): number {
  return createHash('sha1').update(salt + url).digest().readUInt32BE(0) / 0x1_0000_0000;
}

/**
 * The feed's next poll: on its own phase within the interval (feeds hash to different offsets,
 * so a thousand feeds with one interval do not all poll in the same second), and at least half
 * an interval away. After the first poll a feed keeps an exact rhythm.
 */
export function nextSlot(url: string, fromMs: number, everyMs: number): number {
  const phase = Math.floor(unitHash(url) * everyMs);
  const earliest = fromMs + everyMs / 2;
  const k = Math.ceil((earliest - phase) / everyMs);
  return k * everyMs + phase;
}

export function createPoller(deps: PollerDeps) {
  const opts = deps.options;
  const intervalMs = (feed: FeedRecord) => (feed.intervalMinutes ?? opts.defaultIntervalMinutes) * MINUTE;
  const maxBackoffMs = opts.maxBackoffMinutes * MINUTE;
  const maxCacheMs = (opts.maxCacheMinutes ?? 240) * MINUTE;
  /** Feeds whose shared guids were reported in this run: once is enough, the feed will not change soon. */
  const toldShared = new Set<number>();

  /** Cache-Control max-age lengthens the wait (never shortens it), within the bound. */
  function successDelay(feed: FeedRecord, maxAgeSeconds: number | null): number {
    const every = intervalMs(feed);
    return maxAgeSeconds && maxAgeSeconds * 1000 > every ? Math.min(maxAgeSeconds * 1000, Math.max(every, maxCacheMs)) : every;
  }

  /**
   * On a feed's first poll an item is only recorded (a baseline), so that adding a feed does not
   * flood a channel, unless it was published within the backfill window (or alertOnFirstPoll is set).
   * An undated item, or one dated more than an hour ahead, is not known to be recent.
   */
  function isBaseline(entry: FeedEntry, now: Date): boolean {
    if (opts.alertOnFirstPoll) return false;
    const at = Date.parse(entry.publishedAt ?? '');
    const age = now.getTime() - at;
    return !(Number.isFinite(at) && age <= (opts.backfillHours ?? 0) * 3600_000 && age >= -3600_000);
  }

  function reportFirstPoll(feed: FeedRecord, tally: Map<ItemOutcome['kind'], number>, alerts: number, nextPollAt: string): void {
    const count = (kind: ItemOutcome['kind']) => tally.get(kind) ?? 0;
    const read = count('processed') + count('failed');
    const items = [...tally.values()].reduce((n, c) => n + c, 0);
    deps.logger.info({
      feed: feed.name, items, baseline: count('baseline'), read, alerts, duplicates: count('duplicate'), backfillHours: opts.backfillHours ?? 0, nextPollAt,
    }, `first read of ${feed.name}: ${count('baseline')} items recorded as a baseline, ${read} recent ones read (${alerts} alerts); next poll at ${nextPollAt}`);
  }

  /** A permanent redirect: the feed is read at its new address from now on. */
  async function moved(feed: FeedRecord, to: string): Promise<void> {
    if (await deps.feeds.moveUrl(feed.id, to)) {
      deps.logger.info({ feed: feed.name, from: feed.url, to, origin: feed.origin }, 'feed moved permanently: its stored URL is updated');
    } else {
      deps.logger.warn({ feed: feed.name, from: feed.url, to }, 'feed moved permanently to the address of another watched feed: left where it was');
    }
  }

  const interrupted = (base: PollOutcome, t0: number): PollOutcome => ({ ...base, interrupted: true, durationMs: Date.now() - t0 });

  /** One poll of one feed; `signal` stops it between items (shutdown), leaving the rest for the next start. */
  async function pollFeed(feed: FeedRecord, signal?: AbortSignal): Promise<PollOutcome> {
    const started = deps.now();
    const t0 = Date.now();
    const base: PollOutcome = { feedId: feed.id, feed: feed.name, status: 'ok', newItems: 0, changes: 0, alerts: 0 };
    try {
      const result = await deps.reader.read({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
      const nextPollAt = new Date(nextSlot(feed.url, started.getTime(), successDelay(feed, result.maxAgeSeconds))).toISOString();
      const health = { status: result.httpStatus, durationMs: Date.now() - t0 };
      if (result.movedTo && result.movedTo !== feed.url) await moved(feed, result.movedTo);
      if (result.status === 'not-modified') {
        await deps.feeds.recordSuccess(feed.id, { at: started.toISOString(), etag: result.etag, lastModified: result.lastModified, itemCount: null, nextPollAt, ...health });
        return { ...base, status: 'not-modified', httpStatus: result.httpStatus, durationMs: health.durationMs };
      }
      if (result.feed.sharedIds?.length && !toldShared.has(feed.id)) {
        toldShared.add(feed.id);
        deps.logger.warn(
          { feed: feed.name, url: feed.url, sharedIds: result.feed.sharedIds.slice(0, 10) },
          `different items of ${feed.name} share one guid: told apart by their links instead (the feed's guids are broken)`,
        );
      }
      const firstPoll = !feed.baselineDone;
      // On the first poll each entry is a baseline record unless it is recent (backfill).
      const baseline = firstPoll ? (entry: FeedEntry) => isBaseline(entry, started) : false;
      const tally = new Map<ItemOutcome['kind'], number>();
      const count = (o: ItemOutcome): void => {
        tally.set(o.kind, (tally.get(o.kind) ?? 0) + 1);
        if (o.kind === 'seen') return;
        base.newItems++;
        if (o.kind === 'processed') {
          base.changes += o.changes;
          base.alerts += o.alerts;
        }
      };
      // Oldest first, so alerts come out in the order things happened. The document's own list
      // is let go, and each batch once looked at, so that a huge feed's entries can be freed as
      // the poll goes rather than all at its end.
      const itemCount = result.feed.entries.length;
      const entries: Array<FeedEntry | undefined> = result.feed.entries.reverse();
      result.feed.entries = [];
      for (let at = 0; at < entries.length; at += TRIAGE_BATCH) {
        // Stopping: the rest waits for the next start, which reads the whole document again.
        if (signal?.aborted) return interrupted(base, t0);
        const batch = entries.slice(at, at + TRIAGE_BATCH) as FeedEntry[];
        entries.fill(undefined, at, at + TRIAGE_BATCH);
        for (const t of await deps.items.triage(batch, feed, baseline)) {
          if (t.kind === 'done') {
            count(t.outcome);
            continue;
          }
          if (signal?.aborted) return interrupted(base, t0);
          const outcome = await deps.items.read(t.entry, feed, t.attempt);
          if (outcome.kind === 'interrupted') return interrupted(base, t0);
          count(outcome);
        }
        // Between batches the event loop serves health checks, Discord and other feeds.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (firstPoll) await deps.feeds.markBaselineDone(feed.id);
      // Validators are stored only now, after every item was recorded: a crash before this
      // point means the next poll fetches the whole document again rather than getting a 304.
      await deps.feeds.recordSuccess(feed.id, {
        at: started.toISOString(),
        etag: result.etag,
        lastModified: result.lastModified,
        itemCount,
        nextPollAt,
        ...health,
      });
      if (firstPoll) reportFirstPoll(feed, tally, base.alerts, nextPollAt);
      return { ...base, httpStatus: result.httpStatus, durationMs: Date.now() - t0 };
    } catch (err) {
      // The database failed, not the feed: no failure is held against it (no backoff, no
      // disabling); the items not recorded are read again on the next poll.
      const storeError = deps.store?.failed(err);
      if (storeError) return { ...base, status: 'failed', ...failure('store', storeError.message), durationMs: Date.now() - t0 };
      return failed(feed, err, started, base, Date.now() - t0);
    }
  }

  async function failed(feed: FeedRecord, err: unknown, started: Date, base: PollOutcome, durationMs: number): Promise<PollOutcome> {
    const fe = err instanceof FeedError ? err : null;
    const why = fe ? failure(fe.kind, fe.message) : failure('internal', (err as Error).message);
    const { error } = why;
    const failures = feed.consecutiveFailures + 1;
    const every = intervalMs(feed);
    // Exponential backoff with a little spread, so feeds that failed together do not retry together.
    const backoff = Math.min(maxBackoffMs, every * 2 ** Math.min(failures - 1, 16)) * (0.9 + 0.2 * unitHash(feed.url, String(failures)));
    const retryAfter = fe?.retryAfterSeconds ? Math.min(fe.retryAfterSeconds * 1000, maxBackoffMs) : 0;
    const failingSince = Date.parse(feed.failingSince ?? started.toISOString());
    const disable = started.getTime() - failingSince >= opts.disableAfterHours * 3600_000;
    try {
      await deps.feeds.recordFailure(feed.id, {
        at: started.toISOString(),
        error,
        nextPollAt: new Date(started.getTime() + Math.max(backoff, retryAfter)).toISOString(),
        disable,
        status: fe?.httpStatus ?? null,
        durationMs,
      });
    } catch (storeErr) {
      const explained = deps.store?.failed(storeErr);
      if (!explained) throw storeErr;
      return { ...base, status: 'failed', ...failure('store', explained.message), durationMs };
    }
    deps.logger.warn({ feed: feed.name, url: feed.url, err: error, failures }, 'feed poll failed');
    if (disable) {
      deps.logger.error({ feed: feed.name, url: feed.url, err: error, failingSince: feed.failingSince }, 'feed disabled after failing too long');
      const report = (hookErr: unknown) => deps.logger.error({ feed: feed.name, err: (hookErr as Error).message }, 'feed-disabled notice failed');
      try {
        void Promise.resolve(deps.onFeedDisabled?.(feed, error)).catch(report);
      } catch (hookErr) {
        report(hookErr);
      }
    }
    return { ...base, status: 'failed', ...why, disabled: disable, httpStatus: fe?.httpStatus ?? null, durationMs };
  }

  return { pollFeed };
}
export type Poller = ReturnType<typeof createPoller>;
