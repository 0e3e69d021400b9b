import { createHash } from 'node:crypto';
import { boundItemText, MAX_ID_CHARS } from '../core/bounds.js';
import type { FeedEntry } from '../feeds/types.js';

/**
 * The entry as every later stage reads it: title, summary, content and link within the bounds of
 * src/core/bounds.ts, and an overlong id replaced by its hash (stable, so the item is still
 * recognised on the next poll).
 */
export function boundEntry(entry: FeedEntry): FeedEntry {
  const bounded = boundItemText(entry);
  if (entry.id.length <= MAX_ID_CHARS) return bounded;
  return { ...bounded, id: `sha256:${createHash('sha256').update(entry.id).digest('hex')}` };
}
