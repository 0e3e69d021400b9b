import { createHash } from 'node:crypto';

// Real dev sets are read in two halves so that rules are chosen on one and checked on the other:
// sha1(id), first hex digit even → the development half, odd → the check half. Stable across
// machines and independent of file order.
export const HALVES = ['dev', 'check'] as const;
export type Half = (typeof HALVES)[number];

export function halfOf(id: string): Half {
  const first = createHash('sha1').update(id).digest('hex')[0] ?? '0';
  return parseInt(first, 16) % 2 === 0 ? 'dev' : 'check';
}

/** The items of one half (all of them when no half is asked for). */
export function inHalf<T extends { id: string }>(items: T[], half: Half | undefined): T[] {
  return half ? items.filter((x) => halfOf(x.id) === half) : items;
}
