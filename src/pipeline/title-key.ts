/** A title folded so that a feed re-publishing an item under a new guid is still recognised. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+[-|–—]\s+[^-|–—]{2,40}$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
