import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/content.js';
import { parseDigestSchedule, periodEndingOn } from '../../src/digest/schedule.js';
import { renderChartPng, renderChartSvg } from '../../src/render/chart.js';
import { chartFontFiles } from '../../src/render/font.js';
import { FONT_FAMILY, THEME, VEGA_LITE_SCHEMA } from '../../src/timeline/chart-theme.js';
import { buildTimeline } from '../../src/timeline/model.js';
import { timelineSpec } from '../../src/timeline/spec.js';
import { decodePng, PNG_SIGNATURE } from '../support/png.js';
import { rec } from '../timeline/records.js';

const NOW = new Date('2026-11-20T12:00:00Z');

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** Pixels that differ from the card colour by more than anti-aliasing noise. */
function inkedShare(png: Buffer): { share: number; width: number; height: number; has: (color: string) => boolean } {
  const { width, height, rgba } = decodePng(png);
  const card = hex(THEME.card);
  let inked = 0;
  const seen = new Set<string>();
  for (let i = 0; i < rgba.length; i += 4) {
    const px = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    if (px.some((v, k) => Math.abs(v - card[k]!) > 24)) inked++;
    seen.add(px.join(','));
  }
  return { share: inked / (width * height), width, height, has: (c) => seen.has(hex(c).join(',')) };
}

describe('chart rendering: Vega-Lite -> SVG -> PNG with the shipped font', () => {
  it('renders a timeline to a PNG of the reported size that is not blank', async () => {
    const t = buildTimeline([
      rec('Ann Able', 'in', 'CEO', '2015-03-02'),
      rec('Ann Able', 'out', 'CEO', '2020-06-30'),
      rec('Bo Brand', 'in', 'interim CEO', '2020-07-01', { interim: true }),
      rec('Zoë Ødegård', 'in', 'CFO', '2019-01-07'),
    ], { view: 'organization', subject: 'Acme', now: NOW });
    const chart = await renderChartPng(timelineSpec(t), { scale: 2 });
    expect(chart.warnings).toEqual([]);
    expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(chart.png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([chart.width, chart.height]);
    // 720 px of plot plus axis labels and padding, drawn at twice the size.
    expect(chart.width).toBeGreaterThan(1500);
    expect(chart.height).toBeGreaterThan(200);
    const ink = inkedShare(chart.png);
    expect([ink.width, ink.height]).toEqual([chart.width, chart.height]);
    expect(ink.share).toBeGreaterThan(0.05);
    // The opaque card, and the bars in their state colours.
    expect(ink.has(THEME.card)).toBe(true);
    expect(ink.has(THEME.held.fill)).toBe(true);
    expect(ink.has(THEME.interim.fill)).toBe(true);
    expect(chart.svg).toContain('Zoë Ødegård');
    expect(chart.svg).toContain(`font-family="${FONT_FAMILY}"`);
  });

  it('draws text with the shipped font only: without it, the same text leaves no ink', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="${THEME.card}"/><text x="4" y="28" font-family="${FONT_FAMILY}" font-size="24" fill="#000">Ærø Şirket</text></svg>`;
    for (const f of chartFontFiles()) expect(existsSync(f)).toBe(true);
    const withFont = new Resvg(svg, { font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng();
    const without = new Resvg(svg, { font: { fontFiles: [], loadSystemFonts: false } }).render().asPng();
    expect(inkedShare(withFont).share).toBeGreaterThan(0.05);
    expect(inkedShare(without).share).toBe(0);
  });

  it('renders a digest’s chart of the period', async () => {
    const schedule = parseDigestSchedule({ cadence: 'weekly', time: '09:00', timeZone: 'Europe/Berlin' });
    const period = periodEndingOn(schedule, '2026-11-16');
    const records = ['Acme', 'Acme', 'Globex', 'Initech', 'Initech', 'Initech', 'Umbrella'].map((o, i) =>
      rec(`Person ${i}`, i % 3 ? 'in' : 'out', 'CFO', '2026-11-12', { organization: o }));
    const digest = buildDigest(records, { period })!;
    expect(digest.chart).not.toBeNull();
    const chart = await renderChartPng(digest.chart!, { scale: 1 });
    expect(chart.warnings).toEqual([]);
    expect(inkedShare(chart.png).share).toBeGreaterThan(0.03);
    expect(chart.svg).toContain('Initech');
  });

  it('refuses a spec that asks for outside data instead of fetching it', async () => {
    const spec = { $schema: VEGA_LITE_SCHEMA, data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } };
    const warnings: string[] = [];
    await renderChartSvg(spec, warnings);
    expect(warnings.join('\n')).toMatch(/charts load no external data/);
  });
});
