import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError, type SlashCommand } from '../command.js';
import { requireManageServer } from '../permissions.js';

const data = new SlashCommandBuilder()
  .setName('unsubscribe')
  .setDescription('Stop posting alerts in a channel (needs Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => o.setName('channel').setDescription('Which channel (default: this one)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));

export const unsubscribeCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
    const sub = await ctx.subscriptions.get(channelId);
    if (!sub || sub.guildId !== interaction.guildId) throw new UserError(`<#${channelId}> has no subscription. /subscriptions lists this server's.`);
    await ctx.subscriptions.remove(channelId);
    await interaction.reply({ content: `✅ <#${channelId}> will get no more alerts.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};
