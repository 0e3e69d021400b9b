import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestConfig } from '../support/config-file.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { hostileThenChange, longDescription, oneWordTitle } from '../support/hostile-feeds.js';
import { consoleAlerted, probeHealth, startRunProcess, waitUntil } from '../support/run-process.js';

// The light version of `npm run test:stress` (scripts/stress.ts): smaller hostile items, one run.
describe('execwatch run with hostile items in its feeds', () => {
  let feeds: FeedServer;
  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.setFeed('/word.xml', hostileThenChange(oneWordTitle(200_000), 'after-word', 'Jane Doe'));
    feeds.setFeed('/long.xml', hostileThenChange(longDescription(3_000_000), 'after-long', 'Mary Major'));
  });
  afterAll(() => feeds?.close());

  it('keeps answering /healthz, alerts the next item of each feed, and stops on SIGTERM', async () => {
    const config = writeTestConfig({
      feeds: [{ name: 'Word', url: `${feeds.url}/word.xml` }, { name: 'Long', url: `${feeds.url}/long.xml` }],
      polling: { alertOnFirstPoll: true },
      extra: { http: { port: 0, host: '127.0.0.1' } },
    }).path;
    const run = await startRunProcess(config);
    const health = probeHealth(run.opsUrl);
    try {
      // Console alerts (one JSON line each, stdout being a pipe): one per feed, for the change
      // after the hostile item.
      await waitUntil('both changes alerted', () => (consoleAlerted(run.stdout(), 'Jane Doe') && consoleAlerted(run.stdout(), 'Mary Major') ? true : undefined), 90_000)
        .catch((err: Error) => {
          throw new Error(`${err.message}; the run said:\n${run.output().slice(-3000)}`);
        });
    } finally {
      const h = await health.stop();
      const stopped = await run.stop('SIGTERM');
      console.log(`hostile items: ${h.probes} health probes, slowest ${h.maxMs} ms, ${h.unanswered} unanswered; SIGTERM exit after ${stopped.ms} ms`);
      expect(h.unanswered).toBe(0);
      expect(stopped.code).toBe(0);
    }
  }, 150_000);
});
