import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { createClock, openWorld, story, tempDbPath } from './support.js';

const CHANNELS = ['alerts', 'digest', 'digest-empty', 'globex-digest'];

describe('digests through the Discord emulator, on an injected clock and a real SQLite file', () => {
  let emu: DiscordEmulator;
  const worlds: Array<Awaited<ReturnType<typeof openWorld>>> = [];
  const world = async (clock: ReturnType<typeof createClock>, path?: string) => {
    const w = await openWorld({ apiUrl: emu.apiUrl, token: emu.token, clock, path });
    worlds.push(w);
    return w;
  };
  const texts = (channel: string) => emu.messagesIn(channel).map((m) => m.content);
  /** A runner on a file with a daily digest due on 2 May 09:00 UTC and one change in its period. */
  const firstRunner = async () => {
    const path = tempDbPath();
    const clock = createClock('2026-05-01T10:00:00Z');
    const first = await world(clock, path);
    await first.subscribe(emu.channelId('digest'), {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
    await first.report(story('Initech appoints Raj Patel chief executive officer'), '2026-05-01T12:00:00Z');
    return { path, clock, first };
  };

  beforeAll(async () => {
    emu = await startDiscordEmulator({ channels: CHANNELS });
  });
  afterAll(async () => {
    await emu?.close();
  });
  afterEach(async () => {
    for (const w of worlds.splice(0)) if (w.db.open) await w.close();
    emu.faults.clear();
    emu.state.messages.clear();
    emu.requests.length = 0;
  });

  it('daily in America/New_York across the spring-forward night: each period once, at 09:00 local before and after', async () => {
    const clock = createClock('2026-03-06T20:00:00Z');
    const w = await world(clock);
    await w.subscribe(emu.channelId('digest'), {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'America/New_York' } });

    await w.report(story('Globex names Ann Able chief financial officer'), '2026-03-07T13:30:00Z'); // 08:30 EST, Sat
    expect((await w.tick('2026-03-07T13:59:00Z')).enqueued).toEqual([]);
    const sat = await w.tick('2026-03-07T14:00:30Z'); // 09:00 EST
    expect(sat.enqueued).toHaveLength(1);
    expect(sat.enqueued[0]).toMatch(/^digest:\d+:daily:2026-03-07$/);
    expect(texts('digest')).toHaveLength(1);
    expect(texts('digest')[0]).toMatch(/^\*\*Daily digest · Sat 7 Mar 2026\*\*\n1 change at 1 organisation\./);
    expect(texts('digest')[0]).toContain('**Ann Able** → chief financial officer · [news.example](<https://news.example/globex-names-ann-able-chief-financial-officer>)');

    await w.report(story('Initech appoints Raj Patel chief executive officer'), '2026-03-07T15:00:00Z');
    await w.report(story('Umbrella Corp CEO Bob Stone steps down'), '2026-03-08T12:30:00Z'); // 08:30 EDT, after the jump
    // 09:00 EST would be 14:00Z; after the jump 09:00 is 13:00Z.
    expect((await w.tick('2026-03-08T12:59:00Z')).enqueued).toEqual([]);
    await w.tick('2026-03-08T13:00:30Z');
    await w.report(story('Hooli names Gavin Belson chairman'), '2026-03-08T13:10:00Z');
    await w.tick('2026-03-08T14:00:30Z');
    const all = texts('digest');
    expect(all).toHaveLength(2);
    expect(all[1]).toMatch(/^\*\*Daily digest · Sun 8 Mar 2026\*\*\n2 changes at 2 organisations\./);
    expect(all[1]).toContain('**Raj Patel** → chief executive officer');
    expect(all[1]).toContain('**Bob Stone** ✕ leaves CEO');
    expect(all[1]).not.toContain('Ann Able');
    expect(all[1]).not.toContain('Gavin Belson');
    expect(all.join('\n')).not.toContain('(late');
    const posts = emu.requestsTo('POST', new RegExp(`/channels/${emu.channelId('digest')}/messages$`));
    expect(posts.map((r) => (r.body as { allowed_mentions?: unknown }).allowed_mentions)).toEqual([{ parse: [] }, { parse: [] }]);

    await w.tick('2026-03-09T13:00:30Z');
    expect(texts('digest')).toHaveLength(3);
    expect(texts('digest')[2]).toContain('Gavin Belson');
  });

  it('weekly in Asia/Kolkata on its weekday, grouped by company; an empty week is silent unless post_empty', async () => {
    const clock = createClock('2026-11-10T00:00:00Z');
    const w = await world(clock);
    const weekly = { cadence: 'weekly' as const, time: '18:30', timeZone: 'Asia/Kolkata', weekday: 'friday' as const };
    await w.subscribe(emu.channelId('digest'), {}, { schedule: weekly });
    await w.subscribe(emu.channelId('digest-empty'), {}, { schedule: weekly, postEmpty: true });

    // Friday 13 Nov 18:30 IST (13:00Z) ends an empty week: only post_empty speaks.
    await w.tick('2026-11-13T13:00:30Z');
    expect(texts('digest')).toEqual([]);
    expect(texts('digest-empty')).toHaveLength(1);
    expect(texts('digest-empty')[0]).toContain('No leadership changes were reported in this period.');

    await w.report(story('Globex names Ann Able chief financial officer'), '2026-11-14T09:00:00Z');
    await w.report(story('Initech appoints Raj Patel chief executive officer'), '2026-11-17T09:00:00Z');
    await w.report(story('Globex names Carla Diaz chief operating officer'), '2026-11-19T09:00:00Z');
    expect((await w.tick('2026-11-20T12:59:00Z')).enqueued).toEqual([]); // 18:29 IST
    await w.tick('2026-11-20T13:00:30Z');
    const [text] = texts('digest');
    expect(texts('digest')).toHaveLength(1);
    expect(text).toMatch(/^\*\*Weekly digest · Fri 13 Nov – Fri 20 Nov 2026\*\*\n3 changes at 2 organisations\./);
    // Most changes first, each company's lines oldest first, each with its link.
    const globex = text!.indexOf('**Globex**');
    const initech = text!.indexOf('**Initech**');
    expect(globex).toBeGreaterThan(0);
    expect(initech).toBeGreaterThan(globex);
    expect(text!.indexOf('Ann Able')).toBeLessThan(text!.indexOf('Carla Diaz'));
    expect(text!.match(/\[news\.example\]\(<https:\/\/news\.example\/[a-z-]+>\)/g)).toHaveLength(3);
    expect(texts('digest-empty')).toHaveLength(2);
  });

  it('a digest subscription gets no per-change alert; an alert subscription does, and filters apply to digests', async () => {
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = await world(clock);
    await w.subscribe(emu.channelId('alerts'), {}, null);
    await w.subscribe(emu.channelId('digest'), {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' } });
    await w.subscribe(emu.channelId('globex-digest'), { companies: ['Globex'] }, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' }, postEmpty: true });

    await w.report(story('Initech appoints Raj Patel chief executive officer'), '2026-05-01T12:00:00Z');
    expect(emu.messagesIn('alerts')).toHaveLength(1);
    expect(emu.messagesIn('alerts')[0]!.embeds).toHaveLength(1);
    expect(emu.messagesIn('digest')).toHaveLength(0);
    expect(emu.messagesIn('globex-digest')).toHaveLength(0);

    await w.tick('2026-05-02T09:00:30Z');
    expect(texts('digest')).toHaveLength(1);
    expect(texts('digest')[0]).toContain('Raj Patel');
    expect(texts('globex-digest')[0]).toContain('No leadership changes were reported');
    expect(emu.messagesIn('alerts')).toHaveLength(1); // no digest where alerts go
  });

  it('a period missed while the bot was down is posted late, once, and says so', async () => {
    const clock = createClock('2026-05-01T10:00:00Z');
    const w = await world(clock);
    await w.subscribe(emu.channelId('digest'), {}, { schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' }, postEmpty: true });
    await w.report(story('Initech appoints Raj Patel chief executive officer'), '2026-05-02T12:00:00Z');

    // Down from before 2 May 09:00 until 5 May 10:00: four periods ended meanwhile.
    const back = await w.tick('2026-05-05T10:00:00Z');
    expect(back.enqueued.map((k) => k.split(':').slice(2).join(':'))).toEqual(['daily:2026-05-02', 'daily:2026-05-03', 'daily:2026-05-04', 'daily:2026-05-05']);
    const late = texts('digest');
    expect(late).toHaveLength(4);
    expect(late[0]).toContain('(late: due Sat 2 May, 09:00 UTC)');
    expect(late[1]).toContain('(late: due Sun 3 May, 09:00 UTC)');
    expect(late[1]).toContain('Raj Patel');
    expect(late.every((t) => t.includes('(late: due'))).toBe(true);

    await w.tick('2026-05-05T10:01:00Z');
    await w.tick('2026-05-05T12:00:00Z');
    expect(texts('digest')).toHaveLength(4);
    await w.tick('2026-05-06T09:00:30Z');
    expect(texts('digest')).toHaveLength(5);
    expect(texts('digest')[4]).not.toContain('(late');
  });

  it('exactly once across a restart: a second runner on the same file posts nothing the first posted', async () => {
    const { path, clock, first } = await firstRunner();
    await first.tick('2026-05-02T09:00:30Z');
    expect(texts('digest')).toHaveLength(1);
    await first.close();

    const second = await world(clock, path);
    expect((await second.tick('2026-05-02T09:00:30Z')).posts).toEqual([]);
    await second.tick('2026-05-02T09:05:00Z');
    expect(texts('digest')).toHaveLength(1);
    await second.report(story('Globex names Ann Able chief financial officer'), '2026-05-02T12:00:00Z');
    await second.tick('2026-05-03T09:00:30Z');
    expect(texts('digest')).toHaveLength(2);
    expect(texts('digest')[1]).toContain('Ann Able');
    expect(texts('digest')[1]).not.toContain('Raj Patel');
  });

  it('exactly once when a runner dies mid-post: the next one finishes it and Discord keeps one message (nonce)', async () => {
    const { path, clock, first } = await firstRunner();
    // The post reaches Discord, but its answer never comes back to this runner: it "dies" there.
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 200, delayMs: 3000 });
    const dying = first.tick('2026-05-02T09:00:30Z');
    await emu.waitForMessages('digest', 1);

    // A second runner on the same file, three minutes later: the cut-off post is posted again.
    const second = await world(clock, path);
    const again = await second.tick('2026-05-02T09:03:30Z');
    expect(again.posts.map((p) => p.outcome)).toEqual(['sent']);
    expect(texts('digest')).toHaveLength(1);
    await dying;
    await second.tick('2026-05-02T09:10:00Z');
    await first.tick('2026-05-02T09:10:00Z');
    expect(texts('digest')).toHaveLength(1);
    const row = (await second.stores.deliveries.forAlert(again.posts[0]!.key))[0]!;
    expect(row.status).toBe('sent');
    expect(await second.stores.deliveries.digestOutbox()).toEqual([]);
  });
});
