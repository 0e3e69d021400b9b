import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extractor } from '../../src/core/change.js';
import { createEventMerger } from '../../src/core/events/merger.js';
import type { FeedEntry } from '../../src/feeds/types.js';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { createDelivery } from '../../src/notify/delivery.js';
import { createItemProcessor, type PoisonNotice } from '../../src/pipeline/process-item.js';
import { openSqliteStores } from '../../src/store/open-sqlite.js';
import { captureLogger } from '../discord/harness.js';

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'execwatch-pipeline-')), 'execwatch.db');

/** The item path as the app wires it, on a real SQLite file, with the given extractor and targets. */
export async function openPipeline(opts: { extractor: Extractor; targets: AlertTarget[]; path?: string }) {
  const { path, db, opened } = openSqliteStores(opts.path ?? tempDbPath());
  const { stores, work } = opened;
  const now = () => new Date('2026-11-03T12:00:00Z');
  const logs = captureLogger();
  const feed = await stores.feeds.upsert({ url: 'https://feeds.example/news.xml', name: 'Example News' }, now().toISOString());
  const delivery = createDelivery({ targets: opts.targets, store: stores.deliveries, logger: logs.logger, now });
  const poisoned: PoisonNotice[] = [];
  const processor = createItemProcessor({
    work, items: stores.items, changes: stores.changes, extractor: opts.extractor, delivery,
    events: createEventMerger({ repository: stores.events, now }),
    logger: logs.logger, now, minConfidence: 0.5,
    onPoisonItem: (n) => void poisoned.push(n),
  });
  return {
    path, db, stores, work, feed, delivery, poisoned, logs: logs.lines,
    process: (entry: FeedEntry) => processor.process(entry, feed, false),
    close: () => opened.close(),
  };
}

export const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  id: 'https://news.example/acme-ceo',
  title: 'Acme Robotics names Jane Doe CEO as John Roe steps down',
  summary: 'Acme Robotics said on Tuesday that Jane Doe will succeed John Roe as chief executive officer. Roe is retiring after ten years.',
  content: null,
  url: 'https://news.example/acme-ceo',
  publishedAt: '2026-11-03T08:00:00.000Z',
  ...over,
});

/** A target that records what it is sent; `hold` keeps each post open until released (a slow Discord). */
export function recordingTarget(id: string, opts: { hold?: boolean } = {}) {
  const sent: Alert[] = [];
  const waiting: Array<() => void> = [];
  let released = false;
  const target: AlertTarget = {
    id,
    async send(alert) {
      sent.push(alert);
      if (opts.hold && !released) await new Promise<void>((resolve) => waiting.push(resolve));
      return null;
    },
  };
  const release = (): void => {
    released = true;
    for (const go of waiting.splice(0)) go();
  };
  return { target, sent, release };
}
