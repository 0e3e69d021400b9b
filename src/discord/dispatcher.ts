import { randomBytes } from 'node:crypto';
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { UserError, type CommandContext, type SlashCommand } from './command.js';

export interface Dispatcher {
  handle(interaction: Interaction): Promise<void>;
}

export interface DispatcherOptions {
  /**
   * How long an autocomplete may take before it is answered with no choices: Discord drops an
   * answer that comes after 3 s, and a store busy with a long unit of work can keep names waiting.
   */
  autocompleteDeadlineMs?: number;
}

export const AUTOCOMPLETE_DEADLINE_MS = 2500;

/** Answers in private, whatever state the interaction is in (fresh, deferred or already answered). */
async function replyPrivately(interaction: ChatInputCommandInteraction | ButtonInteraction, content: string): Promise<void> {
  const body = { content, allowedMentions: { parse: [] } } as const;
  if (interaction.deferred && !interaction.replied && interaction.ephemeral) await interaction.editReply(body);
  else if (interaction.deferred && !interaction.replied) {
    // A public "thinking…" cannot turn private: remove it and answer privately instead.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  } else if (interaction.replied || interaction.deferred) await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}

/**
 * The one place interactions enter: routes them to their command, and is the one error boundary.
 * A UserError becomes a private answer saying what to fix; anything else a private "went wrong"
 * with a reference that is in the log.
 */
export function createDispatcher(commands: readonly SlashCommand[], ctx: CommandContext, options: DispatcherOptions = {}): Dispatcher {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const deadlineMs = options.autocompleteDeadlineMs ?? AUTOCOMPLETE_DEADLINE_MS;

  async function boundary(interaction: ChatInputCommandInteraction | ButtonInteraction, name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      let message: string;
      if (err instanceof UserError) {
        message = `❌ ${err.message}`;
      } else {
        const ref = randomBytes(4).toString('hex');
        ctx.logger.error({ err: (err as Error).message, stack: (err as Error).stack, command: name, ref }, 'slash command failed');
        message = `⚠️ Something went wrong on execwatch's side (reference ${ref}). The error was logged; try again in a minute.`;
      }
      try {
        await replyPrivately(interaction, message);
      } catch (replyErr) {
        ctx.logger.warn({ err: (replyErr as Error).message, command: name }, 'could not send the error reply');
      }
    }
  }

  /** Names as the user types: answered (with no choices, if need be) before Discord gives up. */
  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const name = interaction.commandName;
    const command = byName.get(name);
    const answer = (async () => {
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await interaction.respond([]);
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deadlineMs);
    });
    try {
      if ((await Promise.race([answer, late])) === 'late') {
        ctx.logger.warn({ command: name, deadlineMs }, 'autocomplete too slow; answered with no choices');
        // Its own answer, when it comes, finds the interaction answered: nothing to report then.
        answer.catch(() => undefined);
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
    } catch (err) {
      ctx.logger.warn({ err: (err as Error).message, command: name }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async handle(interaction) {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        await boundary(interaction, interaction.commandName, async () => {
          if (!command) throw new UserError(`execwatch does not know /${interaction.commandName}; the commands may need redeploying.`);
          await command.execute(interaction, ctx);
        });
      } else if (interaction.isAutocomplete()) {
        await autocomplete(interaction);
      } else if (interaction.isButton()) {
        const [name = '', ...args] = interaction.customId.split(':');
        const command = byName.get(name);
        await boundary(interaction, name, async () => {
          if (!command?.button) throw new UserError('This button no longer works; run the command again.');
          await command.button(interaction, ctx, args);
        });
      }
    },
  };
}
