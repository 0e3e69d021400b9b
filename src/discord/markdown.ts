// Text that came from a feed (titles, summaries, evidence, names, outlets, links) goes into Discord
// markdown. Whatever a feed wrote must read there as the text it is: never a masked link, a
// mention, formatting, or a line whose letters are silently reordered or hidden. Pure string
// work (no discord.js), shared by the alert embed and the slash commands' replies.

import { plainText } from '../notify/plain-text.js';

// Every character Discord reads as markup: emphasis, code, spoilers, quotes, headings, masked
// links, and `<` that opens mentions, channels, roles, timestamps, emoji and command links.
const MARKUP = /[\\*_~`|[\]<>#]/g;

/**
 * One line of feed text, safe to place anywhere in a message or embed: plain (see plainText),
 * every markup character backslash-escaped, a list marker at the start escaped, and
 * `@everyone` / `@here` broken with a zero-width space so that they neither ping nor render.
 */
export function escapeText(text: string | null | undefined): string {
  return plainText(text)
    .replace(MARKUP, '\\$&')
    .replace(/^[-+](?= )/, '\\$&')
    .replace(/^(\d{1,9})\.(?= )/, '$1\\.')
    .replace(/@(everyone|here)\b/gi, '@\u200b$1');
}

// What may end or break the target of a masked link, percent-encoded: brackets, parentheses,
// angle brackets, quotes, backslash, backtick, pipe and whitespace.
const LINK_BREAKERS = /[()[\]<>"'\\`|\s]/g;

/**
 * A URL fit to be the target of `[label](url)` or an embed's url: http(s) only (anything else
 * gives null), without credentials, and with every character that could close the link or open
 * another one percent-encoded.
 */
export function linkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.username = '';
  u.password = '';
  return u.href.replace(LINK_BREAKERS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[label](url)` with the label escaped and the URL made safe; the label alone when the URL is not http(s). */
export function maskedLink(label: string, url: string | null | undefined): string {
  const target = linkTarget(url);
  const text = escapeText(label) || 'source';
  return target ? `[${text}](${target})` : text;
}
