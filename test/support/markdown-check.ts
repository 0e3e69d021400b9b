// Reads Discord message text the way Discord's markdown does, far enough to say what would
// render as markup: masked links, mentions and timestamps, emphasis, code, spoilers, headings.
// A backslash escapes the character after it. What execwatch itself writes is allowed by the
// caller (its source links, its timestamps, its channel mentions, its bold).

export interface MarkupAllowance {
  /** Masked-link targets execwatch may write (exact strings). */
  links?: (url: string) => boolean;
  /** `<…>` tokens execwatch may write (`<t:1762156800:R>`, `<#123>`), exactly. */
  tokens?: readonly string[];
  /** Unescaped `*` (execwatch's own bold in command replies). */
  bold?: boolean;
  /** A `> ` at the very start (the evidence quote). */
  quote?: boolean;
}

const SPECIAL = new Set(['[', ']', '<', '>', '*', '_', '~', '`', '|', '#']);
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** Everything in `text` that Discord would render as markup and the allowance does not cover. */
export function markupLeaks(text: string, allow: MarkupAllowance = {}): string[] {
  const leaks: string[] = [];
  const tokens = new Set(allow.tokens ?? []);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++; // the next character is literal
      continue;
    }
    if (INVISIBLE.test(ch) && !(ch === '\u200b' && text[i - 1] === '@')) leaks.push(`invisible U+${ch.codePointAt(0)!.toString(16)} at ${i}`);
    if (!SPECIAL.has(ch)) continue;
    const rest = text.slice(i);
    if (ch === '[') {
      const m = /^\[((?:\\.|[^\\[\]])*)\]\(([^()\s]*)\)/.exec(rest);
      if (m && allow.links?.(m[2]!)) {
        // The label is checked like any text; the target was allowed whole.
        leaks.push(...markupLeaks(m[1]!, { ...allow, quote: false }).map((l) => `in a link label: ${l}`));
        i += m[0].length - 1;
        continue;
      }
      leaks.push(`masked link or bracket at ${i}: ${rest.slice(0, 80)}`);
      continue;
    }
    if (ch === '<') {
      const m = /^<[^<>\s]*>/.exec(rest);
      if (m && tokens.has(m[0])) {
        i += m[0].length - 1;
        continue;
      }
      leaks.push(`mention, timestamp or angle bracket at ${i}: ${rest.slice(0, 40)}`);
      continue;
    }
    if (ch === '>' && i === 0 && allow.quote && text[1] === ' ') continue;
    if (ch === '*' && allow.bold) continue;
    leaks.push(`${ch} at ${i}: ${text.slice(Math.max(0, i - 20), i + 20)}`);
  }
  if (/@(everyone|here)/i.test(text)) leaks.push('@everyone or @here');
  return leaks;
}

/** The masked links (unescaped) in the text, as [label, url]. */
export function maskedLinks(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '[') continue;
    const m = /^\[((?:\\.|[^\\[\]])*)\]\(([^()\s]*)\)/.exec(text.slice(i));
    if (m) out.push([m[1]!, m[2]!]);
  }
  return out;
}
