// Items per second of the built-in extractor in the worker pool against in the main thread, and
// what each does to the event loop (its worst delay while extracting: what /healthz and Discord
// wait for). The items are the labelled dev set (../shared/eval/dev.jsonl), cycled; without it,
// generated items of the same sizes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NewsItem } from '../src/core/change.js';
import { goldItemToNewsItem, parseJsonl } from '../src/eval/gold.js';
import { createBuiltinExtractor } from '../src/extract/index.js';
import { createWorkerPool, defaultThreads } from '../src/pool/worker-pool.js';

const DEV = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'dev.jsonl');
const COUNT = 3_000;

function corpus(): { items: NewsItem[]; source: string } {
  let base: NewsItem[];
  let source: string;
  if (existsSync(DEV)) {
    base = parseJsonl(readFileSync(DEV, 'utf8'), 'dev.jsonl').map(goldItemToNewsItem);
    source = `dev.jsonl (${base.length} items) cycled`;
  } else {
    base = Array.from({ length: 50 }, (_, i) => ({
      id: `g${i}`, title: `Company ${i} names Person${i} Example chief financial officer`,
      summary: `Company ${i} said on Monday it had appointed Person${i} Example as chief financial officer, succeeding Other${i} Person, who retires. `.repeat(1 + (i % 5)),
      content: null, url: null, feed: null, publishedAt: '2026-11-03T08:00:00Z',
    }));
    source = 'generated items (../shared is not beside this checkout)';
  }
  return { items: Array.from({ length: COUNT }, (_, i) => ({ ...base[i % base.length]!, id: `b${i}` })), source };
}

interface Measured {
  itemsPerSecond: number;
  loopDelayMaxMs: number;
}

/** Extracts every item with `inFlight` at once (feeds polled concurrently each hand one item at a time). */
async function measure(extract: (item: NewsItem) => Promise<unknown>, items: NewsItem[], inFlight: number): Promise<Measured> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < items.length) await extract(items[next++]!);
  }));
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  return { itemsPerSecond: Math.round(items.length / seconds), loopDelayMaxMs: Math.round(delay.max / 1e6) };
}

export async function runPoolBench(): Promise<void> {
  const { items, source } = corpus();
  const threads = defaultThreads();
  console.log(`items: ${COUNT.toLocaleString('en-US')} from ${source}; pool: ${threads} worker threads`);
  const builtin = createBuiltinExtractor();
  const pool = createWorkerPool({ threads, itemBudgetMs: 10_000 });
  try {
    await pool.warm();
    // Warm the JIT on both sides before timing.
    await measure((it) => builtin.extract(it), items.slice(0, 300), 1);
    await measure((it) => pool.extract(it, 0.5), items.slice(0, 300), threads);
    const rows: Array<[string, Measured]> = [
      ['in process (the main thread)', await measure((it) => builtin.extract(it), items, 1)],
      ['pool, one item at a time (one feed)', await measure((it) => pool.extract(it, 0.5), items, 1)],
      [`pool, ${threads * 2} items in flight (several feeds)`, await measure((it) => pool.extract(it, 0.5), items, threads * 2)],
    ];
    console.log('| extraction | items/s (wall) | event loop: worst delay |');
    console.log('|---|---|---|');
    for (const [what, m] of rows) console.log(`| ${what} | ${m.itemsPerSecond.toLocaleString('en-US')} | ${m.loopDelayMaxMs} ms |`);
  } finally {
    await pool.close();
  }
}
