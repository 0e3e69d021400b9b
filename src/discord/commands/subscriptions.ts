import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { escapeText } from '../markdown.js';
import type { SlashCommand } from '../command.js';
import { requireManageServer } from '../permissions.js';
import { discordTime } from '../render.js';
import { describeMode } from '../digest-options.js';
import { describeFilters } from './subscribe.js';

const data = new SlashCommandBuilder()
  .setName('subscriptions')
  .setDescription("This server's alert channels, their filters and digests (needs Manage Server)")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export const subscriptionsCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const subs = await ctx.subscriptions.listByGuild(interaction.guildId!);
    const lines = subs.map((s) => {
      const state = s.status === 'paused' ? ` — ⏸ paused ${discordTime(s.pausedAt, 'R')}: ${escapeText(s.pausedReason ?? 'unknown reason')} (run /subscribe there to resume)` : '';
      return `• <#${s.channelId}>: ${describeFilters(s)}; ${describeMode(s)}${state}`;
    });
    await interaction.reply({
      content: subs.length ? `**Alert subscriptions (${subs.length})**\n${lines.join('\n')}`.slice(0, 2000) : 'No channel here is subscribed. Use /subscribe in the channel that should get alerts.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
