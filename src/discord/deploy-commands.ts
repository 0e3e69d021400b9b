import { Routes, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SlashCommand } from './command.js';

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId: string | null;
  names: string[];
}

export function commandPayloads(commands: readonly SlashCommand[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}

/**
 * Registers the commands (a bulk PUT replaces the whole set). Guild commands appear at once; global
 * ones can take up to an hour to reach every client, so --guild is the way to try them.
 */
export async function deployCommands(rest: REST, commands: readonly SlashCommand[], guildId: string | null = null): Promise<DeployResult> {
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = guildId ? Routes.applicationGuildCommands(app.id, guildId) : Routes.applicationCommands(app.id);
  const registered = (await rest.put(route, { body: commandPayloads(commands) })) as Array<{ name: string }>;
  return { scope: guildId ? 'guild' : 'global', guildId, names: registered.map((c) => c.name) };
}
