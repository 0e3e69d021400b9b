import type { EventSource } from './model.js';

/** Who published a report: the link's host (www. dropped), else the feed, else the item. */
export function outletOf(source: { url: string | null; feed: string | null; itemId: string }): string {
  if (source.url) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(source.url);
    if (m?.[1]) return m[1].toLowerCase().replace(/^www\./, '');
  }
  return source.feed ?? `item:${source.itemId}`;
}

/**
 * Confidence from independent outlets: each outlet counts once (its most confident report), and
 * the event is wrong only if every outlet is wrong: 1 − Π(1 − cᵢ).
 */
export function corroboratedConfidence(sources: readonly EventSource[]): number {
  const best = new Map<string, number>();
  for (const s of sources) best.set(s.outlet, Math.max(best.get(s.outlet) ?? 0, s.confidence));
  let allWrong = 1;
  for (const c of best.values()) allWrong *= 1 - c;
  return Math.round((1 - allWrong) * 1000) / 1000;
}

export const independentOutlets = (sources: readonly EventSource[]): number =>
  new Set(sources.map((s) => s.outlet)).size;
