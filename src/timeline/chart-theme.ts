// One look for every chart execwatch draws. The card is opaque and light, so the picture reads
// the same on Discord's dark and light themes; text is near-black (contrast 14.7:1 on the
// card, at least 7.7:1 on every bar fill). The font is the one the renderer ships (Noto Sans,
// src/render/font.ts), so sizes measured here are the sizes drawn.

/** A Vega-Lite specification as plain JSON (the renderer compiles and checks it). */
export type VegaLiteSpec = { $schema: string } & Record<string, unknown>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT_FAMILY = 'Noto Sans';

export const THEME = {
  card: '#F6F7F9',
  text: '#1F2328',
  muted: '#57606A',
  grid: '#DCE0E5',
  held: { fill: '#8EB8F0', stroke: '#2F6DB5' },
  interim: { fill: '#F3C56B', stroke: '#A86B00' },
  planned: { fill: '#CDE8D2', stroke: '#3E8A4F' },
  left: { fill: '#F2B8A0', stroke: '#B4532A' },
} as const;

/** The config block shared by every chart: font, colours, no frame around the plot. */
export function chartConfig(): Record<string, unknown> {
  const axis = {
    labelColor: THEME.text, titleColor: THEME.text, domainColor: THEME.muted, tickColor: THEME.muted,
    gridColor: THEME.grid, labelFontSize: 12, titleFontSize: 12, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY,
  };
  return {
    font: FONT_FAMILY,
    view: { stroke: null },
    axis,
    legend: { labelColor: THEME.text, titleColor: THEME.text, labelFontSize: 12, symbolStrokeWidth: 1.5 },
    title: { color: THEME.text, subtitleColor: THEME.muted, fontSize: 17, subtitleFontSize: 12, anchor: 'start', offset: 10 },
    text: { color: THEME.text, font: FONT_FAMILY },
  };
}

// Feed-derived strings go into SVG text: no control characters, no runaway lengths.
export function chartText(s: string, max = 60): string {
  const t = s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
