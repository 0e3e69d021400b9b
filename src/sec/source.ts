import type { Extractor } from '../core/change.js';
import type { MergeItemOptions } from '../core/events/merger.js';
import type { Logger } from '../core/log.js';
import { decodeFeedBytes } from '../feeds/decode.js';
import { FeedError, type FeedEntry, type FeedReader, type FeedReadResult } from '../feeds/types.js';
import type { ItemOutcome, ItemProcessor, Triage } from '../pipeline/process-item.js';
import type { FeedRecord } from '../ports/feeds.js';
import type { SecFilingRecord, SecFilingStore } from '../ports/sec-filings.js';
import { analyseFiling, type FilingAnalysis } from './analyse.js';
import type { SecClient } from './client.js';
import { ListingError, mayReport502, parseLatestFilings, parseSubmissions, parseTickers, type FilingCandidate } from './discovery.js';
import { latestFilingsUrl, submissionsUrl, tickersUrl, type EdgarBases } from './edgar-urls.js';
import { extractFilingChanges } from './filing-extractor.js';
import { parseIndexPage } from './index-page.js';
import { isAmendment, ITEM_502 } from './items.js';

// EDGAR as a feed the scheduler polls: discovery (the latest-filings Atom feed, the watch list's
// submissions) is the feed's "read", each filing that may report Item 5.02 an entry; processing
// an entry fetches the filing, finds the section and sends it through the item pipeline with
// the filing extractor, so storage, event merging and alerts are the news items' own.

/** The scheduler's record for the EDGAR source (a pseudo-URL: the poller routes it here). */
export const SEC_FEED_URL = 'sec-edgar:8-K';
export const SEC_FEED_NAME = 'SEC EDGAR 8-K';
export const isSecFeed = (url: string): boolean => url.startsWith('sec-edgar:');

const ENTRY_PREFIX = 'sec:';
export const filingItemId = (accession: string): string => `${ENTRY_PREFIX}${accession}`;

export interface SecSourceOptions {
  bases: EdgarBases;
  latestFilings: boolean;
  /** CIKs or tickers. */
  companies: readonly string[];
  lookbackDays: number;
}

/** The item pipeline for one filing: its extractor and how its changes merge. */
export type FilingProcessor = (extractor: Extractor, mergeOptions: (item: unknown) => MergeItemOptions) =>
  (entry: FeedEntry, feed: FeedRecord, baseline: boolean) => Promise<ItemOutcome>;

export interface SecSourceDeps {
  options: SecSourceOptions;
  client: SecClient;
  filings: SecFilingStore;
  /** The configured extractor (built-in or LLM) the filing extractor calls. */
  extractor: Extractor;
  processFiling: FilingProcessor;
  logger: Logger;
  now: () => Date;
}

type Validators = Record<string, { etag: string | null; lastModified: string | null }>;

function readValidators(token: string | null | undefined): Validators {
  try {
    const v: unknown = token ? JSON.parse(token) : {};
    return v && typeof v === 'object' ? (v as Validators) : {};
  } catch {
    return {};
  }
}

const DAY_MS = 86_400_000;
const TICKERS_TTL_MS = DAY_MS;

