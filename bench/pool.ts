// Items per second of the built-in extractor in the worker pool against in the main thread, and
// what each does to the event loop (its worst delay while extracting: what /healthz and Discord
// wait for). The items are the labelled dev set (../shared/eval/dev.jsonl), cycled; without it,
// generated items of the same sizes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MAX_BODY_CHARS, MAX_TITLE_CHARS } from '../src/core/bounds.js';
import type { NewsItem } from '../src/core/change.js';
import { goldItemToNewsItem, parseJsonl } from '../src/evaluation/gold.js';
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

/** A news item as long as the bounds allow: a long title and 30,000 characters of reporting. */
function largeItem(i: number): NewsItem {
  const sentence = (k: number) => `Company ${k} said on Monday that Person${k} Example, its chief operating officer, would become chief executive in March, succeeding Other${k} Person. `;
  let summary = '';
  for (let k = 0; summary.length < MAX_BODY_CHARS - 200; k++) summary += sentence(k);
  return { id: `large${i}`, title: `Leadership moves this week at ${'very '.repeat(150)}many companies`.slice(0, MAX_TITLE_CHARS), summary, content: null, url: null, feed: null, publishedAt: '2026-11-03T08:00:00Z' };
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
    while (next < items.length) {
      await extract(items[next++]!);
      // As the poller does between items: other work (health checks, Discord) gets its turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
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
    await measure((it) => pool.extract(it), items.slice(0, 300), threads);
    const rows: Array<[string, Measured]> = [
      ['in process (the main thread)', await measure((it) => builtin.extract(it), items, 1)],
      ['pool, one item at a time (one feed)', await measure((it) => pool.extract(it), items, 1)],
      [`pool, ${threads * 2} items in flight (several feeds)`, await measure((it) => pool.extract(it), items, threads * 2)],
    ];
    // Items as large as the bounds let through (src/core/bounds.ts): what one item can cost.
    const large = Array.from({ length: 20 }, (_, i) => largeItem(i));
    rows.push(
      ['in process, items at the bounds (30,000-character bodies)', await measure((it) => builtin.extract(it), large, 1)],
      ['pool, items at the bounds', await measure((it) => pool.extract(it), large, threads)],
    );
    console.log('| extraction | items/s (wall) | event loop: worst delay |');
    console.log('|---|---|---|');
    for (const [what, m] of rows) console.log(`| ${what} | ${m.itemsPerSecond.toLocaleString('en-US')} | ${m.loopDelayMaxMs} ms |`);
  } finally {
    await pool.close();
  }
}
