import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../../src/timeline/chart-theme.js';
import { decodePng } from '../support/png.js';
import { startMessageCapture } from '../support/message-capture.js';
import { createClock, openWorld, story } from './support.js';

const HEADLINES = [
  'Globex names Ann Able chief financial officer', 'Initech appoints Raj Patel chief executive officer',
  'Umbrella Corp CEO Bob Stone steps down', 'Hooli names Gavin Belson chairman',
  'Globex names Carla Diaz chief operating officer', 'Initech names Mia Wong chief technology officer',
];
const renderChart = async (spec: VegaLiteSpec) => (await (await import('../../src/render/chart.js')).renderChartPng(spec, { scale: 1 })).png;

describe('a digest of a busy period comes with its chart as a PNG attachment', () => {
  let capture: Awaited<ReturnType<typeof startMessageCapture>>;
  beforeAll(async () => {
    capture = await startMessageCapture();
  });
  afterAll(async () => {
    await capture?.close();
  });

  it('attaches the chart to the last message of a digest with more than five changes, and none to a quiet one', async () => {
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = openWorld({ apiUrl: capture.apiUrl, token: 'test-token', clock, renderChart });
    try {
      w.subscribe('111', {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
      for (const [i, h] of HEADLINES.entries()) await w.report(story(h), `2026-05-01T1${i}:00:00Z`);
      await w.tick('2026-05-02T09:00:30Z');
      expect(capture.messages).toHaveLength(1);
      const [msg] = capture.messages;
      expect(msg!.body.content).toMatch(/^\*\*Daily digest · Sat 2 May 2026\*\*\n6 changes at 4 organisations\./);
      expect(msg!.body.allowed_mentions).toEqual({ parse: [] });
      expect(msg!.files.map((f) => [f.name, f.type])).toEqual([['digest.png', 'image/png']]);
      const png = decodePng(msg!.files[0]!.data);
      expect(png.width).toBeGreaterThan(400);
      expect(png.height).toBeGreaterThan(100);
      // Not blank: more than one colour (bars on the card).
      const colours = new Set<number>();
      for (let i = 0; i < png.rgba.length; i += 4 * 97) colours.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!);
      expect(colours.size).toBeGreaterThan(3);

      await w.report(story('Hooli names Jian Yang chief financial officer'), '2026-05-02T12:00:00Z');
      await w.tick('2026-05-03T09:00:30Z');
      expect(capture.messages).toHaveLength(2);
      expect(capture.messages[1]!.files).toEqual([]);
    } finally {
      w.close();
    }
  });
});

describe('a channel where the bot may not attach files', () => {
  it('gets the digest without its chart, saying so, and the subscription stays active', async () => {
    const capture = await startMessageCapture({ refuseFiles: true });
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = openWorld({ apiUrl: capture.apiUrl, token: 'test-token', clock, renderChart });
    try {
      w.subscribe('111', {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
      for (const [i, h] of HEADLINES.entries()) await w.report(story(h), `2026-05-01T1${i}:00:00Z`);
      const { posts } = await w.tick('2026-05-02T09:00:30Z');
      expect(posts.map((p) => p.outcome)).toEqual(['sent']);
      expect(capture.messages).toHaveLength(1);
      expect(capture.messages[0]!.files).toEqual([]);
      expect(capture.messages[0]!.body.content).toMatch(/6 changes at 4 organisations[\s\S]*The chart of this period is left out: the bot may not attach files in this channel\.\)$/);
      expect(w.stores.subscriptions.get('111')!.status).toBe('active');
    } finally {
      w.close();
      await capture.close();
    }
  });
});
