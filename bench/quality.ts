// Extraction quality on every labelled set beside the repository, each split in its two halves
// (src/evaluation/half.ts: development half, check half) and whole. `npm run bench -- quality`.
// Figures at the default alert threshold, as score.mjs computes them; see docs/extraction.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGoldChange } from '../src/core/change.js';
import { goldItemToNewsItem, parseJsonl, type GoldItem } from '../src/evaluation/gold.js';
import { inHalf, type Half } from '../src/evaluation/half.js';
import { scoreItems, type Prf } from '../src/evaluation/score.js';
import { DEFAULT_MIN_CONFIDENCE, extractChanges } from '../src/extract/index.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const SETS: Array<[name: string, path: string]> = [
  ['dev', join(SHARED, 'dev.jsonl')],
  ['merge-dev', join(SHARED, 'merge-dev.jsonl')],
  ['real-reuters-dev', join(SHARED, 'real-reuters-dev.jsonl')],
  ['real-agnews-dev', join(SHARED, 'real-agnews-dev.jsonl')],
  ['real-bbc-dev', join(SHARED, 'real-bbc-dev.jsonl')],
  ['holdout', join(import.meta.dirname, '..', 'test', 'fixtures', 'holdout', 'holdout.jsonl')],
];

const pct = (x: number): string => (100 * x).toFixed(1);
const cell = (m: Prf): string => `${pct(m.precision)} / ${pct(m.recall)} / **${pct(m.f1)}**`;

export function scoreSet(gold: GoldItem[]) {
  const preds = new Map<string, { changes: unknown[] }>();
  for (const g of gold) {
    const changes = extractChanges(goldItemToNewsItem(g)).filter((c) => c.confidence >= DEFAULT_MIN_CONFIDENCE);
    preds.set(g.id, { changes: changes.map(toGoldChange) });
  }
  return scoreItems(gold, preds);
}

export function runQualityBench(): void {
  console.log('| set | half | items | loose P / R / F1 | strict P / R / F1 | items P / R / F1 |');
  console.log('|---|---|---|---|---|---|');
  const pooled: GoldItem[] = [];
  for (const [name, path] of SETS) {
    if (!existsSync(path)) {
      console.log(`| ${name} | (missing: ${path}) | | | | |`);
      continue;
    }
    const all = parseJsonl(readFileSync(path, 'utf8'), path);
    if (name.startsWith('real-')) pooled.push(...all);
    for (const half of ['dev', 'check', undefined] as Array<Half | undefined>) {
      // the held-out set keeps its own split (README): odd ids were read once (tuning), even ids never
      const part = name === 'holdout' && half ? all.filter((g) => (Number(g.id.replace(/\D/g, '')) % 2 === 1) === (half === 'dev')) : inHalf(all, half);
      const r = scoreSet(part);
      console.log(`| ${name} | ${half ?? 'whole'} | ${r.items} | ${cell(r.loose)} | ${cell(r.strict)} | ${cell(r.item)} |`);
    }
  }
  for (const half of ['dev', 'check', undefined] as Array<Half | undefined>) {
    const r = scoreSet(inHalf(pooled, half));
    console.log(`| real pooled | ${half ?? 'whole'} | ${r.items} | ${cell(r.loose)} | ${cell(r.strict)} | ${cell(r.item)} |`);
  }
}

/** Items of a realistic stream that alert although nothing changed (the stream's own labels, else none). */
export async function falseAlerts(): Promise<void> {
  const stream = join(import.meta.dirname, '..', 'test', 'fixtures', 'holdout', 'stream.jsonl');
  const gold = parseJsonl(readFileSync(stream, 'utf8'), stream);
  const r = scoreSet(gold);
  console.log(`\nholdout stream.jsonl (${gold.length} items): loose ${cell(r.loose)}; false alerts (predicted - tp): ${r.loose.predicted - r.loose.tp}`);
  const { realworldItems } = await import('./extract.js');
  const items = await realworldItems();
  const seen = new Set<string>();
  let alerts = 0;
  for (const it of items) {
    const key = `${it.title}\n${(it.summary ?? '').slice(0, 200)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of extractChanges(it).filter((x) => x.confidence >= DEFAULT_MIN_CONFIDENCE)) {
      alerts++;
      console.log(`  realworld alert: ${c.person.name} ${c.direction} ${c.role.title} @ ${c.organization.name} | ${c.evidence.slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  }
  console.log(`realworld feeds: ${seen.size} distinct items, ${alerts} alerts (each to be read: a real change or a false alarm)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runQualityBench();
  await falseAlerts();
}
