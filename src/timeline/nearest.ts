import { foldLatin } from '../core/events/fold.js';

// "Did you mean": stored names ranked by how few letters differ from what was typed.

const fold = (s: string): string => foldLatin(s).replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ').trim();

/** The folded words of a name ("Société Générale" → ["societe", "generale"]). */
export const nameWords = (s: string): string[] => fold(s).split(' ').filter(Boolean);

/** Levenshtein distance, two rows of memory; strings are short (names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * How far a stored name is from what was typed: against the whole name, or against its first
 * words when only the start of a longer name was typed ("Alibaba Clowd" ~ "Alibaba Cloud Intelligence").
 */
export function nameDistance(typed: string, name: string): number {
  const t = fold(typed);
  const n = fold(name);
  const words = n.split(' ');
  const head = words.slice(0, Math.max(1, t.split(' ').length)).join(' ');
  return Math.min(editDistance(t, n), editDistance(t, head) + 1);
}

/** The candidates closest to `typed`, within a distance that grows with its length. */
export function nearestNames(typed: string, candidates: Iterable<string>, limit = 5): string[] {
  const t = fold(typed);
  if (!t) return [];
  const within = Math.max(2, Math.ceil(t.length / 3));
  const scored = new Map<string, number>();
  for (const name of candidates) {
    if (scored.has(name)) continue;
    const d = nameDistance(typed, name);
    if (d <= within) scored.set(name, d);
  }
  return [...scored].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([name]) => name);
}
