import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';

describe('CLI registry', () => {
  it('lists each command under the name its module answers to, with the same summary', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });

  it('prints help, refuses an unknown command with exit 2, and shows a command usage', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} };
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/extract\s+extract leadership changes/);
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command "frobnicate"/);
    expect(await main(['eval', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--gold F/);
    expect(await main(['eval', '--nope'], io)).toBe(2);
  });
});
