import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, type VegaLiteSpec } from '../timeline/chart-theme.js';
import { chartFontFiles } from './font.js';

// Vega-Lite -> Vega -> SVG (vega's own SVG renderer: no browser, no canvas) -> PNG (resvg,
// with the shipped font only). Loading vega takes a few hundred milliseconds: callers import
// this module when they first draw, not at start-up.

export interface RenderOptions {
  /** Pixels per CSS pixel of the chart (2 keeps text sharp on high-density screens). */
  scale?: number;
}

export interface RenderedChart {
  png: Buffer;
  /** Size of the PNG in pixels. */
  width: number;
  height: number;
  svg: string;
  /** What Vega-Lite or Vega warned about while compiling and drawing (empty for a sound spec). */
  warnings: string[];
}

function collectingLogger(warnings: string[]) {
  let level = vega.Warn;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...args: unknown[]) => warnings.push(args.map(String).join(' ')),
    warn: (...args: unknown[]) => warnings.push(args.map(String).join(' ')),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

// Every chart carries its data inline; nothing may make the renderer fetch a file or a URL.
function noLoader(): ReturnType<typeof vega.loader> {
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`charts load no external data (asked for ${uri})`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

/** The chart as an SVG document. */
export async function renderChartSvg(spec: VegaLiteSpec, warnings: string[] = []): Promise<string> {
  const logger = collectingLogger(warnings);
  const compiled = compile(spec as unknown as TopLevelSpec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: noLoader(), logger: logger as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** An SVG document as a PNG, its text drawn with the shipped font only (see font.ts). */
export function svgToPng(svg: string, options: RenderOptions = {}): { png: Buffer; width: number; height: number } {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The chart as a PNG (and the SVG it was drawn from). */
export async function renderChartPng(spec: VegaLiteSpec, options: RenderOptions = {}): Promise<RenderedChart> {
  const warnings: string[] = [];
  const svg = await renderChartSvg(spec, warnings);
  return { ...svgToPng(svg, options), svg, warnings };
}
