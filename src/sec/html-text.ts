import iconv from 'iconv-lite';
import { decodeEntities } from '../feeds/entities.js';

// A filing's HTML as lines of plain text, laid out as a reader sees the page: every block
// (paragraph, div, table row, line break) starts a line, table cells of one row share a line,
// inline markup (spans, fonts, inline XBRL tags) vanishes without a space. The hidden inline
// XBRL header (`ix:header`, in a display:none div) holds facts no reader sees: it is dropped.

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'hr', 'blockquote', 'dd', 'dt', 'dl', 'body', 'html', 'title', 'section', 'article', 'page']);
const CELL = new Set(['td', 'th']);
// Whose content is never text on the page.
const SKIP = new Map([['ix:header', '</ix:header'], ['script', '</script'], ['style', '</style'], ['head', '</head'], ['!--', '-->']]);

// A comment opener first (its end is looked for separately), then tags, then declarations.
const TAG = /<!--|<(\/?)([A-Za-z][A-Za-z0-9:._-]*)(?:[^<>A-Za-z0-9:._-][^<>]*)?>|<[!?][^<>]*>/g;

// Old filings write Windows-1252 code points as references (`&#147;Company&#148;`), which
// decode to C1 controls: read them as browsers do, as the Windows-1252 characters.
const C1 = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252');
const fixC1 = (s: string): string => (/[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => {
  const mapped = C1[c.charCodeAt(0) - 0x80];
  return mapped && mapped !== '\ufffd' ? mapped : '';
}) : s);

/** HTML (or XHTML) to text lines; linear in the input, whatever its markup. */
export function htmlToLines(html: string): string[] {
  const lower = html.toLowerCase();
  const lines: string[] = [];
  let line = '';
  let pre = 0;
  const flush = () => {
    const t = line.replace(/[ \t\r\n\u00a0\u2002-\u200b]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const addText = (raw: string) => {
    if (!raw) return;
    const text = fixC1(decodeEntities(raw, null));
    if (pre > 0 && text.includes('\n')) {
      const parts = text.split(/\r?\n/);
      parts.forEach((p, i) => {
        if (i > 0) flush();
        line += p;
      });
      return;
    }
    line += text;
  };
  let pos = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    addText(html.slice(pos, m.index));
    pos = m.index + m[0].length;
    if (m[0] !== '<!--' && m[2] === undefined) continue; // <!DOCTYPE …>, <?xml …?>
    const name = m[0] === '<!--' ? '!--' : m[2]!.toLowerCase();
    const closing = m[1] === '/';
    const skipTo = !closing ? SKIP.get(name) : undefined;
    if (skipTo && !(name !== '!--' && m[0].endsWith('/>'))) {
      const end = lower.indexOf(skipTo, pos);
      if (end === -1) {
        pos = html.length;
        break;
      }
      const gt = skipTo === '-->' ? end + 3 : lower.indexOf('>', end) + 1 || html.length;
      pos = gt;
      TAG.lastIndex = gt;
      continue;
    }
    if (name === 'pre') {
      flush();
      pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (BLOCK.has(name)) flush();
    else if (CELL.has(name) && !closing) line += ' ';
  }
  addText(html.slice(pos));
  flush();
  return lines;
}

/**
 * Plain text to lines, trimmed; a blank line (a paragraph break in a hard-wrapped text) stays as
 * one empty line.
 */
export function textToLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n|\r/)) {
    const l = raw.replace(/[ \t\u00a0\f]+/g, ' ').trim();
    if (l || (out.length && out[out.length - 1] !== '')) out.push(l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** Whether a document body is HTML (or XHTML / inline XBRL) rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(html|body|p|div|table|font|xbrl)\b/i.test(text.slice(0, 20_000));
}
