import type { ChangeRecord } from '../timeline/change-record.js';
import type { VegaLiteSpec } from '../timeline/chart-theme.js';
import { buildTimeline, type Timeline, type TimelineOptions } from '../timeline/model.js';
import { timelineSpec } from '../timeline/spec.js';
import { renderChartPng, type RenderedChart } from './chart.js';

export interface TimelinePicture {
  timeline: Timeline;
  spec: VegaLiteSpec;
  chart: RenderedChart;
}

/** Records → timeline → Vega-Lite spec → PNG: what `/timeline` and `execwatch timeline` draw. */
export async function drawTimeline(records: readonly ChangeRecord[], options: TimelineOptions): Promise<TimelinePicture> {
  const timeline = buildTimeline(records, options);
  const spec = timelineSpec(timeline);
  return { timeline, spec, chart: await renderChartPng(spec) };
}
