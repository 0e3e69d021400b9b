import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import { UserError } from './command.js';

/** Admin commands: Discord hides them by default_member_permissions, and we check again here. */
export function requireManageServer(interaction: BaseInteraction): void {
  if (!interaction.inGuild()) throw new UserError('This command works only inside a server.');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('You need the **Manage Server** permission to do that. Ask a server admin.');
  }
}
