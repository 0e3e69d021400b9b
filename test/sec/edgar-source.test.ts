import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createApp, type App } from '../../src/main.js';
import type { Alert, AlertTarget } from '../../src/notify/alert.js';
import { latestFilingsUrl } from '../../src/sec/edgar-urls.js';
import { SEC_FEED_URL } from '../../src/sec/source.js';
import { writeTestConfig } from '../support/config-file.js';
import { startEdgarServer, type EdgarServer } from '../support/edgar-server.js';
import { hasShared, sharedPath } from '../support/shared.js';
import { OWN_DIR } from './support.js';

// EDGAR discovery on a loopback server serving the real listings and filings of
// ../shared/fixtures/sec: the latest-filings Atom feed and a watch list's submissions JSON.

const SUITE = 'SEC EDGAR source';
const ready = hasShared(SUITE, ['fixtures', 'sec', 'listings'], ['fixtures', 'sec', 'filings']);
const listing = (f: string) => readFileSync(sharedPath('fixtures', 'sec', 'listings', f));
const filing = (f: string) => readFileSync(sharedPath('fixtures', 'sec', 'filings', f));
const UA = 'execwatch tests ops@execwatch.example';

function recordingTarget() {
  const sent: Alert[] = [];
  const edited: Alert[] = [];
  const target: AlertTarget = {
    id: 'record',
    async send(alert) {
      sent.push(alert);
      return `m${sent.length}`;
    },
    async edit(_id, alert) {
      edited.push(alert);
    },
  };
  return { target, sent, edited };
}

async function openTestApp(server: EdgarServer, sec: Record<string, unknown>, now: () => Date, polling: Record<string, unknown> = {}) {
  const { path } = writeTestConfig({ feeds: [], polling, extra: { sec: { enabled: true, userAgent: UA, baseUrl: server.url, dataUrl: server.url, ...sec } } });
  const rec = recordingTarget();
  const app = await createApp(loadConfig({ configPath: path, env: { LOG_LEVEL: 'silent' } }), { targets: [rec.target], now });
  return { app, ...rec };
}

/** An entry of EDGAR's latest-filings feed, as EDGAR writes it. */
const atomEntry = (form: string, company: string, cik: string, accession: string, items: string[], filed: string) => `<entry>
<title>${form} - ${company} (${cik.padStart(10, '0')}) (Filer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/${accession}-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; ${filed} &lt;b&gt;AccNo:&lt;/b&gt; ${accession} &lt;b&gt;Size:&lt;/b&gt; 40 KB${items.map((i) => `\n&lt;br&gt;Item ${i}: title`).join('')}
</summary>
<updated>${filed}T16:00:00-05:00</updated>
<category scheme="https://www.sec.gov/" label="form type" term="${form}"/>
<id>urn:tag:sec.gov,2008:accession-number=${accession}</id>
</entry>`;
const atom = (entries: string[]) => `<?xml version="1.0" encoding="ISO-8859-1" ?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>Latest Filings</title>\n<id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>\n<updated>2026-06-25T17:00:00-05:00</updated>\n${entries.join('\n')}\n</feed>\n`;

