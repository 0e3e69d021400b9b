import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGoldChange } from '../../src/core/change.js';
import type { Extractor } from '../../src/core/change.js';
import { parseJsonl, type GoldItem } from '../../src/evaluation/gold.js';
import { scoreItems, type ScoreReport } from '../../src/evaluation/score.js';
import { decodeFeedBytes } from '../../src/feeds/decode.js';
import { analyseFiling, type FilingAnalysis } from '../../src/sec/analyse.js';
import { extractFilingChanges } from '../../src/sec/filing-extractor.js';
import { alertingOnly } from '../../src/extract/index.js';

/** Our own 8-K documents (test/fixtures/sec), written for these tests. */
export const OWN_DIR = join(import.meta.dirname, '..', 'fixtures', 'sec');

export const readFiling = (path: string): string => decodeFeedBytes(readFileSync(path)).text;
export const analyse = (path: string): FilingAnalysis => analyseFiling(readFiling(path));

export function readGold(path: string): GoldItem[] {
  return parseJsonl(readFileSync(path, 'utf8'), path);
}

/** Reads every gold item's filing from `dir`, extracts, and scores as score.mjs does. */
export async function scoreFilings(dir: string, gold: GoldItem[], extractor: Extractor | null): Promise<ScoreReport> {
  const preds = new Map<string, { changes: unknown[] }>();
  for (const g of gold) {
    // Scored as they would alert (the general extractor returns low-confidence changes too).
    const changes = await extractFilingChanges(analyse(join(dir, g.id)), extractor && alertingOnly(extractor), { itemId: g.id, url: null, feed: null });
    preds.set(g.id, { changes: changes.map(toGoldChange) });
  }
  return scoreItems(gold, preds, { errors: true });
}

export const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();
