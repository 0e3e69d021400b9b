import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { ROLE_CATEGORIES } from '../../core/change.js';
import { escapeText } from '../markdown.js';
import type { SubscriptionFilters } from '../../ports/subscriptions.js';
import { UserError, type SlashCommand } from '../command.js';
import { listOption, parseOptions } from '../options.js';
import { requireManageServer } from '../permissions.js';
import { describeMode, nextDigestAt, parseModeOptions } from '../digest-options.js';
import { unknownNames } from '../lookup.js';
import { discordTime } from '../render.js';
import { WEEKDAYS } from '../../digest/schedule.js';

const data = new SlashCommandBuilder()
  .setName('subscribe')
  .setDescription('Post alerts (or a daily/weekly digest) in a channel, optionally only some (needs Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => o.setName('channel').setDescription('Where to post (default: this channel)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
  .addStringOption((o) => o.setName('companies').setDescription('Only these organisations, comma-separated').setMaxLength(1000))
  .addStringOption((o) => o.setName('people').setDescription('Only these people, comma-separated').setMaxLength(1000))
  .addStringOption((o) => o.setName('roles').setDescription('Only these roles, e.g. CEO, CFO, Board (comma-separated)').setMaxLength(500))
  .addStringOption((o) => o.setName('directions').setDescription('Appointments, departures or both (default both)').addChoices(
    { name: 'both', value: 'both' }, { name: 'in (appointed)', value: 'in' }, { name: 'out (left)', value: 'out' }))
  .addNumberOption((o) => o.setName('min-confidence').setDescription('Only changes at least this sure, 0 to 1 (default 0)').setMinValue(0).setMaxValue(1))
  .addStringOption((o) => o.setName('mode').setDescription('Each alert as it comes, or one digest a day or week (default alert)').addChoices(
    { name: 'alert (each change)', value: 'alert' }, { name: 'digest (one summary per period)', value: 'digest' }))
  .addStringOption((o) => o.setName('schedule').setDescription('Digests: daily or weekly').addChoices(
    { name: 'daily', value: 'daily' }, { name: 'weekly', value: 'weekly' }))
  .addStringOption((o) => o.setName('time').setDescription('Digests: time of day it is posted, HH:MM 24-hour (default 09:00)').setMaxLength(5))
  .addStringOption((o) => o.setName('timezone').setDescription('Digests: IANA time zone such as Europe/Berlin (default UTC)').setMaxLength(64))
  .addStringOption((o) => o.setName('weekday').setDescription('Weekly digests: the day it is posted (default Monday)').addChoices(
    ...WEEKDAYS.map((d) => ({ name: d, value: d }))))
  .addBooleanOption((o) => o.setName('post_empty').setDescription('Digests: post one saying so when nothing changed (default false)'));

const SubscribeOptions = z.object({
  companies: listOption,
  people: listOption,
  roles: listOption,
  directions: z.enum(['both', 'in', 'out']).nullable().transform((d) => (d === 'in' || d === 'out' ? [d] : [])),
  minConfidence: z.number().min(0, 'min-confidence is between 0 and 1').max(1, 'min-confidence is between 0 and 1').nullable().transform((n) => n ?? 0),
});

export function describeFilters(f: SubscriptionFilters): string {
  const parts = [
    f.companies.length ? `companies: ${f.companies.map(escapeText).join(', ')}` : null,
    f.people.length ? `people: ${f.people.map(escapeText).join(', ')}` : null,
    f.roles.length ? `roles: ${f.roles.map(escapeText).join(', ')}` : null,
    f.directions.length ? `only ${f.directions[0] === 'in' ? 'appointments' : 'departures'}` : null,
    f.minConfidence > 0 ? `confidence ≥ ${Math.round(f.minConfidence * 100)}%` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'every change';
}

export const subscribeCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const o = interaction.options;
    const channel = o.getChannel('channel') ?? interaction.channel;
    if (!channel || !interaction.guildId) throw new UserError('Run this in a server text channel, or name one with the `channel` option.');
    const filters: SubscriptionFilters = parseOptions(SubscribeOptions, {
      companies: o.getString('companies'), people: o.getString('people'), roles: o.getString('roles'),
      directions: o.getString('directions'), minConfidence: o.getNumber('min-confidence'),
    });
    const mode = parseModeOptions({
      mode: o.getString('mode'), schedule: o.getString('schedule'), time: o.getString('time'), timezone: o.getString('timezone'),
      weekday: o.getString('weekday'), postEmpty: o.getBoolean('post_empty'),
    });
    const roleWords = filters.roles.filter((r) => !ROLE_CATEGORIES.some((c) => c.toLowerCase() === r.toLowerCase()));
    const unknownCompanies = await unknownNames(ctx.lookup, 'organization', filters.companies);
    const unknownPeople = await unknownNames(ctx.lookup, 'person', filters.people);
    const existed = await ctx.subscriptions.get(channel.id);
    const sub = await ctx.subscriptions.upsert({ guildId: interaction.guildId, channelId: channel.id, filters, createdBy: interaction.user.id, mode }, ctx.now().toISOString());
    const next = nextDigestAt(sub, ctx.now());
    const notes = [
      unknownCompanies.length || unknownPeople.length
        ? `Not seen in any change yet (they will match once reported): ${[...unknownCompanies, ...unknownPeople].map(escapeText).join(', ')}.`
        : null,
      roleWords.length ? `Roles matched by title words: ${roleWords.map(escapeText).join(', ')} (categories are ${ROLE_CATEGORIES.join(', ')}).` : null,
      existed?.status === 'paused' ? 'The subscription was paused; it is active again.' : null,
    ].filter(Boolean);
    await interaction.reply({
      content: [
        `✅ ${existed ? 'Updated' : 'Subscribed'} <#${sub.channelId}>: ${describeFilters(sub)}; ${describeMode(sub)}.`,
        ...(next ? [`First digest ${discordTime(next, 'f')}, covering its whole period. No per-change alerts are posted there.`] : []),
        ...notes,
      ].join('\n'),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
