import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import { explainFiling, filingLine } from '../../src/sec/explain.js';
import type { SecFilingRecord } from '../../src/ports/sec-filings.js';
import { writeTestConfig } from '../support/config-file.js';
import { startEdgarServer, type EdgarServer } from '../support/edgar-server.js';
import { OWN_DIR, readFiling } from './support.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: { LOG_LEVEL: 'silent', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the sec config section', () => {
  it('is off by default', () => {
    expect(parseConfig('', 'x.yaml').sec).toMatchObject({ enabled: false, userAgent: null, intervalMinutes: 10, companies: [], maxRequestsPerSecond: 10 });
  });

  it('refuses to enable the source without a User-Agent with a contact e-mail, naming the key', () => {
    expect(() => parseConfig('sec:\n  enabled: true\n', 'x.yaml')).toThrow(/sec\.userAgent: expected a User-Agent with a contact e-mail address/);
    expect(() => parseConfig('sec:\n  enabled: true\n  userAgent: execwatch/0.1\n', 'x.yaml')).toThrow(/sec\.userAgent: .*found string "execwatch\/0\.1"/);
    expect(parseConfig('sec:\n  enabled: true\n  userAgent: "Acme Research ops@acme.example"\n  companies: [320193, aapl]\n', 'x.yaml').sec)
      .toMatchObject({ enabled: true, companies: ['320193', 'aapl'] });
  });

  it('refuses more than 10 requests a second, unknown keys and bad watch-list entries', () => {
    expect(() => parseConfig('sec:\n  maxRequestsPerSecond: 20\n', 'x.yaml')).toThrow(/sec\.maxRequestsPerSecond/);
    expect(() => parseConfig('sec:\n  company: [AAPL]\n', 'x.yaml')).toThrow(/sec\.company: unknown key/);
    expect(() => parseConfig('sec:\n  companies: ["not a ticker"]\n', 'x.yaml')).toThrow(/sec\.companies\.0: expected a CIK \(digits\) or a ticker/);
  });
});

describe('execwatch sec inspect', () => {
  let server: EdgarServer;
  beforeAll(async () => {
    server = await startEdgarServer();
    server.set('/Archives/edgar/data/1/000000000126000001/0000000001-26-000001-index.htm', `<div id="formName"><strong>Form 8-K/A</strong></div>
<div class="infoHead">Filing Date</div><div class="info">2024-04-10</div><div class="infoHead">Items</div><div class="info">Item 5.02: x<br /></div>
<table><tr><td scope="row">1</td><td scope="row">8-K/A</td><td scope="row"><a href="/ix?doc=/Archives/edgar/data/1/000000000126000001/doc.htm">doc.htm</a></td><td scope="row">8-K/A</td><td>1</td></tr></table>
<span class="companyName">LANTERNFISH ROBOTICS INC (Filer) CIK</acronym>: <a href="#">0000000001</a></span>`);
    server.set('/Archives/edgar/data/1/000000000126000001/doc.htm', readFiling(join(OWN_DIR, 'own-01-cfo-appointed.html')));
  });
  afterAll(() => server?.close());

  it('prints { ok, company, cik, form, filed, items, section, changes, error } for a local file', async () => {
    const r = await run(['sec', 'inspect', join(OWN_DIR, 'own-09-not-standing.nc.txt'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['ok', 'company', 'cik', 'form', 'filed', 'items', 'section', 'changes', 'error']);
    expect(json).toMatchObject({ ok: true, company: 'MAPLE RIDGE FINANCIAL GROUP INC', cik: '9999998', form: '8-K', filed: '2024-03-05', items: ['5.02'], error: null });
    expect(json.section).toMatch(/^Item 5\.02 Departure/);
    expect(json.changes).toEqual([expect.objectContaining({ person: 'Linda Black', direction: 'out', organization: 'Maple Ridge Financial Group, Inc.' })]);
  });

  it('explains an old "Item 5" filing in words and finds no section', async () => {
    const r = await run(['sec', 'inspect', join(OWN_DIR, 'own-15-old-item5.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/items: {4}5, 7 \(the numbering before August 2004: there was no Item 5\.02; not read\)/);
    expect(r.out).toMatch(/no Item 5\.02 section/);
  });

  it('reads a filing by its index page URL over HTTP with the declared User-Agent', async () => {
    const { path } = writeTestConfig({ feeds: [], extra: { sec: { userAgent: 'Tests tests@execwatch.example', baseUrl: server.url, dataUrl: server.url } } });
    const r = await run(['sec', 'inspect', `${server.url}/Archives/edgar/data/1/000000000126000001/0000000001-26-000001-index.htm`, '--json', '--config', path]);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: true, form: '8-K/A', filed: '2024-04-10', items: ['5.02'], changes: [expect.objectContaining({ person: 'Jane Doe', direction: 'in' })] });
    expect(server.log.map((l) => l.userAgent)).toEqual(['Tests tests@execwatch.example', 'Tests tests@execwatch.example']);
  });

  it('refuses a URL without a User-Agent, and reports an unreadable file in JSON', async () => {
    const url = await run(['sec', 'inspect', `${server.url}/x.htm`, '--config', writeTestConfig({ feeds: [] }).path]);
    expect(url.code).toBe(2);
    expect(url.err).toMatch(/needs a User-Agent with a contact e-mail address/);
    const missing = await run(['sec', 'inspect', '/nonexistent/filing.htm', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: 'cannot read /nonexistent/filing.htm: ENOENT', changes: [] });
  });
});

describe('/why on filings', () => {
  const record: SecFilingRecord = {
    accession: '0000019617-26-000241', itemId: 'sec:0000019617-26-000241', cik: '19617', company: 'JPMORGAN CHASE & CO', form: '8-K', filedAt: '2026-06-25',
    items: ['5.02', '9.01'], indexUrl: null, documentUrl: null, status: 'read', sectionChars: 4040, preparedChars: 2000, droppedSentences: 12, changeCount: 6, note: null, seenAt: '2026-06-25T20:00:00Z',
  };

  it('says what was read and found, or why nothing was', () => {
    expect(explainFiling(record).join(' ')).toMatch(/SEC 8-K of JPMORGAN CHASE & CO, filed 2026-06-25 \(items 5\.02, 9\.01\)\. Its Item 5\.02 section was read .*12 sentences about pay or boilerplate left out.*6 changes found/);
    expect(explainFiling({ ...record, status: 'no-502', items: ['7.01'], note: 'items 7.01: no Item 5.02' }).join(' ')).toMatch(/reports no Item 5\.02/);
    expect(explainFiling({ ...record, form: '8-K/A' }).join(' ')).toMatch(/amendment: its changes confirm/);
  });

  it('names the filing that confirmed a news event', () => {
    const source = (filing: boolean) => ({ itemId: 'x', url: filing ? 'https://www.sec.gov/doc.htm' : 'https://a.example/n', feed: null, outlet: 'o', title: null, publishedAt: null, evidence: 'e', confidence: 1, personName: 'p', roleTitle: 'r', organizationName: 'o', separately: false, filing: filing ? { form: '8-K', accession: 'a', filed: '2026-06-25', items: ['5.02'] } : null });
    expect(filingLine({ sources: [source(false), source(true)] })).toBe('  ↳ confirmed by SEC filing: [SEC 8-K, Item 5.02](https://www.sec.gov/doc.htm), filed 2026-06-25');
    expect(filingLine({ sources: [source(true)] })).toBe('  ↳ from [SEC 8-K, Item 5.02](https://www.sec.gov/doc.htm), filed 2026-06-25');
    expect(filingLine({ sources: [source(false)] })).toBeNull();
  });
});
