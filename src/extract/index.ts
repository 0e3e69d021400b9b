// PLACEHOLDER written by the lead so the skeleton compiles; the extractor engineer owns this
// file and replaces it whole.
import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';

export function extractChanges(_item: NewsItem): LeadershipChange[] {
  return [];
}

export function createBuiltinExtractor(_opts: { minConfidence?: number } = {}): Extractor {
  return { name: 'builtin', extract: async (item) => extractChanges(item) };
}
