import { decodeEntities } from '../feeds/entities.js';
import { cleanName } from './company.js';
import { rebase, type EdgarBases } from './edgar-urls.js';
import { edgarDate, plainCik } from './header.js';
import { isCurrentReport } from './items.js';

/** What a filing's index page (`…-index.htm`) says: the form, date, items, filer and documents. */
export interface FilingIndex {
  form: string | null;
  filed: string | null;
  items: string[];
  company: string | null;
  cik: string | null;
  /** The primary document (the 8-K itself), absolute. */
  documentUrl: string | null;
  /** The complete submission text file, absolute. */
  submissionUrl: string | null;
}

/** Every `<…>` replaced by a space; an unclosed `<` and what follows it stay. */
function dropTags(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open + 1);
    if (close === -1) break;
    out += `${html.slice(from, open)} `;
    from = close + 1;
  }
  return out + html.slice(from);
}

const text = (html: string): string => decodeEntities(dropTags(html), null).replace(/\s+/g, ' ').trim();

function info(html: string, head: string): string | null {
  const m = new RegExp(`<div class="infoHead">\\s*${head}\\s*</div>\\s*<div class="info">([^]*?)</div>`, 'i').exec(html);
  return m ? m[1]! : null;
}

export function parseIndexPage(html: string, pageUrl: string, bases: EdgarBases): FilingIndex {
  const absolute = (href: string): string => rebase(new URL(href.replace(/^\/ix\?doc=/, ''), rebase(pageUrl, { baseUrl: 'https://www.sec.gov', dataUrl: 'https://data.sec.gov' })).href, bases);
  const form = /<div id="formName">\s*<strong>\s*Form\s([^<]+)<\/strong>/i.exec(html)?.[1] ?? /Type:\s*<strong>([^<]+)<\/strong>/i.exec(html)?.[1] ?? null;
  const items = [...text(info(html, 'Items') ?? '').matchAll(/\bItem\s+(\d{1,2}\.\d{2})\b/g)].map((m) => m[1]!);
  const company = /<span class="companyName">([^<(]+)/i.exec(html)?.[1];
  const cik = /CIK<\/acronym>:\s*<a[^>]*>\s*(\d{1,10})/i.exec(html)?.[1];
  let documentUrl: string | null = null;
  let submissionUrl: string | null = null;
  // Rows of the documents table: Seq, Description, Document (link), Type, Size.
  for (const row of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((c) => c[1]!);
    const href = /<a\s+href="([^"]+)"/i.exec(cells[2] ?? '')?.[1];
    if (!href) continue;
    const type = text(cells[3] ?? '');
    if (!documentUrl && type && isCurrentReport(type)) documentUrl = absolute(href);
    if (!submissionUrl && /complete submission/i.test(text(cells[1] ?? ''))) submissionUrl = absolute(href);
  }
  return {
    form: form?.trim() ?? null,
    filed: edgarDate(text(info(html, 'Filing Date') ?? '')),
    items,
    company: company ? cleanName(text(company)) : null,
    cik: cik ? plainCik(cik) : null,
    documentUrl,
    submissionUrl,
  };
}
