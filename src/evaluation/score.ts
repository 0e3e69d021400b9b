import { roleCategories } from '../core/roles.js';
import { HONORIFICS, LEGAL_SUFFIXES, sameName } from '../core/names.js';
import type { GoldItem } from './gold.js';

// The same computation as ../shared/eval/score.mjs (the reference): maximum bipartite matching
// of gold and predicted changes per item, at a loose level (person, direction) and a strict
// level (also role category and organisation), plus item-level detection.

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  predicted: number;
  gold: number;
}

export interface ScoreError {
  id: string;
  type: string;
  change: Record<string, unknown>;
}

export interface ScoreReport {
  items: number;
  loose: Prf;
  strict: Prf;
  item: Prf;
  looseByKind: Record<string, Prf>;
  errors?: ScoreError[];
}

type Obj = Record<string, unknown>;

function namesOf(obj: Obj, key: 'person' | 'organization'): string[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return [
    obj[key],
    ...list(obj[`${key}Aliases`]),
    ...(key === 'person' ? list(obj.aliases) : []),
    ...(key === 'organization' ? list(obj.organizationAliases) : []),
  ].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

function anySame(a: Obj, b: Obj, key: 'person' | 'organization', drop: ReadonlySet<string>): boolean {
  const xs = namesOf(a, key);
  const ys = namesOf(b, key);
  return xs.some((x) => ys.some((y) => sameName(x, y, drop)));
}

function matches(gold: Obj, pred: Obj, strict: boolean): boolean {
  if (gold.direction !== pred.direction) return false;
  if (!anySame(gold, pred, 'person', HONORIFICS)) return false;
  if (!strict) return true;
  const g = roleCategories(gold.role as string | null | undefined);
  const p = roleCategories(pred.role as string | null | undefined);
  if (![...g].some((c) => p.has(c))) return false;
  return anySame(gold, pred, 'organization', LEGAL_SUFFIXES);
}

/** Kuhn's augmenting paths; `owner[p]` is the gold index predicted change p is matched to, or -1. */
function maxMatching(golds: Obj[], preds: Obj[], strict: boolean): { n: number; owner: number[] } {
  const owner = new Array<number>(preds.length).fill(-1);
  const tryGold = (g: number, seen: boolean[]): boolean => {
    for (let p = 0; p < preds.length; p++) {
      if (seen[p] || !matches(golds[g] as Obj, preds[p] as Obj, strict)) continue;
      seen[p] = true;
      const o = owner[p] as number;
      if (o === -1 || tryGold(o, seen)) {
        owner[p] = g;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let g = 0; g < golds.length; g++) if (tryGold(g, new Array<boolean>(preds.length).fill(false))) n++;
  return { n, owner };
}

const prf = (tp: number, np: number, ng: number): Prf => {
  const precision = np ? tp / np : 1;
  const recall = ng ? tp / ng : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, predicted: np, gold: ng };
};

const isValidChange = (c: unknown): c is Obj => {
  if (!c || typeof c !== 'object') return false;
  const o = c as Obj;
  return typeof o.person === 'string' && o.person.trim() !== '' && (o.direction === 'in' || o.direction === 'out');
};

export function scoreItems(
  gold: GoldItem[],
  preds: Map<string, { changes: unknown[] }>,
  opts: { errors?: boolean } = {},
): ScoreReport {
  const totals = { loose: [0, 0, 0], strict: [0, 0, 0], item: [0, 0, 0] };
  const byKind: Record<string, number[]> = {};
  const errors: ScoreError[] = [];
  for (const item of gold) {
    const allGold = (item.changes ?? []) as unknown[];
    const golds = allGold.filter(isValidChange);
    const pred = preds.get(item.id);
    const rawPreds: unknown[] = Array.isArray(pred?.changes) ? pred.changes : [];
    const predsOk = rawPreds.filter(isValidChange);
    for (const level of ['loose', 'strict'] as const) {
      const { n, owner } = maxMatching(golds, predsOk, level === 'strict');
      const t = totals[level];
      t[0] = (t[0] ?? 0) + n;
      t[1] = (t[1] ?? 0) + predsOk.length;
      t[2] = (t[2] ?? 0) + golds.length;
      if (level === 'loose') {
        const k = (byKind[item.kind ?? 'unknown'] ??= [0, 0, 0]);
        k[0] = (k[0] ?? 0) + n;
        k[1] = (k[1] ?? 0) + predsOk.length;
        k[2] = (k[2] ?? 0) + golds.length;
      }
      if (opts.errors) {
        const tag = level === 'loose' ? '' : '(strict)';
        const matchedGold = new Set(owner.filter((g) => g >= 0));
        predsOk.forEach((p, i) => {
          if (owner[i] === -1) errors.push({ id: item.id, type: `FP${tag}`, change: p });
        });
        golds.forEach((g, i) => {
          if (!matchedGold.has(i)) errors.push({ id: item.id, type: `FN${tag}`, change: g });
        });
      }
    }
    const goldHas = allGold.length > 0;
    const predHas = rawPreds.length > 0;
    totals.item[0] = (totals.item[0] ?? 0) + (goldHas && predHas ? 1 : 0);
    totals.item[1] = (totals.item[1] ?? 0) + (predHas ? 1 : 0);
    totals.item[2] = (totals.item[2] ?? 0) + (goldHas ? 1 : 0);
  }
  const t = (x: number[]): [number, number, number] => [x[0] ?? 0, x[1] ?? 0, x[2] ?? 0];
  const report: ScoreReport = {
    items: gold.length,
    loose: prf(...t(totals.loose)),
    strict: prf(...t(totals.strict)),
    item: prf(...t(totals.item)),
    looseByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, prf(...t(v))])),
  };
  if (opts.errors) report.errors = errors;
  return report;
}

/** The text score.mjs prints (errors first when asked). */
export function formatReport(report: ScoreReport, opts: { errors?: boolean } = {}): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const row = (name: string, m: Prf): string =>
    `${name.padEnd(16)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}   (tp ${m.tp}, predicted ${m.predicted}, gold ${m.gold})`;
  const lines: string[] = [];
  if (opts.errors) {
    for (const e of report.errors ?? []) {
      const c = e.change;
      const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
      lines.push(`${e.type} ${e.id}: ${s(c.person)} ${s(c.direction)} ${s(c.role)} @ ${s(c.organization)}${c.interim ? ' (interim)' : ''}`);
    }
    lines.push('');
  }
  lines.push(`${report.items} items`);
  lines.push(row('changes, loose', report.loose));
  lines.push(row('changes, strict', report.strict));
  lines.push(row('items', report.item));
  for (const [k, m] of Object.entries(report.looseByKind)) lines.push(row(`  loose ${k}`, m));
  return lines.join('\n');
}
