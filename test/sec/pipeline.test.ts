import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { latestFilingsUrl } from '../../src/sec/edgar-urls.js';
import { buildRssFeed, type RssItemSpec } from '../support/builders.js';
import { writeTestConfig } from '../support/config-file.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { startEdgarServer, type EdgarServer } from '../support/edgar-server.js';
import { startFeedServer } from '../support/feed-server.js';

// An 8-K and two news reports of the same appointment are one event and one alert, in either
// order: the alert is edited once to show the filing ("Confirmed by SEC filing"). Real SQLite
// file, real loopback feed and EDGAR servers, the Discord emulator, `execwatch once`.

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const today = () => new Date().toISOString().slice(0, 10);
const CIK = '9990001';
const ACC = '0009990001-26-000042';
const FOLDER = `/Archives/edgar/data/${CIK}/${ACC.replace(/-/g, '')}`;

const quietA: RssItemSpec = { title: 'Startup raises $40 million for battery recycling', link: 'https://a.example/battery', guid: 'a1', pubDate: hoursAgo(30).toUTCString() };
const quietB: RssItemSpec = { title: 'Apple unveils a new iPad with a faster chip', link: 'https://b.example/ipad', guid: 'b1', pubDate: hoursAgo(30).toUTCString() };
const newsA = (): RssItemSpec => ({
  title: 'Acme Robotics names Jane Doe chief executive officer', link: 'https://a.example/acme-ceo', guid: 'a2', pubDate: hoursAgo(3).toUTCString(),
  description: 'Acme Robotics said on Tuesday it has named Jane Doe as its chief executive officer, effective immediately.',
});
const newsB = (): RssItemSpec => ({
  title: 'Acme Robotics appoints Jane Doe as CEO', link: 'https://b.example/news/acme', guid: 'b2', pubDate: hoursAgo(2).toUTCString(),
  description: 'The robot maker appointed Jane Doe as CEO on Tuesday.',
});

/** Our own 8-K for the appointment, and an index page in EDGAR's layout that links it. */
const document = () => `<html><body><p style="text-align:center">ACME ROBOTICS, INC.</p><p>(Exact name of registrant as specified in its charter)</p>
<p><b>Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.</b></p>
<p>(c) On ${today()}, the Board of Directors of Acme Robotics, Inc. (the &#8220;Company&#8221;) appointed Jane Doe as Chief Executive Officer of the Company, effective immediately.</p>
<p>There are no arrangements or understandings between Ms. Doe and any other person pursuant to which she was appointed.</p>
<p><b>Item 9.01 Financial Statements and Exhibits.</b></p><p><b>SIGNATURES</b></p></body></html>`;
const indexPage = () => `<html><body><div id="formName"><strong>Form 8-K</strong> - Current report:</div>
<div class="infoHead">Filing Date</div><div class="info">${today()}</div>
<div class="infoHead">Items</div><div class="info">Item 5.02: Departure of Directors or Certain Officers<br />Item 9.01: Financial Statements and Exhibits<br /></div>
<table class="tableFile"><tr><th>Seq</th><th>Description</th><th>Document</th><th>Type</th><th>Size</th></tr>
<tr><td scope="row">1</td><td scope="row">8-K</td><td scope="row"><a href="/ix?doc=${FOLDER}/acme-8k.htm">acme-8k.htm</a></td><td scope="row">8-K</td><td scope="row">9000</td></tr></table>
<span class="companyName">ACME ROBOTICS INC (Filer) <acronym title="Central Index Key">CIK</acronym>: <a href="#">000${CIK} (see all company filings)</a></span></body></html>`;
const atomEntry = (accession: string, company: string, cik: string, items: string[]) => `<entry><title>8-K - ${company} (000${cik}) (Filer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/${accession}-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; ${today()} &lt;b&gt;AccNo:&lt;/b&gt; ${accession}${items.map((i) => `&lt;br&gt;Item ${i}: x`).join('')}</summary>
<updated>${new Date().toISOString()}</updated><id>urn:tag:sec.gov,2008:accession-number=${accession}</id></entry>`;
const atom = (entries: string[]) => `<?xml version="1.0" encoding="ISO-8859-1" ?><feed xmlns="http://www.w3.org/2005/Atom"><title>Latest Filings</title><id>x</id><updated>${new Date().toISOString()}</updated>${entries.join('')}</feed>`;
const quietFiling = atomEntry('0009990002-26-000001', 'QUIET CORP', '9990002', ['7.01']);

