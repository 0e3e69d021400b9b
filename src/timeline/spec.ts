import { chartConfig, chartText, THEME, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './chart-theme.js';
import { addDays, daysBetween, minDay } from './days.js';
import type { Timeline, TimelineBar } from './model.js';

export const BAR_STATES = ['In post', 'Interim', 'Planned'] as const;
export type BarState = (typeof BAR_STATES)[number];

/** One drawn piece of a bar: a term splits at today when its start or end is announced. */
export interface Segment {
  row: string;
  person: string;
  organization: string;
  post: string;
  title: string;
  state: BarState;
  start: string;
  end: string;
  /** False where the term began before the first report we have (drawn fading in). */
  startKnown: boolean;
  /** Still in post: the bar runs to the right edge. */
  open: boolean;
}

export interface BarLabel {
  row: string;
  at: string;
  text: string;
}

export interface TimelineSpecOptions {
  /** Width of the plot in CSS pixels (the PNG is drawn at a scale of it). */
  width?: number;
  /** Height of one row. */
  rowHeight?: number;
  /** At most this many rows are drawn, the most senior (default 40). */
  maxRows?: number;
}

function segmentsOf(bar: TimelineBar, t: Timeline): Segment[] {
  const base = {
    row: bar.row, person: bar.person, organization: bar.organization, post: bar.postLabel, title: bar.title,
    startKnown: bar.startBasis !== 'unknown', open: bar.end === null,
  };
  const state: BarState = bar.interim ? 'Interim' : 'In post';
  const end = bar.end ?? t.to;
  if (bar.plannedStart) return [{ ...base, state: 'Planned', start: bar.start, end }];
  if (bar.plannedEnd) {
    return [
      { ...base, state, start: bar.start, end: t.today },
      { ...base, state: 'Planned', start: t.today, end },
    ];
  }
  return [{ ...base, state, start: bar.start, end }];
}

// Text is 11 px Noto Sans: about 6.2 px a character on average (capitals a little wider).
const CHAR_PX = 6.4;
const LABEL_PAD_PX = 12;

function initials(name: string): string {
  return name.split(/[\s-]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase()).join('');
}

/**
 * Each bar is labelled from its start up to the next bar's start in its row: the full text when
 * it fits, else the surname, else initials, else nothing (the list under the picture names all).
 */
function labelsOf(t: Timeline, width: number): BarLabel[] {
  const pxPerDay = width / Math.max(1, daysBetween(t.from, t.to));
  const labels: BarLabel[] = [];
  const byRow = new Map<string, TimelineBar[]>();
  for (const b of t.bars) {
    const list = byRow.get(b.row);
    if (list) list.push(b);
    else byRow.set(b.row, [b]);
  }
  for (const bars of byRow.values()) {
    bars.forEach((bar, i) => {
      const next = bars[i + 1]?.start ?? t.to;
      const room = daysBetween(bar.start, next) * pxPerDay - LABEL_PAD_PX;
      const who = chartText(t.view === 'person' ? bar.title : bar.person, 48);
      const mark = bar.interim && !/\b(interim|acting)\b/i.test(who) ? ' (interim)' : '';
      const surname = who.split(' ').pop() ?? who;
      const text = [`${who}${mark}`, who, surname, initials(who)].find((c) => c.length * CHAR_PX <= room);
      if (text) labels.push({ row: bar.row, at: bar.start, text });
    });
  }
  return labels;
}

const ms = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * The Vega-Lite specification of a timeline: a Gantt chart, one row per post (lane), bars
 * coloured by state (in post, interim, planned), a dashed rule at today. Data travel in
 * `datasets` (segments, labels, fades, today), so a test can read exactly what is drawn.
 */
export function timelineSpec(all: Timeline, options: TimelineSpecOptions = {}): VegaLiteSpec {
  // The most senior rows are drawn; a company with hundreds of posts would make a picture no
  // one can read (the rest are said in the subtitle, and the text list has them).
  const rows = all.rows.slice(0, options.maxRows ?? 40);
  const drawn = new Set(rows.map((r) => r.key));
  const t: Timeline = { ...all, rows, bars: all.bars.filter((b) => drawn.has(b.row)) };
  const notDrawn = all.bars.length - t.bars.length;
  const segments = t.bars.flatMap((b) => segmentsOf(b, t));
  const width = options.width ?? 720;
  const labels = labelsOf(t, width);
  const fadeDays = Math.max(1, Math.round(daysBetween(t.from, t.to) * 0.05));
  const fades = t.bars
    .filter((b) => b.startBasis === 'unknown')
    .map((b) => ({ row: b.row, start: b.start, end: minDay([b.end ?? t.to, addDays(b.start, fadeDays)]) }));

  // The scale is declared once (first layer); the other layers share it.
  const x = { type: 'temporal' };
  const xScale = { type: 'utc', domainMin: ms(t.from), domainMax: ms(t.to) };
  const y = {
    field: 'row', type: 'nominal', sort: t.rows.map((r) => r.key), title: null,
    scale: { paddingInner: 0.22, paddingOuter: 0.15 },
    axis: { labelExpr: `${JSON.stringify(t.rows.map((r) => chartText(r.label, 40)))}[toNumber(datum.value)]`, ticks: false, domain: false, labelPadding: 8, labelLimit: 240 },
  };
  const states = (pick: (s: { fill: string; stroke: string }) => string) => [THEME.held, THEME.interim, THEME.planned].map(pick);
  const stateScale = (range: unknown[]) => ({ field: 'state', type: 'nominal', scale: { domain: [...BAR_STATES], range } });
  const fadeLayer = {
    data: { name: 'fades' },
    mark: {
      type: 'bar',
      color: { gradient: 'linear', x1: 0, x2: 1, y1: 0, y2: 0, stops: [{ offset: 0, color: THEME.card }, { offset: 1, color: `${THEME.card}00` }] },
    },
    encoding: { y, x: { ...x, field: 'start' }, x2: { field: 'end' } },
  };
  const labelLayer = {
    data: { name: 'labels' },
    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: 11, color: THEME.text },
    encoding: { y, x: { ...x, field: 'at' }, text: { field: 'text' } },
  };
  const noun = t.view === 'person' ? 'posts' : 'people';
  const count = t.view === 'person' ? all.bars.length : t.holders;

  return {
    $schema: VEGA_LITE_SCHEMA,
    background: THEME.card,
    padding: 16,
    width,
    height: { step: options.rowHeight ?? 26 },
    title: {
      text: chartText(t.view === 'person' ? `Posts held by ${t.subject}` : `Leadership of ${t.subject}`, 80),
      subtitle: `${count} ${noun} · as of ${t.today} (dashed line) · a bar fading in began before the first report${notDrawn ? ` · ${notDrawn} more terms in ${all.rows.length - rows.length} rows not drawn` : ''}`,
    },
    config: chartConfig(),
    datasets: { segments, labels, fades, today: [{ at: t.today }] },
    layer: [
      {
        data: { name: 'segments' },
        mark: { type: 'bar', cornerRadius: 3, strokeWidth: 1.2 },
        encoding: {
          y,
          x: { ...x, field: 'start', scale: xScale, axis: { title: null, grid: true, labelOverlap: true } },
          x2: { field: 'end' },
          color: { ...stateScale(states((s) => s.fill)), legend: { title: null, orient: 'top', direction: 'horizontal', symbolType: 'square' } },
          stroke: stateScale(states((s) => s.stroke)),
          strokeDash: stateScale([[1, 0], [1, 0], [4, 3]]),
        },
      },
      ...(fades.length ? [fadeLayer] : []),
      ...(labels.length ? [labelLayer] : []),
      {
        data: { name: 'today' },
        mark: { type: 'rule', color: THEME.muted, strokeDash: [3, 3], strokeWidth: 1.2 },
        encoding: { x: { ...x, field: 'at' } },
      },
    ],
  };
}
