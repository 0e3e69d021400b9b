// Feed text as plain text, for every target (the console's lines and JSON, and underneath
// Discord's markdown escaping in src/discord/markdown.ts): no markup of any platform here.

// Control characters (other than tab, newline and carriage return, which are whitespace), every
// default-ignorable code point (soft hyphen, bidi marks, embeddings, overrides and isolates,
// zero-width spaces and joiners, invisible fillers, variation selectors, the BOM, tag letters)
// and the interlinear annotation marks.
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Default_Ignorable_Code_Point}\ufff9-\ufffb]/gu;

/** Feed text as one plain line: invisible and direction-changing characters gone, spaces collapsed. */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The outlet an item came from: the feed's name, else the link's host, else "source". Plain text. */
export function outletName(url: string | null, feed: string | null): string {
  const named = plainText(feed);
  if (named) return named;
  if (!url) return 'source';
  try {
    return new URL(url).hostname.replace(/^www\./, '') || 'source';
  } catch {
    return 'source';
  }
}
