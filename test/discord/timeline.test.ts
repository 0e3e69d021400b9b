import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// discord.js (through the harness) is loaded before vega, as in the bot: under vitest's module
// runner, loading vega first breaks the inspector discord.js's event emitter loads.
import { startBotHarness, type BotHarness } from './harness.js';
import { renderChartPng } from '../../src/render/chart.js';
import { EXPORT_COLUMNS } from '../../src/export/rows.js';
import { unguardFormula } from '../../src/export/csv.js';
import { buildTimeline } from '../../src/timeline/model.js';
import { timelineSpec, type Segment } from '../../src/timeline/spec.js';
import { parseCsv } from '../support/csv.js';
import { ACME_EVENTS, seedEvent } from '../support/event-seed.js';
import { decodePng } from '../support/png.js';

// Issue 14 through the emulator with the real discord.js client: /timeline answers with a PNG
// attachment, /changes export:true with a CSV one.

const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('/timeline and /changes export:true', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: () => NOW });
    for (const e of ACME_EVENTS) await h.stores.events.save(seedEvent(e));
  });
  afterAll(async () => h?.close());

  it('the spec built for the seeded events has the holders, posts and dates', async () => {
    const found = await h.records.forOrganization('Acme Robotics', 100);
    const spec = timelineSpec(buildTimeline(found.records, { view: 'organization', subject: 'Acme Robotics', now: NOW })) as unknown as { datasets: { segments: Segment[] } };
    const bars = spec.datasets.segments.map((s) => [s.post, s.person, s.state, s.start, s.open ? 'open' : s.end]);
    expect(bars).toEqual([
      ['CEO', 'Margaret Okafor', 'In post', '2019-03-01', '2024-06-30'],
      ['CEO', 'Daniel Reyes', 'Interim', '2024-07-01', '2025-01-10'],
      ['CEO', 'Priya Raman', 'In post', '2025-01-10', 'open'],
      ['Chair', 'Anne "Annie" Dubois, Jr.', 'In post', '2026-03-03', 'open'],
      ['CFO', 'Jürgen Weiß', 'In post', '2020-02-01', 'open'],
      // Left before any report of joining: drawn from the chart's left edge, fading in.
      ['Board', '=HYPERLINK("http://evil.example")', 'In post', '2018-11-08', '2026-06-01'],
    ]);
    expect(spec.datasets.segments.find((s) => s.post === 'Board')!.startKnown).toBe(false);
  });

  it('/timeline company: a public reply with the PNG attached, the size of the chart and not blank, and the list beside it', async () => {
    const handle = h.emu.sendCommand({ name: 'timeline', options: { company: 'acme robotics' } });
    const reply = await handle.reply();
    expect(reply.type).toBe(5);
    expect(reply.ephemeral).toBe(false);
    const edit = h.emu.requestsTo('PATCH', /\/messages\/(@|%40)original$/).at(-1)!;
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(reply.data.content).toBe('**Leadership of Acme Robotics** · 6 people in 4 posts');
    // The list is an embed: Discord shows it under the attachment.
    const list = String((reply.data.embeds as Array<{ description: string }>)[0]!.description).split('\n');
    expect(list).toHaveLength(6);
    expect(list[0]).toBe('**CEO** · Priya Raman, 2025-01-10 – now · [Example Wire](<https://example-wire.example/a4>)');
    expect(list).toContain('**CEO** · Daniel Reyes (interim), 2024-07-01 – 2025-01-10 · [Example Wire](<https://example-wire.example/a3>)');

    const [file, ...rest] = h.emu.attachments(reply.message!);
    expect(rest).toHaveLength(0);
    expect(file).toMatchObject({ filename: 'timeline.png', contentType: 'image/png' });
    const png = decodePng(file!.data);
    // The reply is the picture of the spec above: same size as drawing that spec here.
    const found = await h.records.forOrganization('Acme Robotics', 100);
    const expected = await renderChartPng(timelineSpec(buildTimeline(found.records, { view: 'organization', subject: 'Acme Robotics', now: NOW })));
    expect([png.width, png.height]).toEqual([expected.width, expected.height]);
    expect(png.width).toBeGreaterThan(1000);
    // Not blank: more than the card colour, and some dark (text) pixels.
    const colours = new Set<number>();
    let dark = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      colours.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!);
      if (png.rgba[i]! + png.rgba[i + 1]! + png.rgba[i + 2]! < 200) dark += 1;
    }
    expect(colours.size).toBeGreaterThan(50);
    expect(dark).toBeGreaterThan(1000);
  });

  it('/timeline person: the posts one person held', async () => {
    const reply = await h.emu.sendCommand({ name: 'timeline', options: { person: 'Margaret Okafor' } }).reply();
    expect(reply.data.content).toBe('**Posts held by Margaret Okafor** · 1 term in 1 post');
    expect((reply.data.embeds as Array<{ description: string }>)[0]!.description).toContain('chief executive officer, 2019-03-01 – 2024-06-30');
    expect(decodePng(h.emu.attachments(reply.message!)[0]!.data).width).toBeGreaterThan(1000);
  });

  it('autocompletes company names as /changes does', async () => {
    const timeline = await h.emu.sendAutocomplete({ name: 'timeline', options: { company: 'acm' }, focused: 'company' }).reply();
    const changes = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'company', options: { name: 'acm' }, focused: 'name' }).reply();
    expect(timeline.data.choices).toEqual(changes.data.choices);
    expect((timeline.data.choices as Array<{ value: string }>).map((c) => c.value)).toContain('Acme Robotics');
  });

  it('an unknown company: a private error with the nearest names, and no picture', async () => {
    const reply = await h.emu.sendCommand({ name: 'timeline', options: { company: 'Acme Robotix' } }).reply();
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('❌ No stored change mentions a company called “Acme Robotix”. Did you mean **Acme Robotics**, **Acme Robotics, Inc.**?');
    expect(h.emu.attachments(reply.message!)).toHaveLength(0);
  });

  it('neither or both of company and person: a private error saying to give one', async () => {
    const reply = await h.emu.sendCommand({ name: 'timeline', options: { company: 'Acme Robotics', person: 'Priya Raman' } }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toMatch(/give either `company` or `person`/);
    const neither = await h.emu.sendCommand({ name: 'timeline', options: {} }).reply();
    expect(neither.ephemeral).toBe(true);
    expect(neither.data.content).toMatch(/give either `company` or `person`/);
  });

  it('/changes company export:true: a CSV attachment that parses back into the same rows', async () => {
    const reply = await h.emu.sendCommand({ name: 'changes', subcommand: 'company', options: { name: 'Acme Robotics', days: 3650, export: true } }).reply();
    expect(reply.ephemeral).toBe(false);
    expect(reply.data.content).toBe('Acme Robotics: leadership changes, last 3650 days: 7 changes.');
    const [file] = h.emu.attachments(reply.message!);
    expect(file!.filename).toBe('execwatch-changes.csv');
    const text = file!.data.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const seeded = ACME_EVENTS.filter((e) => e.org.startsWith('Acme')).sort((a, b) => b.firstSeen.localeCompare(a.firstSeen));
    expect(rows.map((r) => r.map(unguardFormula))).toEqual(seeded.map((e) => [
      e.person, e.direction, e.title, e.org, String(e.interim ?? false), e.effectiveDate ?? '', e.firstSeen,
      (e.outlets ?? ['Example Wire']).map((o) => `https://${o.toLowerCase().replace(/\W+/g, '-')}.example/${e.id}`).join(' '),
    ]));
    // The formula a stranger wrote is text in a spreadsheet.
    expect(rows.find((r) => r[1] === 'out' && r[2] === 'board member')![0]).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('/changes recent export:true with nothing to export: a private "nothing found"', async () => {
    const reply = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { days: 1, export: true } }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(String(reply.data.content)).toMatch(/Nothing found: leadership changes, last 1 day/);
  });
});
