import { z } from 'zod';
import { parseFeedBytes } from '../feeds/parse.js';
import { parseAtomTitle } from './atom-title.js';
import { cleanName } from './company.js';
import { accessionIn, archiveUrl, indexPageUrl, rebase, type EdgarBases } from './edgar-urls.js';
import { edgarDate, plainCik } from './header.js';
import { isCurrentReport, ITEM_502, parseItemList } from './items.js';

/** A filing a listing announced, with what the listing already says about it. */
export interface FilingCandidate {
  accession: string;
  cik: string | null;
  company: string | null;
  form: string;
  filed: string | null;
  /** Item numbers the listing gives; empty when it gives none (the filing's index tells). */
  items: string[];
  /** The filing's index page, when known. */
  indexUrl: string | null;
  /** The primary document, when the listing names it (submissions JSON does). */
  documentUrl: string | null;
}

/** Whether the filing may report Item 5.02: the listing says so, or says nothing about items. */
export const mayReport502 = (c: Pick<FilingCandidate, 'items'>): boolean => c.items.length === 0 || c.items.includes(ITEM_502);


/** The 8-K entries of EDGAR's latest-filings Atom feed (one per accession: co-registrants repeat). */
export function parseLatestFilings(bytes: Buffer, bases: EdgarBases): FilingCandidate[] {
  const feed = parseFeedBytes(bytes, { feedKey: 'sec:latest', maxBytes: bytes.length + 1 });
  const out = new Map<string, FilingCandidate>();
  for (const e of feed.entries) {
    const title = parseAtomTitle(e.title);
    if (!title || !isCurrentReport(title.form)) continue;
    const summary = e.summary ?? '';
    const accession = accessionIn(`${e.id} ${summary} ${e.url ?? ''}`);
    if (!accession || out.has(accession)) continue;
    out.set(accession, {
      accession,
      cik: plainCik(title.cik),
      company: cleanName(title.company),
      form: title.form.trim(),
      filed: edgarDate(/Filed:\s*(\d{4}-\d{2}-\d{2})/.exec(summary)?.[1]) ?? e.publishedAt?.slice(0, 10) ?? null,
      items: [...summary.matchAll(/\bItem\s+(\d{1,2}\.\d{2})\b/g)].map((m) => m[1]!),
      indexUrl: e.url ? rebase(e.url, bases) : null,
      documentUrl: null,
    });
  }
  return [...out.values()];
}

// data.sec.gov/submissions: `filings.recent` is columnar (one array per field); the overflow
// pages (`CIK…-submissions-001.json`) are that columnar object alone.
const Columns = z.looseObject({
  accessionNumber: z.array(z.string()),
  filingDate: z.array(z.string()),
  form: z.array(z.string()),
  items: z.array(z.string().nullable()).optional(),
  primaryDocument: z.array(z.string().nullable()).optional(),
});
const Company = z.looseObject({ cik: z.union([z.string(), z.number()]), name: z.string().nullable().optional(), filings: z.looseObject({ recent: Columns }) });
const Submissions = z.union([Company, Columns]);

export class ListingError extends Error {
  override readonly name = 'ListingError';
}

/** The current reports in a company's submissions filed on or after `since` (ISO date). */
export function parseSubmissions(text: string, bases: EdgarBases, opts: { since: string; cik?: string }): FilingCandidate[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ListingError(`the submissions listing is not JSON: ${(err as Error).message}`);
  }
  const parsed = Submissions.safeParse(json);
  if (!parsed.success) throw new ListingError(`the submissions listing has an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const data = parsed.data;
  const top = 'filings' in data ? (data as z.infer<typeof Company>) : null;
  const cols: z.infer<typeof Columns> = top ? top.filings.recent : (data as z.infer<typeof Columns>);
  const cik = top ? plainCik(String(top.cik)) : opts.cik ? plainCik(opts.cik) : null;
  const company = top?.name ? cleanName(top.name) : null;
  const out: FilingCandidate[] = [];
  cols.accessionNumber.forEach((accession, i) => {
    const form = cols.form[i] ?? '';
    const filed = edgarDate(cols.filingDate[i]);
    if (!isCurrentReport(form) || !filed || filed < opts.since) return;
    const doc = cols.primaryDocument?.[i];
    out.push({
      accession,
      cik,
      company,
      form,
      filed,
      items: parseItemList(cols.items?.[i]),
      indexUrl: cik ? indexPageUrl(bases, cik, accession) : null,
      documentUrl: cik && doc ? archiveUrl(bases, cik, accession, doc) : null,
    });
  });
  return out;
}

const Tickers = z.record(z.string(), z.looseObject({ cik_str: z.union([z.number(), z.string()]), ticker: z.string() }));

/** company_tickers.json: ticker (upper case) -> CIK. */
export function parseTickers(text: string): Map<string, string> {
  const parsed = Tickers.safeParse(JSON.parse(text));
  if (!parsed.success) throw new ListingError(`company_tickers.json has an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return new Map(Object.values(parsed.data).map((t) => [t.ticker.toUpperCase(), plainCik(String(t.cik_str))]));
}
