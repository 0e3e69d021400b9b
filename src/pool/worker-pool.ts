import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import { InterruptedError, PoisonItemError } from '../core/poison.js';
import { parseFeedBytes } from '../feeds/parse.js';
import { FeedError, type FeedEntry, type ParsedFeed } from '../feeds/types.js';
import type { ExtractTask, ParseFeedOptions, ParseResult, ParseTask } from './tasks.js';

type Unstarted<T> = Omit<T, 'started'>;
// Atomics.waitAsync is in Node 20 (V8) but not in the ES2022 library types this project compiles against.
const waitAsync = (Atomics as unknown as {
  waitAsync(arr: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/**
 * Worker threads for the CPU-bound steps (src/pool/tasks.ts), with a time budget per task. A
 * task over its budget has its worker terminated (piscina starts a fresh one), so an item that
 * would take minutes costs one worker for the budget and the event loop nothing.
 */
export interface WorkerPool {
  readonly threads: number;
  /** The built-in extractor on one item; rejects with PoisonItemError past the item budget. */
  extract(item: NewsItem): Promise<LeadershipChange[]>;
  /**
   * parseFeedBytes in a worker; rejects with the parser's FeedError, or a 'parse' one past the
   * budget. The bytes may be moved to the worker: the caller must not read them afterwards.
   */
  parseFeed(bytes: Uint8Array, opts: ParseFeedOptions): Promise<ParsedFeed>;
  /**
   * Starts every worker and waits until each has loaded its code (seconds through tsx): `run`
   * does this before polling, so an item's extraction never includes a worker's start-up.
   */
  warm(): Promise<void>;
  /** Terminates the workers; tasks still running or waiting reject with InterruptedError. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  /** Worker threads (default: the cores, at most 4). */
  threads?: number;
  /** The longest one item's extraction may take. */
  itemBudgetMs: number;
  /** The longest parsing one feed document may take (default 60 s). */
  parseBudgetMs?: number;
  /** Another tasks module with the same exports (tests use one whose extractor never returns). */
  tasksUrl?: URL;
}

export const defaultThreads = (): number => Math.max(1, Math.min(4, availableParallelism()));

// A checkout runs the TypeScript sources (tsx registers itself in each worker through
// ts-worker.mjs); the built image runs dist/pool/tasks.js as it is.
const fromSources = import.meta.url.endsWith('.ts');
/** The longest a task may wait for its worker to load before it counts as failed. */
const START_CAP_MS = 120_000;

export function createWorkerPool(opts: WorkerPoolOptions): WorkerPool {
  const threads = Math.max(1, opts.threads ?? defaultThreads());
  const tasksUrl = opts.tasksUrl ?? new URL(fromSources ? './tasks.ts' : './tasks.js', import.meta.url);
  // Made on the first task, not with the app: a run with nothing new to read starts no thread.
  // Then every thread stays (a fresh one replaces a terminated one), so an item's extraction
  // does not wait for a thread to load its code after a quiet hour.
  let piscina: Piscina | null = null;
  const workers = (): Piscina => (piscina ??= new Piscina({
    filename: fromSources ? new URL('./ts-worker.mjs', import.meta.url).href : tasksUrl.href,
    workerData: { tasksUrl: tasksUrl.href },
    minThreads: threads,
    maxThreads: threads,
  }));

  // At most one task per thread is handed to piscina, so a budget starts when its task can start
  // rather than while it waits behind others.
  let running = 0;
  let closed = false;
  const waiting: Array<{ go: () => void; stop: (err: Error) => void }> = [];
  const acquire = (): Promise<void> => {
    if (closed) return Promise.reject(new InterruptedError('the worker pool is closed'));
    if (running < threads) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((go, stop) => waiting.push({ go, stop }));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next.go();
    else running -= 1;
  };

  async function run<T>(name: string, task: object, budgetMs: number, overBudget: () => Error, transferList: Array<ArrayBuffer | MessagePort> = []): Promise<T> {
    await acquire();
    const abort = new AbortController();
    const started = new Int32Array(new SharedArrayBuffer(4));
    let timer: NodeJS.Timeout | undefined;
    // The budget starts when the worker raises the flag (a fresh worker loads its code first:
    // seconds through tsx on a busy machine); a worker that never starts is given up on too.
    const wait = waitAsync(started, 0, 0, START_CAP_MS);
    void Promise.resolve(wait.value).then(() => {
      if (!abort.signal.aborted) timer = setTimeout(() => abort.abort(), budgetMs);
    });
    const running = workers().run({ ...task, started }, { name, signal: abort.signal, transferList }) as Promise<T>;
    try {
      return await running;
    } catch (err) {
      if (closed) throw new InterruptedError('the worker pool closed while the task ran');
      if (abort.signal.aborted) throw overBudget();
      throw err;
    } finally {
      clearTimeout(timer);
      // Once settled, no timer may start: wake the waiter if the task never raised its flag.
      abort.abort();
      Atomics.notify(started, 0);
      release();
    }
  }

  const parseBudgetMs = opts.parseBudgetMs ?? 60_000;
  return {
    threads,
    async extract(item) {
      const task: Unstarted<ExtractTask> = { item };
      try {
        return await run<LeadershipChange[]>('extract', task, opts.itemBudgetMs, () => new PoisonItemError(`extraction took longer than its ${opts.itemBudgetMs} ms budget`));
      } catch (err) {
        // A worker that ran out of memory on an item dies with it: the item is as bad as a slow one.
        if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new PoisonItemError(`extraction ran out of memory: ${(err as Error).message}`);
        throw err;
      }
    },
    async parseFeed(bytes, parseOpts) {
      const channel = new MessageChannel();
      const batches: FeedEntry[][] = [];
      let received = 0;
      let expected = -1;
      let allIn: () => void = () => {};
      const complete = new Promise<void>((resolve) => (allIn = resolve));
      channel.port1.on('message', (batch: FeedEntry[]) => {
        batches.push(batch);
        received += batch.length;
        if (received === expected) allIn();
      });
      try {
        const task: Unstarted<ParseTask> = { bytes, opts: parseOpts, entries: channel.port2 };
        // A buffer that is the whole of its memory moves to the worker rather than being copied.
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
        const result = await run<ParseResult>('parseFeed', task, parseBudgetMs, () => new FeedError('parse', `parsing the document took longer than ${parseBudgetMs / 1000} s`),
          own ? [channel.port2, bytes.buffer as ArrayBuffer] : [channel.port2]);
        if (!result.ok) {
          const e = result.error;
          throw new FeedError(e.kind, e.message, e.retryAfterSeconds, e.httpStatus);
        }
        expected = result.count;
        if (received < expected) await complete;
        return { ...result.feed, entries: batches.flat() };
      } finally {
        channel.port1.close();
      }
    },
    async warm() {
      if (closed) return;
      await Promise.all(Array.from({ length: threads }, () => workers().run(null, { name: 'ping' })));
    },
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.stop(new InterruptedError('the worker pool is closed'));
      await piscina?.destroy();
    },
  };
}

/** Documents from this size up are parsed in the pool; most feeds are far smaller and parse in milliseconds. */
export const POOL_PARSE_MIN_BYTES = 256 * 1024;

/** The feed reader's parser: large documents in a worker, small ones in place. */
export function createPooledParser(pool: WorkerPool) {
  return (bytes: Buffer, opts: ParseFeedOptions): ParsedFeed | Promise<ParsedFeed> =>
    bytes.byteLength >= POOL_PARSE_MIN_BYTES ? pool.parseFeed(bytes, opts) : parseFeedBytes(bytes, opts);
}

/**
 * The built-in extractor, run in the pool: what the pipeline and the LLM's fallback call. Every
 * change comes back; the pipeline stores them all and alerts those at extraction.minConfidence.
 */
export function createPooledExtractor(pool: WorkerPool): Extractor {
  return { name: 'builtin', extract: (item) => pool.extract(item) };
}
