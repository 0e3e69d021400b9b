import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './harness.js';

// The stores answer with promises: a failure is a rejection, which must reach the dispatcher's
// error boundary (a missing await would leave the user with "The application did not respond").

describe('a store that fails while a slash command runs', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers privately with a logged reference, and the next command after the store recovers works', async () => {
    h.db.pragma('query_only = ON'); // every write now fails, as on a read-only file
    try {
      const reply = await h.emu.sendCommand({ name: 'subscribe', as: 'admin' }).reply();
      expect(reply.ephemeral).toBe(true);
      const ref = /reference ([0-9a-f]{8})/.exec(String(reply.data.content))?.[1];
      expect(ref).toBeTruthy();
      const logged = h.logs.find((l) => l.level === 'error' && (l.obj as { ref?: string }).ref === ref);
      expect((logged?.obj as { err?: string; command?: string } | undefined)).toMatchObject({ command: 'subscribe', err: expect.stringMatching(/readonly/i) });
    } finally {
      h.db.pragma('query_only = OFF');
    }
    expect(await h.stores.subscriptions.get(h.emu.channelId('general'))).toBeUndefined();
    const again = await h.emu.sendCommand({ name: 'subscribe', as: 'admin' }).reply();
    expect(again.data.content).toContain(`Subscribed <#${h.emu.channelId('general')}>: every change`);
  });
});
