import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The labelled sets, the seed and the real fixtures live beside the repository in ../shared,
// which CI has and a fresh clone does not. Suites that need them skip with one line saying why.
export const SHARED_DIR = join(import.meta.dirname, '..', '..', '..', 'shared');

/** The absolute path of a file or folder under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

const announced = new Set<string>();

/**
 * True when every named path under ../shared exists; otherwise prints one line saying which
 * suite is skipped and why, and returns false. Use with `describe.runIf(hasShared(...))`.
 */
export function hasShared(suite: string, ...parts: string[][]): boolean {
  const missing = parts.map((p) => sharedPath(...p)).filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  if (!announced.has(suite)) {
    announced.add(suite);
    console.log(`skipped: ${suite}: needs ${missing.join(', ')} (the shared corpus is not beside this checkout)`);
  }
  return false;
}
