/**
 * A title folded so that a feed re-publishing an item under a new guid is still recognised:
 * accents, case and punctuation dropped, a trailing " - Publisher" and a leading "UPDATE:" too.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(updated?|breaking( news)?|exclusive|corrected|correction|watch|video|live)\s*[:|–—-]\s*/u, '')
    .replace(/(?<!\s)\s+[-|–—]\s+[^-|–—]{2,40}$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
