// The CPU-bound steps of an item's path, run inside the worker threads (src/pool/worker-pool.ts):
// parsing a feed document and the built-in extractor. The event loop that answers /healthz, the
// scheduler and Discord never runs them.
import type { MessagePort } from 'node:worker_threads';
import type { LeadershipChange, NewsItem } from '../core/change.js';
import { extractChanges } from '../extract/index.js';
import { parseFeedBytes, type ParseOptions } from '../feeds/parse.js';
import { FeedError, type FeedErrorKind, type ParsedFeed } from '../feeds/types.js';

/** Every task carries a flag in shared memory that the worker raises as it starts the task. */
export interface TaskStart {
  started: Int32Array;
}

/** Tells the pool the task is running: its time budget counts from here, not from a worker's start-up. */
export function markStarted(task: TaskStart): void {
  Atomics.store(task.started, 0, 1);
  Atomics.notify(task.started, 0);
}

/** Nothing: a task that makes a worker load everything above before real work arrives. */
export function ping(): true {
  return true;
}

export interface ExtractTask extends TaskStart {
  item: NewsItem;
}

export function extract(task: ExtractTask): LeadershipChange[] {
  markStarted(task);
  return extractChanges(task.item);
}

export type ParseFeedOptions = ParseOptions & { contentType?: string | null; maxBytes?: number };

export interface ParseTask extends TaskStart {
  bytes: Uint8Array;
  opts: ParseFeedOptions;
  /** Where the entries go, a batch per message (see parseFeed). */
  entries: MessagePort;
}

/** Entries per message: each is copied into the main thread as its own small task. */
export const ENTRY_BATCH = 2_000;

/** A FeedError as it crosses the thread boundary (its class does not survive the copy). */
export interface FeedErrorShape {
  kind: FeedErrorKind;
  message: string;
  retryAfterSeconds: number | null;
  httpStatus: number | null;
}

/** The feed without its entries, which went through the task's port: `count` of them. */
export type ParseResult = { ok: true; feed: ParsedFeed; count: number } | { ok: false; error: FeedErrorShape };

export function parseFeed(task: ParseTask): ParseResult {
  markStarted(task);
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    const feed = parseFeedBytes(bytes, task.opts);
    // 200,000 entries copied into the main thread at once would hold its event loop for seconds;
    // in batches, each is a small task of its own and health checks get their turn in between.
    for (let at = 0; at < feed.entries.length; at += ENTRY_BATCH) task.entries.postMessage(feed.entries.slice(at, at + ENTRY_BATCH));
    return { ok: true, feed: { ...feed, entries: [] }, count: feed.entries.length };
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    return { ok: false, error: { kind: err.kind, message: err.message, retryAfterSeconds: err.retryAfterSeconds, httpStatus: err.httpStatus } };
  }
}
