import { plainCik } from './header.js';

/** Where EDGAR is: sec.gov and data.sec.gov, or a mirror / test server standing in for them. */
export interface EdgarBases {
  baseUrl: string;
  dataUrl: string;
}

export const EDGAR: EdgarBases = { baseUrl: 'https://www.sec.gov', dataUrl: 'https://data.sec.gov' };

const trim = (u: string): string => {
  let end = u.length;
  while (end > 0 && u[end - 1] === '/') end--;
  return u.slice(0, end);
};

/** The latest-filings Atom feed of one form type (8-K includes 8-K/A and the other 8-K variants). */
export const latestFilingsUrl = (b: EdgarBases, form = '8-K', count = 100): string =>
  `${trim(b.baseUrl)}/cgi-bin/browse-edgar?action=getcurrent&type=${encodeURIComponent(form)}&company=&dateb=&owner=include&start=0&count=${count}&output=atom`;

/** Every listed company's ticker and CIK. */
export const tickersUrl = (b: EdgarBases): string => `${trim(b.baseUrl)}/files/company_tickers.json`;

export const submissionsUrl = (b: EdgarBases, cik: string): string =>
  `${trim(b.dataUrl)}/submissions/CIK${plainCik(cik).padStart(10, '0')}.json`;

export const archiveUrl = (b: EdgarBases, cik: string, accession: string, file: string): string =>
  `${trim(b.baseUrl)}/Archives/edgar/data/${plainCik(cik)}/${accession.replace(/-/g, '')}/${file}`;

export const indexPageUrl = (b: EdgarBases, cik: string, accession: string): string => archiveUrl(b, cik, accession, `${accession}-index.htm`);

/** A link to www.sec.gov or data.sec.gov as the configured bases (listings carry absolute sec.gov links). */
export function rebase(url: string, b: EdgarBases): string {
  const swap = (from: string, to: string) => (url.startsWith(from) && trim(to) !== from ? trim(to) + url.slice(from.length) : null);
  return swap(EDGAR.baseUrl, b.baseUrl) ?? swap(EDGAR.dataUrl, b.dataUrl) ?? url;
}

/** "0001045810-26-000024" from an accession in any of EDGAR's spellings, or null. */
export function accessionIn(text: string): string | null {
  const dashed = /\b(\d{10}-\d{2}-\d{6})\b/.exec(text);
  if (dashed) return dashed[1]!;
  const bare = /\/(\d{10})(\d{2})(\d{6})(?:\/|$)/.exec(text);
  return bare ? `${bare[1]}-${bare[2]}-${bare[3]}` : null;
}
