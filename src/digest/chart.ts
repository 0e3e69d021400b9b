import type { ChangeRecord } from '../timeline/change-record.js';
import { chartConfig, chartText, THEME, VEGA_LITE_SCHEMA, type VegaLiteSpec } from '../timeline/chart-theme.js';

const MOVES = ['Joined', 'Left'] as const;
const MAX_BARS = 12;

export interface DigestChartRow {
  organization: string;
  move: (typeof MOVES)[number];
  count: number;
}

/**
 * A small chart of a period: changes per organisation (most first, the rest summed into one
 * bar), split into people who joined and who left.
 */
export function digestChartSpec(groups: ReadonlyArray<{ organization: string; records: readonly ChangeRecord[] }>, title: string): VegaLiteSpec {
  const sorted = [...groups].sort((a, b) => b.records.length - a.records.length);
  const shown = sorted.length > MAX_BARS ? sorted.slice(0, MAX_BARS - 1) : sorted;
  const rest = sorted.slice(shown.length);
  const bars = shown.map((g) => ({ organization: chartText(g.organization, 40), records: g.records }));
  if (rest.length) bars.push({ organization: `${rest.length} others`, records: rest.flatMap((g) => g.records) });
  const rows: DigestChartRow[] = bars.flatMap((b) => MOVES.map((move) => ({
    organization: b.organization,
    move,
    count: b.records.filter((r) => (r.direction === 'in') === (move === 'Joined')).length,
  }))).filter((r) => r.count > 0);
  return {
    $schema: VEGA_LITE_SCHEMA,
    background: THEME.card,
    padding: 16,
    width: 420,
    height: { step: 22 },
    title: { text: chartText(title, 80), subtitle: 'leadership changes by organisation' },
    config: chartConfig(),
    datasets: { rows },
    data: { name: 'rows' },
    mark: { type: 'bar', cornerRadius: 2, strokeWidth: 1 },
    encoding: {
      y: { field: 'organization', type: 'nominal', sort: bars.map((b) => b.organization), title: null, axis: { ticks: false, domain: false, labelLimit: 200 } },
      x: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'changes', axis: { tickMinStep: 1, format: 'd', grid: true } },
      color: { field: 'move', type: 'nominal', scale: { domain: [...MOVES], range: [THEME.held.fill, THEME.left.fill] }, legend: { title: null, orient: 'top', direction: 'horizontal', symbolType: 'square' } },
      stroke: { field: 'move', type: 'nominal', scale: { domain: [...MOVES], range: [THEME.held.stroke, THEME.left.stroke] } },
      order: { field: 'move' },
    },
  };
}
