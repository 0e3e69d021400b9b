import { randomBytes } from 'node:crypto';
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { UserError, type CommandContext, type SlashCommand } from './command.js';

export interface Dispatcher {
  handle(interaction: Interaction): Promise<void>;
}

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
export function createDispatcher(commands: readonly SlashCommand[], ctx: CommandContext): Dispatcher {
  const byName = new Map(commands.map((c) => [c.data.name, c]));

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

  return {
    async handle(interaction) {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        await boundary(interaction, interaction.commandName, async () => {
          if (!command) throw new UserError(`execwatch does not know /${interaction.commandName}; the commands may need redeploying.`);
          await command.execute(interaction, ctx);
        });
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        try {
          if (command?.autocomplete) await command.autocomplete(interaction, ctx);
          else await interaction.respond([]);
        } catch (err) {
          ctx.logger.warn({ err: (err as Error).message, command: interaction.commandName }, 'autocomplete failed');
          if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
        }
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