export function createSecSource(deps: SecSourceDeps) {
  const { options: o, client } = deps;
  // Candidates of the last read, by entry id: what the listing said about each filing.
  const pending = new Map<string, FilingCandidate>();
  let tickers: { map: Map<string, string>; at: number } | null = null;

  async function cikOf(company: string): Promise<string | null> {
    if (/^\d+$/.test(company)) return company;
    if (!tickers || deps.now().getTime() - tickers.at > TICKERS_TTL_MS) {
      const res = await client.get(tickersUrl(o.bases), { accept: 'application/json' });
      tickers = { map: parseTickers(res.body.toString('utf8')), at: deps.now().getTime() };
    }
    const cik = tickers.map.get(company.toUpperCase()) ?? null;
    if (!cik) deps.logger.warn({ ticker: company }, 'sec: no CIK for this ticker in company_tickers.json; check sec.companies');
    return cik;
  }

  /** One listing, conditionally: its candidates, or null when it has not changed. */
  async function list(url: string, validators: Validators, next: Validators, parse: (body: Buffer) => FilingCandidate[]): Promise<FilingCandidate[] | null> {
    const res = await client.get(url, { ...validators[url], accept: url.includes('output=atom') ? 'application/atom+xml' : 'application/json' });
    next[url] = { etag: res.etag, lastModified: res.lastModified };
    return res.status === 304 ? null : parse(res.body);
  }

  const reader: FeedReader = {
    async read(req): Promise<FeedReadResult> {
      const validators = readValidators(req.etag);
      const next: Validators = {};
      const found: FilingCandidate[] = [];
      let changed = false;
      if (o.latestFilings) {
        const got = await list(latestFilingsUrl(o.bases), validators, next, (b) => parseLatestFilings(b, o.bases));
        if (got) {
          changed = true;
          found.push(...got);
        }
      }
      const since = new Date(deps.now().getTime() - o.lookbackDays * DAY_MS).toISOString().slice(0, 10);
      for (const company of o.companies) {
        try {
          const cik = await cikOf(company);
          if (!cik) continue;
          const got = await list(submissionsUrl(o.bases, cik), validators, next, (b) => parseSubmissions(b.toString('utf8'), o.bases, { since, cik }));
          if (got) {
            changed = true;
            found.push(...got);
          }
        } catch (err) {
          // EDGAR asking us to wait stops the whole read; one company's bad listing does not.
          if (err instanceof FeedError && (err.retryAfterSeconds !== null || err.kind !== 'http')) throw err;
          if (!(err instanceof FeedError || err instanceof ListingError)) throw err;
          deps.logger.warn({ company, err: err.message }, 'sec: cannot read a watched company\'s submissions');
        }
      }
      const meta = { etag: JSON.stringify(next), lastModified: null, maxAgeSeconds: null, httpStatus: 200, finalUrl: SEC_FEED_URL };
      if (!changed) return { status: 'not-modified', ...meta };
      const entries = new Map<string, FeedEntry>();
      for (const c of found) {
        const id = filingItemId(c.accession);
        if (!mayReport502(c) || entries.has(id)) continue;
        pending.set(id, { ...c, ...(pending.get(id) ?? {}), documentUrl: c.documentUrl ?? pending.get(id)?.documentUrl ?? null });
        entries.set(id, {
          id,
          title: `${c.company ?? `CIK ${c.cik}`} ${c.form} ${c.accession}`,
          summary: c.items.length ? `Items ${c.items.join(', ')}` : null,
          content: null,
          url: c.documentUrl ?? c.indexUrl,
          publishedAt: c.filed ? `${c.filed}T00:00:00.000Z` : null,
        });
      }
      // Newest first, as feeds list them (the poller processes oldest first).
      const newest = [...entries.values()].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
      return { status: 'ok', feed: { format: 'atom', version: null, title: SEC_FEED_NAME, link: null, encoding: null, entries: newest }, ...meta };
    },
  };

  const record = (c: FilingCandidate, fields: Partial<SecFilingRecord> & Pick<SecFilingRecord, 'status'>): Promise<void> =>
    deps.filings.save({
      accession: c.accession, itemId: null, cik: c.cik, company: c.company, form: c.form, filedAt: c.filed, items: c.items,
      indexUrl: c.indexUrl, documentUrl: c.documentUrl, sectionChars: null, preparedChars: null, droppedSentences: null,
      changeCount: 0, note: null, seenAt: deps.now().toISOString(), ...fields,
    });

  /** The index page fills in what the listing left out: the primary document, items, date. */
  async function complete(c: FilingCandidate): Promise<FilingCandidate> {
    if (c.documentUrl && c.items.length) return c;
    if (!c.indexUrl) throw new FeedError('parse', `filing ${c.accession}: no index page or document to read`);
    const res = await client.get(c.indexUrl, { accept: 'text/html' });
    const index = parseIndexPage(decodeFeedBytes(res.body, String(res.headers['content-type'] ?? '')).text, c.indexUrl, o.bases);
    return {
      ...c,
      form: index.form ?? c.form,
      filed: c.filed ?? index.filed,
      items: c.items.length ? c.items : index.items,
      company: c.company ?? index.company,
      cik: c.cik ?? index.cik,
      documentUrl: c.documentUrl ?? index.documentUrl ?? index.submissionUrl,
    };
  }

  async function readDocument(c: FilingCandidate): Promise<FilingAnalysis> {
    const res = await client.get(c.documentUrl!, { accept: 'text/html, text/plain' });
    const { text } = decodeFeedBytes(res.body, String(res.headers['content-type'] ?? ''));
    return analyseFiling(text, { accession: c.accession, form: c.form, filed: c.filed, items: c.items, company: c.company, cik: c.cik });
  }

  const listedOf = (entry: FeedEntry): FilingCandidate => {
    const accession = entry.id.slice(ENTRY_PREFIX.length);
    return pending.get(entry.id) ?? { accession, cik: null, company: null, form: '8-K', filed: entry.publishedAt?.slice(0, 10) ?? null, items: [], indexUrl: entry.url, documentUrl: null };
  };

  // The cheap first look: no request to EDGAR is made here.
  async function triageOne(entry: FeedEntry, baseline: boolean): Promise<Triage> {
    if (await deps.filings.get(entry.id.slice(ENTRY_PREFIX.length))) return { kind: 'done', outcome: { kind: 'seen' } };
    if (!baseline) return { kind: 'read', entry, attempt: 1 };
    await record(listedOf(entry), { status: 'baseline', note: 'listed before this source was first read: recorded without reading' });
    return { kind: 'done', outcome: { kind: 'baseline' } };
  }

  async function processItem(entry: FeedEntry, feed: FeedRecord, baseline: boolean): Promise<ItemOutcome> {
    const first = await triageOne(entry, baseline);
    return first.kind === 'done' ? first.outcome : readFiling(entry, feed);
  }

  async function readFiling(entry: FeedEntry, feed: FeedRecord): Promise<ItemOutcome> {
    const accession = entry.id.slice(ENTRY_PREFIX.length);
    const listed = listedOf(entry);
    let c = listed;
    let analysis: FilingAnalysis;
    try {
      c = await complete(listed);
      if (c.items.length && !c.items.includes(ITEM_502)) {
        await record(c, { status: 'no-502', note: `items ${c.items.join(', ')}: no Item 5.02` });
        return { kind: 'processed', changes: 0, alerts: 0 };
      }
      if (!c.documentUrl) throw new FeedError('parse', 'the index page names no primary document');
      analysis = await readDocument(c);
    } catch (err) {
      // Being told to wait, or a network fault, fails the poll (retried later); a filing that
      // is not there or cannot be read is recorded as failed and not asked for again.
      const permanent = err instanceof FeedError ? err.retryAfterSeconds === null && (err.kind === 'parse' || (err.kind === 'http' && (err.httpStatus ?? 0) < 500)) : false;
      if (!permanent) throw err;
      await record(c, { status: 'failed', note: (err as Error).message });
      deps.logger.warn({ accession, err: (err as Error).message }, 'sec: cannot read a filing');
      return { kind: 'failed', error: (err as Error).message };
    }
    if (!analysis.section) {
      await record(c, { status: 'no-502', items: analysis.items, note: analysis.numbering === 'old' ? 'pre-2004 item numbering: not read' : 'no Item 5.02 heading in the document' });
      return { kind: 'processed', changes: 0, alerts: 0 };
    }
    const form = analysis.form ?? c.form;
    const filing = { form, accession, filed: analysis.filed ?? c.filed, items: analysis.items };
    const extractor: Extractor = {
      name: `${deps.extractor.name}+sec`,
      extract: () => extractFilingChanges(analysis, deps.extractor, { itemId: entry.id, url: c.documentUrl, feed: SEC_FEED_NAME }),
    };
    // An amendment repeats or completes what its original reported: it confirms an event, never starts an alert.
    const run = deps.processFiling(extractor, () => ({ filing, silent: isAmendment(form) }));
    const outcome = await run({
      id: entry.id,
      title: `${analysis.organization ?? c.company ?? 'Unknown registrant'}: SEC ${form}, Item 5.02 (${accession})`,
      summary: null,
      content: analysis.section,
      url: c.documentUrl,
      publishedAt: filing.filed ? `${filing.filed}T00:00:00.000Z` : entry.publishedAt,
    }, feed, false);
    await record(c, {
      status: outcome.kind === 'failed' ? 'failed' : 'read',
      itemId: entry.id,
      form,
      company: analysis.company ?? c.company,
      items: analysis.items,
      sectionChars: analysis.section.length,
      preparedChars: analysis.prepared.length,
      droppedSentences: analysis.dropped,
      changeCount: outcome.kind === 'processed' ? outcome.changes : 0,
      note: outcome.kind === 'failed' ? outcome.error : !analysis.prepared ? 'Item 5.02 is only about pay or boilerplate' : null,
    });
    pending.delete(entry.id);
    return outcome;
  }

  const items: ItemProcessor = {
    async triage(entries, _feed, baseline) {
      const out: Triage[] = [];
      for (const e of entries) out.push(await triageOne(e, typeof baseline === 'function' ? baseline(e) : baseline));
      return out;
    },
    read: (entry, feed) => readFiling(entry, feed),
    process: processItem,
  };
  return { reader, processItem, items };
}
export type SecSource = ReturnType<typeof createSecSource>;
