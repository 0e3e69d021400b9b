import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../../src/timeline/chart-theme.js';
import { decodePng } from '../support/png.js';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { createClock, openWorld, story } from './support.js';

const HEADLINES = [
  'Globex names Ann Able chief financial officer', 'Initech appoints Raj Patel chief executive officer',
  'Umbrella Corp CEO Bob Stone steps down', 'Hooli names Gavin Belson chairman',
  'Globex names Carla Diaz chief operating officer', 'Initech names Mia Wong chief technology officer',
];
const renderChart = async (spec: VegaLiteSpec) => (await (await import('../../src/render/chart.js')).renderChartPng(spec, { scale: 1 })).png;

describe('a digest of a busy period, through the Discord emulator', () => {
  let emu: DiscordEmulator;
  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: ['digest'] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('attaches the chart to the last message of a digest with more than five changes, and none to a quiet one', async () => {
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = await openWorld({ apiUrl: emu.apiUrl, token: emu.token, clock, renderChart });
    try {
      await w.subscribe(emu.channelId('digest'), {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
      for (const [i, h] of HEADLINES.entries()) await w.report(story(h), `2026-05-01T1${i}:00:00Z`);
      await w.tick('2026-05-02T09:00:30Z');
      const messages = emu.messagesIn('digest');
      expect(messages).toHaveLength(1);
      const [msg] = messages;
      expect(msg!.content).toMatch(/^\*\*Daily digest · Sat 2 May 2026\*\*\n6 changes at 4 organisations\./);
      const [create] = emu.requestsTo('POST', /^\/channels\/\d+\/messages$/);
      expect((create!.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
      const files = emu.attachments(msg!);
      expect(files.map((f) => [f.filename, f.contentType])).toEqual([['digest.png', 'image/png']]);
      const png = decodePng(files[0]!.data);
      expect(png.width).toBeGreaterThan(400);
      expect(png.height).toBeGreaterThan(100);
      // Not blank: more than one colour (bars on the card).
      const colours = new Set<number>();
      for (let i = 0; i < png.rgba.length; i += 4 * 97) colours.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!);
      expect(colours.size).toBeGreaterThan(3);

      await w.report(story('Hooli names Jian Yang chief financial officer'), '2026-05-02T12:00:00Z');
      await w.tick('2026-05-03T09:00:30Z');
      const after = emu.messagesIn('digest');
      expect(after).toHaveLength(2);
      expect(emu.attachments(after[1]!)).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('in a channel where the bot may not attach files, posts the digest without its chart, saying so, and the subscription stays active', async () => {
    emu.state.messages.clear();
    // Discord answers a create with files 50013 when the bot lacks Attach Files.
    emu.faults.add({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 403, code: 50013, message: 'Missing Permissions' });
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = await openWorld({ apiUrl: emu.apiUrl, token: emu.token, clock, renderChart });
    try {
      const channel = emu.channelId('digest');
      await w.subscribe(channel, {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
      for (const [i, h] of HEADLINES.entries()) await w.report(story(h), `2026-05-01T1${i}:00:00Z`);
      const { posts } = await w.tick('2026-05-02T09:00:30Z');
      expect(posts.map((p) => p.outcome)).toEqual(['sent']);
      const messages = emu.messagesIn('digest');
      expect(messages).toHaveLength(1);
      expect(emu.attachments(messages[0]!)).toEqual([]);
      expect(messages[0]!.content).toMatch(/6 changes at 4 organisations[\s\S]*The chart of this period is left out: the bot may not attach files in this channel\.\)$/);
      expect((await w.stores.subscriptions.get(channel))!.status).toBe('active');
    } finally {
      await w.close();
    }
  });
});
