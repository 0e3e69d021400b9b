import type { AutocompleteInteraction } from 'discord.js';
import type { NameKind } from './lookup.js';
import type { CommandContext } from './command.js';

/** Autocomplete for an organisation or person option: the names /changes suggests. */
export async function respondWithNames(interaction: AutocompleteInteraction, ctx: CommandContext, kind: NameKind, typed: string): Promise<void> {
  const suggestions = await ctx.lookup.suggest(kind, typed, 25);
  await interaction.respond(suggestions.map((s) => ({ name: s.label.slice(0, 100), value: s.value.slice(0, 100) })));
}
