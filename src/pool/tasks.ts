// The CPU-bound steps of an item's path, run inside the worker threads (src/pool/worker-pool.ts):
// parsing a feed document and the built-in extractor. The event loop that answers /healthz, the
// scheduler and Discord never runs them.
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

export interface ExtractTask extends TaskStart {
  item: NewsItem;
  minConfidence: number;
}

export function extract(task: ExtractTask): LeadershipChange[] {
  markStarted(task);
  return extractChanges(task.item).filter((c) => c.confidence >= task.minConfidence);
}

export type ParseFeedOptions = ParseOptions & { contentType?: string | null; maxBytes?: number };

export interface ParseTask extends TaskStart {
  bytes: Uint8Array;
  opts: ParseFeedOptions;
}

/** A FeedError as it crosses the thread boundary (its class does not survive the copy). */
export interface FeedErrorShape {
  kind: FeedErrorKind;
  message: string;
  retryAfterSeconds: number | null;
  httpStatus: number | null;
}

export type ParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: FeedErrorShape };

export function parseFeed(task: ParseTask): ParseResult {
  markStarted(task);
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    return { ok: true, feed: parseFeedBytes(bytes, task.opts) };
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    return { ok: false, error: { kind: err.kind, message: err.message, retryAfterSeconds: err.retryAfterSeconds, httpStatus: err.httpStatus } };
  }
}
