import { emptyHeader, parseHeader, type FilingHeader } from './header.js';
import { htmlToLines, looksLikeHtml, textToLines } from './html-text.js';
import { isCurrentReport } from './items.js';

/** How the filing came: a complete submission, one of its documents, or a bare document. */
export type FilingFormat = 'submission' | 'nc' | 'html' | 'ixbrl' | 'text';

/** A filing's primary document as text lines, with what its header says (when it has one). */
export interface FilingDocument {
  format: FilingFormat;
  /** Whether the primary document was HTML (lines are blocks) or plain text (hard-wrapped). */
  markup: 'html' | 'text';
  /** The submission's header; a bare document has none (all null) but may name its form. */
  header: FilingHeader;
  lines: string[];
}

const lowerIndex = (lower: string, needle: string, from = 0) => lower.indexOf(needle, from);

/** The body of a `<TEXT>` part: from after the tag to `</TEXT>` (or the end). */
function textPart(doc: string, lower: string): string {
  const start = lowerIndex(lower, '<text>');
  if (start === -1) return doc;
  const end = lowerIndex(lower, '</text>', start);
  return doc.slice(start + 6, end === -1 ? doc.length : end);
}

/**
 * The submission's primary document: the first `<DOCUMENT>` whose `<TYPE>` is the form (or any
 * 8-K type), else the first one. Exhibits, XBRL and uuencoded graphics are never read.
 */
function primaryDocument(raw: string, form: string | null): { body: string; type: string | null } {
  const lower = raw.toLowerCase();
  let first: { body: string; type: string | null } | null = null;
  for (let at = lowerIndex(lower, '<document>'); at !== -1;) {
    const next = lowerIndex(lower, '<document>', at + 10);
    const end = lowerIndex(lower, '</document>', at);
    const stop = end !== -1 && (next === -1 || end < next) ? end : next === -1 ? raw.length : next;
    const doc = raw.slice(at, stop);
    const type = /<TYPE>([^<\r\n]*)/i.exec(doc.slice(0, 2000))?.[1]?.trim() ?? null;
    const part = { body: textPart(doc, doc.toLowerCase()), type };
    if (type && ((form && type.toUpperCase() === form.toUpperCase()) || isCurrentReport(type))) return part;
    first ??= part;
    at = next;
  }
  return first ?? { body: raw, type: null };
}

function toLines(body: string): { markup: 'html' | 'text'; lines: string[] } {
  // Plain-text documents may still carry the SGML page markers of old filings.
  if (looksLikeHtml(body)) return { markup: 'html', lines: htmlToLines(body) };
  return { markup: 'text', lines: textToLines(body) };
}

/** Reads any of the forms a filing comes in (see FilingFormat) into its primary document. */
export function parseFilingDocument(raw: string): FilingDocument {
  const head = raw.slice(0, 200_000);
  const headerEnd = head.search(/<\/SEC-HEADER>|<DOCUMENT>/i);
  const isSubmission = /<SEC-DOCUMENT>|<SEC-HEADER>/i.test(head.slice(0, 5000));
  const isNc = !isSubmission && /^\s*<SUBMISSION>/i.test(head);
  if (isSubmission || isNc) {
    const header = parseHeader(head.slice(0, headerEnd === -1 ? head.length : headerEnd));
    const primary = primaryDocument(raw, header.form);
    const { markup, lines } = toLines(primary.body);
    return { format: isNc ? 'nc' : 'submission', markup, header, lines };
  }
  // One document of a submission (`<DOCUMENT><TYPE>8-K…<TEXT>`), or a bare document.
  let body = raw;
  const header = emptyHeader();
  if (/^\s*<DOCUMENT>/i.test(head)) {
    const primary = primaryDocument(raw, null);
    body = primary.body;
    header.form = primary.type;
  }
  const { markup, lines } = toLines(body);
  const ixbrl = markup === 'html' && /<ix:(?:header|nonnumeric)\b/i.test(body);
  return { format: markup === 'text' ? 'text' : ixbrl ? 'ixbrl' : 'html', markup, header, lines };
}
