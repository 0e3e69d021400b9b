import { decodeEntities } from './entities.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)(?:[^<>A-Za-z0-9][^<>]*)?>/g;
const BLOCK = /^(p|div|li|h\d|blockquote|pre|tr)$/i;
const INLINE = /^(a|b|i|u|s|em|strong|span|code|sup|sub|small|mark|abbr|cite|q|time|font|big|tt|kbd|var|ins|del)$/i;

// Text with nothing to strip, decode or fold (most titles): only trimmed.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[<\u0000-\u001f\u007f\u00a0]| {2}|&(#|[A-Za-z][A-Za-z0-9]*;)/;

/** HTML (or plain text that may carry entities) to readable plain text. */
export function stripHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  if (!NEEDS_WORK.test(html)) return html.trim() || null;
  let text = html;
  if (text.includes('<')) {
    // One pass over the tags: block ends become paragraph breaks, other tags a space.
    // Inline formatting vanishes as a browser shows it ("<b>TOPIC</b>: x" is "TOPIC: x").
    text = dropBlocks(text).replace(TAG, (_m, slash: string, name: string) =>
      (slash && BLOCK.test(name)) || /^br$/i.test(name) ? '\n\n' : INLINE.test(name) ? '' : ' ');
  }
  text = decodeEntities(text, null);
  if (CONTROL_TEST.test(text)) text = text.replace(CONTROL, '');
  text = text
    .replace(/[ \t\u00a0\r]+/g, ' ')
    // A blank line (or more) is a paragraph break; a single line break is a space.
    .replace(/ ?\n[ \n]*/g, (m) => (m.indexOf('\n') !== m.lastIndexOf('\n') ? '\n\n' : ' '))
    .trim();
  return text || null;
}

const BLOCK_START = /<!--|<(script|style)\b/gi;

/**
 * Drops comments, scripts and styles in one linear pass (a lazy regex would rescan the rest of
 * the text for every unclosed `<script`, which a hostile feed could use to stall the poller).
 */
function dropBlocks(text: string): string {
  if (!/<!--|<script|<style/i.test(text)) return text;
  const lower = text.toLowerCase();
  let out = '';
  let pos = 0;
  BLOCK_START.lastIndex = 0;
  for (let m = BLOCK_START.exec(text); m; m = BLOCK_START.exec(text)) {
    const close = m[0] === '<!--' ? '-->' : `</${m[1]!.toLowerCase()}`;
    const end = lower.indexOf(close, m.index + m[0].length);
    out += `${text.slice(pos, m.index)} `;
    if (end === -1) return out; // unclosed: the rest is script or comment
    const gt = close === '-->' ? end + 3 : lower.indexOf('>', end) + 1 || text.length;
    pos = gt;
    BLOCK_START.lastIndex = gt;
  }
  return out + text.slice(pos);
}

/** One line of plain text: a title, a name. */
export function cleanLine(text: string | null | undefined): string {
  const t = stripHtml(text) ?? '';
  return t.includes('\n') ? t.replace(/\s+/g, ' ').trim() : t;
}

/** A headline for an item that has none: its first sentence, cut at a word. */
export function synthesizeTitle(text: string | null | undefined, max = 120): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!line) return '';
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
