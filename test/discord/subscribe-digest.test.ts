import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './harness.js';

describe('/subscribe mode:digest through the emulator and the real discord.js Client', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores a weekly digest with its time, zone (capitalised, the name the user chose), weekday and post_empty, and lists it', async () => {
    const alerts = h.emu.channelId('alerts');
    const reply = await h.emu.sendCommand({
      name: 'subscribe', as: 'admin',
      options: { channel: alerts, companies: 'Globex', mode: 'digest', schedule: 'weekly', time: '08:30', timezone: 'asia/kolkata', weekday: 'friday', post_empty: true },
    }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(`Subscribed <#${alerts}>: companies: Globex; weekly digest, Fridays at 08:30 Asia/Kolkata (empty weeks too).`);
    expect(reply.data.content).toMatch(/First digest <t:\d+:f>, covering its whole period\. No per-change alerts/);
    const stored = (await h.stores.subscriptions.get(alerts))!;
    expect(stored.mode).toBe('digest');
    expect(stored.digest).toMatchObject({ schedule: { cadence: 'weekly', time: '08:30', timeZone: 'Asia/Kolkata', weekday: 'friday' }, postEmpty: true });

    await h.emu.sendCommand({ name: 'subscribe', as: 'admin', options: { mode: 'digest', schedule: 'daily' } }).reply();
    const general = (await h.stores.subscriptions.get(h.emu.channelId('general')))!;
    expect(general.digest).toMatchObject({ schedule: { cadence: 'daily', time: '09:00', timeZone: 'UTC' }, postEmpty: false });

    const list = await h.emu.sendCommand({ name: 'subscriptions', as: 'admin' }).reply();
    expect(list.data.content).toContain(`<#${alerts}>: companies: Globex; weekly digest, Fridays at 08:30 Asia/Kolkata (empty weeks too)`);
    expect(list.data.content).toContain(`<#${h.emu.channelId('general')}>: every change; daily digest at 09:00 UTC`);

    // Back to alerts: plain /subscribe there.
    await h.emu.sendCommand({ name: 'subscribe', as: 'admin' }).reply();
    expect(await h.stores.subscriptions.get(h.emu.channelId('general'))).toMatchObject({ mode: 'alert', digest: null });
  });

  it('answers a bad time zone, a bad time or schedule options without mode:digest with a private error naming the option', async () => {
    const cases: Array<[Record<string, string | boolean>, RegExp]> = [
      [{ mode: 'digest', schedule: 'daily', timezone: 'Mars/Olympus' }, /`timezone`: an IANA time zone, such as Europe\/Berlin/],
      [{ mode: 'digest', schedule: 'daily', time: '9am' }, /`time`: a time of day as HH:MM \(24-hour\)/],
      [{ mode: 'digest', schedule: 'daily', time: '24:00' }, /`time`: a time of day as HH:MM/],
      [{ mode: 'digest' }, /`schedule`: a digest needs/],
      [{ schedule: 'weekly' }, /`schedule` is for digests: add `mode:digest`/],
      [{ mode: 'digest', schedule: 'daily', weekday: 'monday' }, /`weekday` is for weekly digests/],
    ];
    const channel = h.emu.channelId('admin');
    for (const [options, message] of cases) {
      const reply = await h.emu.sendCommand({ name: 'subscribe', as: 'admin', options: { channel, ...options } }).reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toMatch(message);
    }
    expect(await h.stores.subscriptions.get(channel)).toBeUndefined();
  });

  it('refuses members without Manage Server', async () => {
    const reply = await h.emu.sendCommand({ name: 'subscribe', as: 'member', options: { mode: 'digest', schedule: 'daily' } }).reply();
    expect(reply.data.content).toMatch(/Manage Server/);
  });
});
