import { readFile } from 'node:fs/promises';
import type { Extractor, LeadershipChange } from '../core/change.js';
import { decodeFeedBytes } from '../feeds/decode.js';
import { analyseFiling, type FilingAnalysis } from './analyse.js';
import type { SecClient } from './client.js';
import { EDGAR, type EdgarBases } from './edgar-urls.js';
import { extractFilingChanges } from './filing-extractor.js';
import type { FilingHeader } from './header.js';
import { parseIndexPage } from './index-page.js';

/** What `execwatch sec inspect` reports about one filing document. */
export interface FilingReport {
  ok: boolean;
  company: string | null;
  cik: string | null;
  form: string | null;
  filed: string | null;
  items: string[];
  /** The Item 5.02 section as it stands in the filing, or null. */
  section: string | null;
  changes: LeadershipChange[];
  error: string | null;
  /** What was read, for the human-readable output. */
  analysis: FilingAnalysis | null;
}

export interface InspectOptions {
  extractor: Extractor | null;
  /** Needed for URLs: EDGAR is read only with the declared User-Agent and the rate limit. */
  client?: SecClient | null;
  bases?: EdgarBases;
  /** Largest local file read. */
  maxBytes?: number;
}

const failed = (error: string): FilingReport => ({ ok: false, company: null, cik: null, form: null, filed: null, items: [], section: null, changes: [], error, analysis: null });

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** A filing index page links to the document; the document itself is read as it is. */
async function fetchFiling(url: string, client: SecClient, bases: EdgarBases): Promise<{ text: string; listing: Partial<FilingHeader>; url: string }> {
  const res = await client.get(url, { accept: 'text/html, text/plain' });
  const text = decodeFeedBytes(res.body, String(res.headers['content-type'] ?? '')).text;
  if (!/-index\.html?$/i.test(new URL(res.finalUrl).pathname)) return { text, listing: {}, url: res.finalUrl };
  const index = parseIndexPage(text, res.finalUrl, bases);
  const doc = index.documentUrl ?? index.submissionUrl;
  if (!doc) throw new Error('the index page names no primary document');
  const docRes = await client.get(doc, { accept: 'text/html, text/plain' });
  return {
    text: decodeFeedBytes(docRes.body, String(docRes.headers['content-type'] ?? '')).text,
    listing: { form: index.form, filed: index.filed, items: index.items, company: index.company, cik: index.cik },
    url: doc,
  };
}

/** Reads one filing (a local file in any EDGAR form, or a URL) and extracts its Item 5.02 changes. */
export async function inspectFiling(target: string, opts: InspectOptions): Promise<FilingReport> {
  let text: string;
  let listing: Partial<FilingHeader> = {};
  let url: string | null = null;
  try {
    if (isUrl(target)) {
      if (!opts.client) return failed('reading a URL needs a User-Agent with a contact e-mail address: set sec.userAgent in the config or pass --user-agent');
      ({ text, listing, url } = await fetchFiling(target, opts.client, opts.bases ?? EDGAR));
    } else {
      const bytes = await readFile(target);
      if (opts.maxBytes && bytes.length > opts.maxBytes) return failed(`${target} is ${bytes.length} bytes, more than the ${opts.maxBytes} allowed`);
      text = decodeFeedBytes(bytes).text;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return failed(code ? `cannot read ${target}: ${code}` : (err as Error).message);
  }
  const analysis = analyseFiling(text, listing);
  let changes: LeadershipChange[] = [];
  try {
    changes = await extractFilingChanges(analysis, opts.extractor, { itemId: target, url, feed: null });
  } catch (err) {
    return { ...reportOf(analysis, []), ok: false, error: `extraction failed: ${(err as Error).message}` };
  }
  return reportOf(analysis, changes);
}

const reportOf = (a: FilingAnalysis, changes: LeadershipChange[]): FilingReport => ({
  ok: true,
  company: a.company,
  cik: a.cik,
  form: a.form,
  filed: a.filed,
  items: a.items,
  section: a.section,
  changes,
  error: null,
  analysis: a,
});
