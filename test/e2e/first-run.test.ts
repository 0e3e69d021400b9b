import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createApp } from '../../src/main.js';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { captureLogger } from '../discord/harness.js';

// First run: a new feed's first poll alerts what was published in the last polling.backfillHours
// (48 by default) and only records the rest, and the log says what it did and when it polls next.

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toUTCString();
const appointment = (org: string, person: string, published: string | undefined): RssItemSpec => ({
  title: `${org} names ${person} chief executive officer`,
  link: `https://news.example/${org.toLowerCase()}-ceo`,
  guid: `${org}-ceo`,
  ...(published ? { pubDate: published } : {}),
  description: `${org} said it has named ${person} as its chief executive officer, effective immediately.`,
});
const items = [
  appointment('Acme', 'Jane Doe', hoursAgo(2)),
  appointment('Globex', 'John Smith', hoursAgo(30)),
  appointment('Initech', 'Ann Lee', hoursAgo(24 * 10)),
  appointment('Hooli', 'Raj Patel', undefined),
  appointment('Umbrella', 'Kim Park', new Date(Date.now() + 3 * 86_400_000).toUTCString()),
];

describe('the first poll of a feed', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.setFeed('/first.xml', buildRssFeed(items));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function firstPoll(polling: Record<string, unknown>, path = writeTestConfig({ feeds: [{ name: 'Wire', url: `${server.url}/first.xml` }], polling }).path) {
    const alerts: Alert[] = [];
    const target: AlertTarget = { id: 'capture', send: async (a) => (alerts.push(a), null) };
    const logs = captureLogger();
    const app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { logger: logs.logger, targets: [target] });
    try {
      await app.scheduler.pollAll();
      return { orgs: alerts.map((a) => a.change.organization.name).sort(), logs: logs.lines, feed: (await app.stores.feeds.list())[0]! };
    } finally {
      await app.close();
    }
  }

  it('alerts items of the last 48 hours by default and records the older, undated and future-dated ones', async () => {
    // undefined leaves the key out of the file: the schema's default applies.
    const { orgs, logs, feed } = await firstPoll({ backfillHours: undefined });
    expect(orgs).toEqual(['Acme', 'Globex']);
    const line = logs.find((l) => l.msg?.startsWith('first read of Wire'))!;
    expect(line.level).toBe('info');
    expect(line.obj).toMatchObject({ feed: 'Wire', items: 5, baseline: 3, read: 2, alerts: 2, nextPollAt: feed.nextPollAt });
    expect(line.msg).toContain(`3 items recorded as a baseline, 2 recent ones read (2 alerts); next poll at ${feed.nextPollAt}`);
  });

  it('backfillHours 0 records everything; alertOnFirstPoll alerts everything', async () => {
    expect((await firstPoll({ backfillHours: 0 })).orgs).toEqual([]);
    expect((await firstPoll({ alertOnFirstPoll: true })).orgs).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
  });

  it('after the database was lost, the first polls only record: what the old one posted is not posted again', async () => {
    const { path, dataDir } = writeTestConfig({ feeds: [{ name: 'Wire', url: `${server.url}/first.xml` }], polling: { backfillHours: 48 } });
    expect((await firstPoll({}, path)).orgs).toEqual(['Acme', 'Globex']);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `execwatch.db${suffix}`), { force: true });
    const again = await firstPoll({}, path);
    expect(again.orgs).toEqual([]);
    expect(again.logs.find((l) => l.msg?.startsWith('first read of Wire'))?.obj).toMatchObject({ baseline: 5, backfillHours: 0 });
  });
});
