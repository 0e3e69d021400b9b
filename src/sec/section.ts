import { ITEM_502, normaliseItem } from './items.js';

// Item headings in an 8-K's text, and the Item 5.02 section: from its heading to the next
// item's heading, a "Section N" heading, or the signature block, whichever comes first.

// "Item 5.02", "ITEM 5.02.", "Item 5.02(e)", "Item5.02:", "Item 5.2" — the rest of the line follows.
const NEW_HEADING = /^items?[\s\u00a0]*(\d{1,2})[\s\u00a0]*\.[\s\u00a0]*(\d{1,2})(?!\d|\.\d)(.*)$/i;
// Before August 2004: "Item 5. Other Events", "ITEM 7 -- FINANCIAL STATEMENTS".
const OLD_HEADING = /^item[\s\u00a0]*(\d{1,2})(?![\d.]\d)/i;
const SECTION_HEADING = /^section[\s\u00a0]+\d{1,2}[\s\u00a0]*[.:\-–—]+[\s\u00a0]*[A-Z]/;
const SIGNATURES = /^(?:signatures?|signature page)[\s.:]*$/i;
const PURSUANT = /^pursuant to the requirements of the securities exchange act/i;
const EXHIBIT_INDEX = /^exhibit index[\s.:]*$/i;

/**
 * Whether what follows "Item N.NN" makes the line a heading rather than a reference to the item
 * ("…under Item 5.02 of Form 8-K" wrapped onto a new line): nothing, a sub-item marker, or a
 * title starting with a capital.
 */
function headingRest(rest: string): boolean {
  const r = rest.replace(/^[\s\u00a0]+/, '');
  if (!r || /^[.:;\-–—)]*$/.test(r)) return true;
  if (/^\(?[a-g]\)/i.test(r)) return true;
  const title = r.replace(/^[.:;\-–—,\s\u00a0]+/, '');
  return /^[A-Z(“"]/.test(title) && !/^(?:of|and|to|in|under|above|below|hereof)\b/i.test(title);
}

const skipWhile = (s: string, i: number, re: RegExp): number => {
  let j = i;
  while (j < s.length && re.test(s[j]!)) j++;
  return j;
};

/**
 * "Item 5. Other Events": the number and the title after the spaces and punctuation. A scan,
 * not `[\s]*[.:-]*[\s]*(.*)$`, whose runs trade characters with the title and backtrack.
 */
function oldHeading(text: string): { item: string; title: string } | null {
  const m = OLD_HEADING.exec(text);
  if (!m) return null;
  let i = skipWhile(text, m[0].length, /\s/);
  i = skipWhile(text, i, /[.:\-–—]/);
  i = skipWhile(text, i, /\s/);
  const title = text.slice(i);
  // The title runs to the end of the text on one line.
  return /[\n\r\u2028\u2029]/.test(title) ? null : { item: m[1]!, title };
}

export interface ItemHeading {
  line: number;
  /** "5.02"; an old-style single number ("5") before the 2004 numbering. */
  item: string;
  numbering: 'current' | 'old';
}

/** "Item" alone on a line and the number on the next (a heading split over table cells). */
function headingText(lines: readonly string[], i: number): string {
  const line = lines[i] ?? '';
  if (/^items?[.:]?$/i.test(line) && /^\d{1,2}\.\d/.test(lines[i + 1] ?? '')) return `${line} ${lines[i + 1]}`;
  return line;
}

/** Every item heading in the document, in order. */
export function findItemHeadings(lines: readonly string[]): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = headingText(lines, i);
    if (!/^items?\b|^items?\d/i.test(text)) continue;
    const cur = NEW_HEADING.exec(text);
    if (cur) {
      const item = normaliseItem(`${cur[1]}.${cur[2]}`);
      if (item && headingRest(cur[3] ?? '')) out.push({ line: i, item, numbering: 'current' });
      continue;
    }
    const old = oldHeading(text);
    if (old && /^[A-Z]/.test(old.title) && !/^(?:of|and|to|in|under)\b/i.test(old.title)) {
      out.push({ line: i, item: old.item, numbering: 'old' });
    }
  }
  return out;
}

export interface Section {
  /** The first line (the heading) and one past the last line. */
  start: number;
  end: number;
  text: string;
}

const endsSection = (line: string): boolean =>
  SIGNATURES.test(line) || PURSUANT.test(line) || EXHIBIT_INDEX.test(line) || SECTION_HEADING.test(line);

// A page number or a page marker between the item's last paragraph and what follows.
const PAGE_FURNITURE = /^(?:-?\s*\d{1,3}\s*-?|page \d{1,3}(?: of \d{1,3})?|<page>|table of contents)$/i;

function sectionFrom(lines: readonly string[], headings: readonly ItemHeading[], start: number): Section {
  const nextItem = headings.find((h) => h.line > start && h.numbering === 'current' && h.item !== ITEM_502);
  let end = nextItem ? nextItem.line : lines.length;
  for (let i = start + 1; i < end; i++) {
    if (endsSection(lines[i] ?? '')) {
      end = i;
      break;
    }
  }
  while (end > start + 1 && ((lines[end - 1] ?? '') === '' || PAGE_FURNITURE.test(lines[end - 1] ?? ''))) end--;
  return { start, end, text: lines.slice(start, end).join('\n') };
}

// A heading with a sentence under it, not a line of a table of contents.
const hasBody = (lines: readonly string[], s: Section): boolean =>
  lines.slice(s.start + 1, s.end).some((l) => l.split(' ').length >= 8 && !NEW_HEADING.test(l));

/** The Item 5.02 section, or null when the document has no Item 5.02 heading. */
export function findItem502(lines: readonly string[], headings = findItemHeadings(lines)): Section | null {
  const candidates = headings.filter((h) => h.numbering === 'current' && h.item === ITEM_502);
  if (!candidates.length) return null;
  const sections = candidates.map((h) => sectionFrom(lines, headings, h.line));
  return sections.find((s) => hasBody(lines, s)) ?? sections[0]!;
}