function setup() {
  const ctx = {} as { feeds: Awaited<ReturnType<typeof startFeedServer>>; edgar: EdgarServer; discord: DiscordEmulator; configPath: string; dataDir: string; run: () => Promise<number>; atomPath: string };
  beforeAll(async () => {
    ctx.feeds = await startFeedServer();
    ctx.edgar = await startEdgarServer();
    ctx.discord = await startDiscordEmulator();
    const hook = ctx.discord.createWebhook('alerts');
    const written = writeTestConfig({
      feeds: [{ name: 'Outlet A', url: `${ctx.feeds.url}/a.xml` }, { name: 'Outlet B', url: `${ctx.feeds.url}/b.xml` }],
      extra: { sec: { enabled: true, userAgent: 'execwatch tests ops@execwatch.example', baseUrl: ctx.edgar.url, dataUrl: ctx.edgar.url } },
    });
    ctx.configPath = written.path;
    ctx.dataDir = written.dataDir;
    ctx.atomPath = latestFilingsUrl({ baseUrl: ctx.edgar.url, dataUrl: ctx.edgar.url }).slice(ctx.edgar.url.length);
    ctx.edgar.set(`${FOLDER}/${ACC}-index.htm`, indexPage());
    ctx.edgar.set(`${FOLDER}/acme-8k.htm`, document());
    const env = { DISCORD_WEBHOOK_URL: hook.url, DISCORD_API_URL: ctx.discord.apiUrl, LOG_LEVEL: 'silent' };
    ctx.run = () => main(['once', '--config', ctx.configPath], { out: () => {}, err: () => {}, env });
    // The first read of every source records what is there without alerting.
    ctx.feeds.setFeed('/a.xml', buildRssFeed([quietA], 'Outlet A'));
    ctx.feeds.setFeed('/b.xml', buildRssFeed([quietB], 'Outlet B'));
    ctx.edgar.set(ctx.atomPath, atom([quietFiling]), 'application/atom+xml');
    expect(await ctx.run()).toBe(0);
  });
  afterAll(async () => {
    await ctx.feeds?.close();
    await ctx.edgar?.close();
    await ctx.discord?.close();
  });
  return ctx;
}

const posts = (d: DiscordEmulator) => d.requestsTo('POST', /^\/webhooks\//);
const edits = (d: DiscordEmulator) => d.requestsTo('PATCH', /^\/webhooks\/[^/]+\/[^/]+\/messages\//);
const text = (x: unknown) => JSON.stringify(x);

describe('an 8-K and two news reports of one appointment', () => {
  describe('news first', () => {
    const ctx = setup();

    it('posts once for the news, and edits once to show the filing when it comes', async () => {
      const { feeds, edgar, discord, run } = ctx;
      feeds.setFeed('/a.xml', buildRssFeed([newsA(), quietA], 'Outlet A'));
      expect(await run()).toBe(0);
      feeds.setFeed('/b.xml', buildRssFeed([newsB(), quietB], 'Outlet B'));
      expect(await run()).toBe(0);
      expect(posts(discord)).toHaveLength(1);
      expect(edits(discord)).toHaveLength(1);
      expect(text(discord.messagesIn('alerts'))).not.toMatch(/SEC 8-K/);

      edgar.set(ctx.atomPath, atom([atomEntry(ACC, 'ACME ROBOTICS INC', CIK, ['5.02', '9.01']), quietFiling]), 'application/atom+xml');
      expect(await run()).toBe(0);
      expect(posts(discord)).toHaveLength(1);
      expect(edits(discord)).toHaveLength(2);
      const [message] = discord.messagesIn('alerts');
      expect(discord.messagesIn('alerts')).toHaveLength(1);
      expect(text(message)).toContain('Confirmed by SEC filing');
      expect(text(message)).toContain(`[SEC 8-K, Item 5.02](${edgar.url}${FOLDER}/acme-8k.htm), filed ${today()}`);
      expect(text(message)).toContain('a.example/acme-ceo');

      // Nothing new: nothing posted or edited, and the filing is not read again.
      const reads = edgar.requests(FOLDER).length;
      expect(await run()).toBe(0);
      expect(posts(discord)).toHaveLength(1);
      expect(edits(discord)).toHaveLength(2);
      expect(edgar.requests(FOLDER)).toHaveLength(reads);

      const db = new Database(join(ctx.dataDir, 'execwatch.db'), { readonly: true });
      const events = db.prepare("SELECT json FROM events WHERE json NOT LIKE '%\"mergedInto\":\"%'").all() as Array<{ json: string }>;
      db.close();
      expect(events).toHaveLength(1);
      const event = JSON.parse(events[0]!.json) as { sources: Array<{ filing?: { form: string; accession: string } | null }> };
      expect(event.sources).toHaveLength(3);
      expect(event.sources.filter((s) => s.filing)).toEqual([expect.objectContaining({ filing: expect.objectContaining({ form: '8-K', accession: ACC }) })]);
    });
  });

  describe('filing first', () => {
    const ctx = setup();

    it('posts the filing as "SEC 8-K, Item 5.02", and the news reports edit it to "Confirmed by SEC filing"', async () => {
      const { feeds, edgar, discord, run } = ctx;
      edgar.set(ctx.atomPath, atom([atomEntry(ACC, 'ACME ROBOTICS INC', CIK, ['5.02', '9.01']), quietFiling]), 'application/atom+xml');
      expect(await run()).toBe(0);
      expect(posts(discord)).toHaveLength(1);
      const first = text(discord.messagesIn('alerts')[0]);
      expect(first).toContain('SEC 8-K, Item 5.02');
      expect(first).toContain(`filed ${today()}`);
      expect(first).not.toContain('Confirmed by SEC filing');
      expect(first).toContain('Jane Doe');
      expect(first).toContain('Acme Robotics, Inc.');

      feeds.setFeed('/a.xml', buildRssFeed([newsA(), quietA], 'Outlet A'));
      feeds.setFeed('/b.xml', buildRssFeed([newsB(), quietB], 'Outlet B'));
      expect(await run()).toBe(0);
      expect(posts(discord)).toHaveLength(1);
      expect(edits(discord).length).toBeGreaterThanOrEqual(1);
      expect(discord.messagesIn('alerts')).toHaveLength(1);
      expect(text(discord.messagesIn('alerts')[0])).toContain('Confirmed by SEC filing');
      expect((edits(discord)[0]?.body as { allowed_mentions?: { parse: string[] } }).allowed_mentions?.parse).toEqual([]);
    });
  });
});
