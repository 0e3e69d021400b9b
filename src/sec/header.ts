import { itemFromTitle, parseItemList } from './items.js';

/** What EDGAR says about a filing, from its header or a listing. */
export interface FilingHeader {
  accession: string | null;
  form: string | null;
  /** ISO date (YYYY-MM-DD) the filing was filed. */
  filed: string | null;
  /** Item numbers ("5.02", "9.01"). */
  items: string[];
  /** The first filer's conformed name, as EDGAR spells it ("WALT DISNEY CO/"). */
  company: string | null;
  cik: string | null;
}

export const emptyHeader = (): FilingHeader => ({ accession: null, form: null, filed: null, items: [], company: null, cik: null });

/** "20081027" -> "2008-10-27". */
export function edgarDate(raw: string | null | undefined): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec((raw ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A CIK without its leading zeros ("0001045810" -> "1045810"). */
export const plainCik = (raw: string): string => raw.replace(/^0+(?=\d)/, '');

/**
 * The header of a complete submission, in either form EDGAR writes it: the `.txt` one
 * (`COMPANY CONFORMED NAME:` lines, items as titles) or the dissemination one of `.nc` files and
 * `-index-headers.html` (`<CONFORMED-NAME>` tags, items as numbers).
 */
export function parseHeader(text: string): FilingHeader {
  const h = emptyHeader();
  const line = (key: string): string | null => {
    const m = new RegExp(`^[ \\t]*${key}:[ \\t]*(.*)$`, 'm').exec(text);
    return m?.[1]?.trim() || null;
  };
  const tag = (name: string): string | null => {
    const m = new RegExp(`<${name}>([^<\\r\\n]*)`).exec(text);
    return m?.[1]?.trim() || null;
  };
  h.accession = line('ACCESSION NUMBER') ?? tag('ACCESSION-NUMBER');
  h.form = line('CONFORMED SUBMISSION TYPE') ?? tag('TYPE');
  h.filed = edgarDate(line('FILED AS OF DATE') ?? tag('FILING-DATE'));
  h.company = line('COMPANY CONFORMED NAME') ?? tag('CONFORMED-NAME');
  const cik = line('CENTRAL INDEX KEY') ?? tag('CIK');
  h.cik = cik && /^\d+$/.test(cik) ? plainCik(cik) : null;
  const numbers = [...text.matchAll(/<ITEMS>([^<\r\n]*)/g)].flatMap((m) => parseItemList(m[1]));
  const titled = [...text.matchAll(/^[ \t]*ITEM INFORMATION:[ \t]*((?:[^ \t\n\r\u2028\u2029].*)?)$/gm)]
    .map((m) => itemFromTitle(m[1] ?? ''))
    .filter((x): x is string => x !== null);
  h.items = [...new Set(numbers.length ? numbers : titled)];
  return h;
}
