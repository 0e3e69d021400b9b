import { cleanName, coverPageName, coverReportDate, displayName, findDefinitions } from './company.js';
import { parseFilingDocument, type FilingFormat } from './document.js';
import type { FilingHeader } from './header.js';
import { isAmendment, ITEM_502, NUMBERING_SINCE } from './items.js';
import { prepareSection } from './prepare.js';
import { findItem502, findItemHeadings } from './section.js';

/** Everything read from one filing before extraction. */
export interface FilingAnalysis {
  format: FilingFormat;
  /** EDGAR's conformed name when known (header or listing), else the cover page's. */
  company: string | null;
  /** The name changes are attributed to ("Nuance Communications, Inc."). */
  organization: string | null;
  cik: string | null;
  form: string | null;
  filed: string | null;
  /** The cover page's date of the earliest event reported (ISO), when it gives one. */
  reportDate: string | null;
  accession: string | null;
  items: string[];
  /** 'old': the filing uses the item numbers of before August 2004 ("Item 5. Other Events"). */
  numbering: 'current' | 'old';
  amendment: boolean;
  /** The Item 5.02 section as it stands in the document (heading to next item or signatures). */
  section: string | null;
  /** The section as prose for extraction: empty when it is only about pay or boilerplate. */
  prepared: string;
  /** Sentences left out as pay-only or boilerplate. */
  dropped: number;
}

/**
 * Reads a filing in any of its forms. `listing` is what discovery already knows (the index
 * page or the submissions JSON): it fills what a bare primary document cannot say.
 */
export function analyseFiling(raw: string, listing: Partial<FilingHeader> = {}): FilingAnalysis {
  const doc = parseFilingDocument(raw);
  const h = doc.header;
  const headings = findItemHeadings(doc.lines);
  const filed = h.filed ?? listing.filed ?? null;
  const current = headings.filter((x) => x.numbering === 'current').map((x) => x.item);
  const old = headings.filter((x) => x.numbering === 'old').map((x) => x.item);
  // Headers of filings made before the 2004 numbering give item titles that map to today's numbers wrongly.
  const headerItems = filed && filed < NUMBERING_SINCE ? [] : h.items;
  const listed = headerItems.length ? headerItems : listing.items ?? [];
  const numbering = (filed && filed < NUMBERING_SINCE) || (!current.length && old.length) ? 'old' : 'current';
  const items = listed.length ? listed : numbering === 'old' ? [...new Set(old)] : [...new Set(current)];
  const cover = coverPageName(doc.lines);
  const conformed = h.company ?? listing.company ?? null;
  const form = h.form ?? listing.form ?? null;
  const section = numbering === 'current' ? findItem502(doc.lines, headings) : null;
  const sectionLines = section ? doc.lines.slice(section.start, section.end) : [];
  const body = doc.lines.join('\n');
  const organization = displayName({
    definitions: findDefinitions(body.slice(0, 200_000), cover ?? conformed),
    cover,
    conformed,
    text: body.slice(0, 200_000),
  });
  const prepared = section ? prepareSection(sectionLines, doc.markup, organization) : { text: '', dropped: 0 };
  return {
    format: doc.format,
    company: conformed ? cleanName(conformed) : cover,
    organization,
    cik: h.cik ?? listing.cik ?? null,
    form,
    filed,
    reportDate: coverReportDate(doc.lines),
    accession: h.accession ?? listing.accession ?? null,
    items: section && !items.includes(ITEM_502) ? [...items, ITEM_502].sort() : items,
    numbering,
    amendment: form ? isAmendment(form) : false,
    section: section?.text ?? null,
    prepared: prepared.text,
    dropped: prepared.dropped,
  };
}
