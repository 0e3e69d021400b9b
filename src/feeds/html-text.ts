import { decodeEntities } from './entities.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** HTML (or plain text that may carry entities) to readable plain text. */
export function stripHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  let text = html;
  if (text.includes('<')) {
    text = text
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/(p|div|li|h\d|blockquote|pre|tr)\s*>|<br\s*\/?>/gi, '\n\n')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  }
  text = decodeEntities(text, null)
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0\r]+/g, ' ')
    .replace(/ *\n[\s]*\n\s*/g, '\n\n')
    .replace(/ *\n */g, ' ')
    .trim();
  return text || null;
}

/** One line of plain text: a title, a name. */
export function cleanLine(text: string | null | undefined): string {
  return (stripHtml(text) ?? '').replace(/\s+/g, ' ').trim();
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