describe.runIf(ready)(SUITE, () => {
  let server: EdgarServer;
  beforeAll(async () => {
    server = await startEdgarServer();
  });
  afterAll(async () => server?.close());

  describe('from the latest-filings Atom feed', () => {
    let app: App;
    let rec: ReturnType<typeof recordingTarget>;
    const atomPath = () => latestFilingsUrl({ baseUrl: server.url, dataUrl: server.url }).slice(server.url.length);
    beforeAll(async () => {
      ({ app, ...rec } = await openTestApp(server, { companies: [] }, () => new Date('2026-06-26T12:00:00Z')));
    });
    afterAll(async () => app?.close());

    it('records what the feed lists on the first read without reading any filing', async () => {
      server.set(atomPath(), listing('getcurrent-count100-start300.atom.xml'), 'application/atom+xml');
      const [outcome] = await app.scheduler.pollAll();
      expect(outcome).toMatchObject({ feed: 'SEC EDGAR 8-K', status: 'ok' });
      expect(server.log.map((r) => r.path)).toEqual([atomPath()]);
      expect(server.log[0]!.userAgent).toBe(UA);
      // Of its 19 current reports only one lists Item 5.02 (an 8-K12B): the only one recorded.
      expect(await app.stores.filings.get('0001104659-26-002755')).toMatchObject({ status: 'baseline', form: '8-K12B', company: 'iRhythm Technologies, Inc.' });
      expect(await app.stores.filings.count()).toBe(1);
      expect(rec.sent).toHaveLength(0);
    });

    it('asks again conditionally and does nothing when the feed has not changed', async () => {
      const [outcome] = await app.scheduler.pollAll();
      expect(outcome).toMatchObject({ status: 'not-modified' });
      expect(server.log.at(-1)).toMatchObject({ path: atomPath(), status: 304 });
      expect(server.log.at(-1)!.ifNoneMatch).toMatch(/^"/);
    });

    it('reads new 8-Ks that list Item 5.02: index page, then the primary document; alerts their changes', async () => {
      server.set(atomPath(), atom([
        atomEntry('8-K', 'JPMORGAN CHASE & CO', '19617', '0000019617-26-000241', ['5.02', '9.01'], '2026-06-25'),
        atomEntry('8-K', 'NVIDIA CORP', '1045810', '0001045810-26-000024', ['5.02', '9.01'], '2026-03-06'),
        atomEntry('8-K', 'FIVE BELOW, INC', '1177609', '0001177609-26-000003', ['7.01', '9.01'], '2026-01-12'),
      ]), 'application/atom+xml');
      server.set('/Archives/edgar/data/19617/000001961726000241/0000019617-26-000241-index.htm', listing('index-0000019617-26-000241.html'));
      server.set('/Archives/edgar/data/19617/000001961726000241/jpm-20260624.htm', filing('0000019617-26-000241.html'));
      server.set('/Archives/edgar/data/1045810/000104581026000024/0001045810-26-000024-index.htm', listing('index-0001045810-26-000024.html'));
      server.set('/Archives/edgar/data/1045810/000104581026000024/nvda-20260302.htm', filing('0001045810-26-000024.html'));
      const before = server.log.length;
      const [outcome] = await app.scheduler.pollAll();
      expect(outcome).toMatchObject({ status: 'ok', newItems: 2, changes: 6 });
      const paths = server.log.slice(before).map((r) => r.path);
      expect(paths).toContain('/Archives/edgar/data/19617/000001961726000241/jpm-20260624.htm');
      expect(paths).toContain('/Archives/edgar/data/1045810/000104581026000024/nvda-20260302.htm');
      expect(paths.some((p) => p.includes('1177609'))).toBe(false); // 7.01 only: never fetched
      expect(await app.stores.filings.get('0000019617-26-000241')).toMatchObject({ status: 'read', changeCount: 6, itemId: 'sec:0000019617-26-000241', filedAt: '2026-06-25' });
      expect(await app.stores.filings.get('0001045810-26-000024')).toMatchObject({ status: 'read', changeCount: 0 }); // a pay plan: no change
      expect(rec.sent.length).toBeGreaterThanOrEqual(5);
      const lake = rec.sent.find((a) => a.change.person.name === 'Marianne Lake')!;
      expect(lake.change).toMatchObject({ direction: 'out', organization: { name: 'Consumer & Community Banking', parent: 'JPMorgan Chase & Co.' } });
      expect(lake.filing).toEqual({ form: '8-K', url: `${server.url}/Archives/edgar/data/19617/000001961726000241/jpm-20260624.htm`, filed: '2026-06-25', confirms: false });
      expect(await app.stores.feeds.getByUrl(SEC_FEED_URL)).toMatchObject({ lastError: null, disabled: false });
    });

    it('reads an 8-K/A but lets it start no alert (decision: amendments only confirm)', async () => {
      const folder = '/Archives/edgar/data/9999997/000999999724000014';
      server.set(atomPath(), atom([atomEntry('8-K/A', 'LANTERNFISH ROBOTICS INC', '9999997', '0009999997-24-000014', ['5.02'], '2026-06-26')]), 'application/atom+xml');
      server.set(`${folder}/0009999997-24-000014-index.htm`, `<div id="formName"><strong>Form 8-K/A</strong></div><table><tr><td scope="row">1</td><td scope="row">8-K/A</td><td scope="row"><a href="${folder}/lr8ka.htm">lr8ka.htm</a></td><td scope="row">8-K/A</td><td>1</td></tr></table>`);
      server.set(`${folder}/lr8ka.htm`, readFileSync(join(OWN_DIR, 'own-14-amendment.txt')));
      const sent = rec.sent.length;
      const [outcome] = await app.scheduler.pollAll();
      expect(outcome).toMatchObject({ status: 'ok', newItems: 1, changes: 1, alerts: 0 });
      expect(rec.sent).toHaveLength(sent);
      expect(await app.stores.filings.get('0009999997-24-000014')).toMatchObject({ status: 'read', form: '8-K/A', changeCount: 1 });
    });
  });

  describe('from a watch list (tickers and CIKs) and its submissions JSON', () => {
    let app: App;
    beforeAll(async () => {
      server.set('/files/company_tickers.json', JSON.stringify({ 0: { cik_str: 1045810, ticker: 'NVDA', title: 'NVIDIA CORP' }, 1: { cik_str: 320193, ticker: 'AAPL', title: 'Apple Inc.' } }), 'application/json');
      server.set('/submissions/CIK0001045810.json', listing('submissions-CIK0001045810.json'), 'application/json');
      server.set('/submissions/CIK0000320193.json', listing('submissions-CIK0000320193.json'), 'application/json');
      ({ app } = await openTestApp(server, { latestFilings: false, companies: ['NVDA', 320193], lookbackDays: 70 }, () => new Date('2026-03-05T12:00:00Z'), { alertOnFirstPoll: true }));
    });
    afterAll(async () => app?.close());

    it('resolves tickers, reads each company\'s recent 8-Ks listing Item 5.02 and only those', async () => {
      const before = server.log.length;
      const [outcome] = await app.scheduler.pollAll();
      expect(outcome).toMatchObject({ status: 'ok' });
      const paths = server.log.slice(before).map((r) => r.path);
      expect(paths.slice(0, 3)).toEqual(['/files/company_tickers.json', '/submissions/CIK0001045810.json', '/submissions/CIK0000320193.json']);
      // Within 70 days: NVIDIA's 5.02 filing of 2026-01-23 (the listing names its primary document), Apple's of 2026-01-02;
      // the 2.02 and 5.07 filings of the same weeks are not read.
      expect(paths.slice(3).sort()).toEqual([
        '/Archives/edgar/data/1045810/000104581026000003/nvda-20260120.htm',
        '/Archives/edgar/data/320193/000114036126000199/ef20060722_8k.htm',
      ]);
      // The documents are not on this server: recorded as failed, not asked for again.
      expect(await app.stores.filings.get('0001045810-26-000003')).toMatchObject({ status: 'failed', form: '8-K', items: ['5.02'], company: 'NVIDIA CORP' });
      const again = server.log.length;
      await app.scheduler.pollAll();
      // The tickers are kept for a day; the submissions are asked for conditionally.
      expect(server.log.slice(again).map((r) => [r.path, r.status])).toEqual([
        ['/submissions/CIK0001045810.json', 304],
        ['/submissions/CIK0000320193.json', 304],
      ]);
    });
  });
});
