// Feed-derived text (names, titles, outlets) goes into Discord markdown: escaped so that it can
// neither format a message nor smuggle in a link, and kept on one line. A minimal local version
// of what src/notify is gaining; fold the two together when the layers are restructured.

const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;
const MARKDOWN = /[\\*_~`|<>[\]()#@:-]/g;

/** Text that Discord shows exactly as given: every markdown character backslash-escaped. */
export function escapeMarkdown(text: string, max = 200): string {
  const flat = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return clipped.replace(MARKDOWN, '\\$&');
}

/**
 * A URL safe inside `[text](<url>)`: http(s) only, parsed and re-serialised, with the characters
 * that could close the link percent-encoded; null for anything else.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A masked link whose preview Discord does not unfurl, or the escaped text alone without a usable URL. */
export function markdownLink(text: string, url: string | null | undefined): string {
  const safe = safeUrl(url);
  const label = escapeMarkdown(text, 80);
  return safe ? `[${label}](<${safe}>)` : label;
}
