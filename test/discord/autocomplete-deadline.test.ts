import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../src/discord/command.js';
import { commands } from '../../src/discord/commands/index.js';
import { seedChange, startBotHarness, type BotHarness } from './harness.js';

// Discord drops an autocomplete answer that comes after 3 s. The store is asynchronous and, on
// SQLite, a call waits while a unit of work holds the database: the dispatcher answers with no
// choices at its deadline rather than let the user's typing show an error.

let release: () => void = () => undefined;
let lateTried: () => void = () => undefined;
const slow: SlashCommand = {
  data: new SlashCommandBuilder().setName('slow').setDescription('Autocompletes slowly on purpose')
    .addStringOption((o) => o.setName('name').setDescription('Anything').setAutocomplete(true)),
  async execute(interaction) {
    await interaction.reply({ content: 'ok' });
  },
  async autocomplete(interaction) {
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await interaction.respond([{ name: 'too late', value: 'too late' }]);
    } finally {
      lateTried();
    }
  },
};

describe('autocomplete answers before its deadline, whatever keeps it waiting', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ commands: [...commands, slow], autocompleteDeadlineMs: 300 });
    await seedChange(h, { person: 'Priya Raman', org: 'Acme Robotics' });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  it('a handler that does not answer in time: no choices, logged, and its late answer is dropped quietly', async () => {
    const handle = h.emu.sendAutocomplete({ name: 'slow', focused: 'name', options: { name: 'a' } });
    const reply = await handle.reply();
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toEqual([]);
    expect(h.logs.some((l) => l.level === 'warn' && l.msg === 'autocomplete too slow; answered with no choices' && (l.obj as { command?: string }).command === 'slow')).toBe(true);

    const tried = new Promise<void>((resolve) => {
      lateTried = resolve;
    });
    release();
    await tried;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The interaction was answered once: the late answer is refused (by discord.js, or by Discord
    // when it races the first), and the refusal is neither an error in the log nor an unhandled
    // rejection (vitest would fail the run).
    const callbacks = h.emu.requestsTo('POST', /\/callback$/).filter((r) => r.path.includes(`/interactions/${handle.id}/`));
    expect(callbacks.filter((r) => r.status < 400)).toHaveLength(1);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('a unit of work holding the store past the deadline: no choices; once it ends, the names', async () => {
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    let started: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const unit = h.work.run(async () => {
      started();
      await ended;
    });
    await holding;
    try {
      const waiting = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'company', focused: 'name', options: { name: 'acme' } }).reply();
      expect(waiting.data.choices).toEqual([]);
    } finally {
      end();
      await unit;
    }
    const after = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'company', focused: 'name', options: { name: 'acme' } }).reply();
    expect(after.data.choices).toEqual([{ name: 'Acme Robotics', value: 'Acme Robotics' }]);
  });
});
