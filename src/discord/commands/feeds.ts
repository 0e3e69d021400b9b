import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { escapeText, linkTarget } from '../markdown.js';
import { plainText } from '../../notify/plain-text.js';
import type { FeedRecord } from '../../ports/feeds.js';
import { UserError, type CommandContext, type SlashCommand } from '../command.js';
import { parseOptions } from '../options.js';
import { requireManageServer } from '../permissions.js';
import { discordTime } from '../render.js';

const data = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('The news feeds execwatch watches (needs Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s
    .setName('add')
    .setDescription('Watch another RSS, Atom or JSON feed (it is read once before it is accepted)')
    .addStringOption((o) => o.setName('url').setDescription('The feed address, http(s)').setRequired(true).setMaxLength(2000))
    .addStringOption((o) => o.setName('name').setDescription('A name to show (default: the feed title)').setMaxLength(100)))
  .addSubcommand((s) => s
    .setName('remove')
    .setDescription('Stop watching a feed added here')
    .addStringOption((o) => o.setName('feed').setDescription('The feed').setRequired(true).setAutocomplete(true).setMaxLength(2000)))
  .addSubcommand((s) => s.setName('list').setDescription('Every feed watched'))
  .addSubcommand((s) => s.setName('status').setDescription("Each feed's health: last success, last error, next poll"));

const AddOptions = z.object({
  url: z.string().trim().min(1, 'give the feed URL').max(2000),
  name: z.string().trim().min(1).max(100).nullable(),
});

const MAX_MESSAGE = 1900;

/** Lines up to Discord's message size, then "… and N more". */
function fit(header: string, lines: string[]): string {
  let out = header;
  for (const [i, line] of lines.entries()) {
    if (out.length + line.length + 1 > MAX_MESSAGE) return `${out}\n… and ${lines.length - i} more`;
    out += `\n${line}`;
  }
  return out;
}

async function findFeed(ctx: CommandContext, ref: string): Promise<FeedRecord | undefined> {
  const all = await ctx.feeds.list();
  return all.find((f) => String(f.id) === ref) ?? all.find((f) => f.url === ref) ?? all.find((f) => f.name.toLowerCase() === ref.toLowerCase());
}

async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const opts = parseOptions(AddOptions, { url: interaction.options.getString('url'), name: interaction.options.getString('name') });
  // Reading a feed can take longer than the 3 s Discord gives for an answer.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const check = await ctx.checkFeed(opts.url);
  if (!check.ok) throw new UserError(`Not added: ${escapeText(check.error)}`);
  const existing = await ctx.feeds.getByUrl(check.url);
  if (existing) throw new UserError(`That feed is already watched, as **${escapeText(existing.name)}**.`);
  // A feed's own title is its author's text: stored plain (no hidden or reordering characters), shown escaped.
  const name = plainText(opts.name ?? check.title).slice(0, 100) || new URL(check.url).hostname;
  const feed = await ctx.feeds.upsert({ url: check.url, name, origin: 'user', guildId: interaction.guildId }, ctx.now().toISOString());
  await interaction.editReply({
    content: `✅ Added **${escapeText(feed.name)}** (${check.items} item${check.items === 1 ? '' : 's'} now). Its first read records what it holds, alerting only items of the last hours (polling.backfillHours); new ones alert as they come.`,
    allowedMentions: { parse: [] },
  });
}

async function remove(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const ref = interaction.options.getString('feed', true).trim();
  const feed = await findFeed(ctx, ref);
  if (!feed) throw new UserError(`No watched feed matches “${escapeText(ref)}”. Pick one from the suggestions.`);
  const name = escapeText(feed.name);
  if (feed.origin === 'config') throw new UserError(`**${name}** comes from the config file; remove it there.`);
  if (feed.guildId && feed.guildId !== interaction.guildId) throw new UserError(`**${name}** was added in another server; it can be removed only there.`);
  await ctx.feeds.remove(feed.id);
  await interaction.reply({ content: `✅ Removed **${name}**.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

/** A feed's address as a link that shows no preview, or as text when it is a local file. */
function shownUrl(url: string): string {
  const target = linkTarget(url);
  return target ? `<${target}>` : escapeText(url);
}

function health(f: FeedRecord): string {
  const icon = f.disabled ? '⛔' : f.lastError && f.failingSince ? '⚠️' : f.lastSuccessAt ? '✅' : '⏳';
  const parts = [
    f.lastSuccessAt ? `last success ${discordTime(f.lastSuccessAt, 'R')}` : 'never read yet',
    f.failingSince && f.lastError ? `failing since ${discordTime(f.failingSince, 'R')}: ${escapeText(f.lastError.slice(0, 150))}` : null,
    f.disabled ? 'disabled' : f.nextPollAt ? `next poll ${discordTime(f.nextPollAt, 'R')}` : null,
    `${f.itemCount} items`,
  ].filter(Boolean);
  return `${icon} **${escapeText(f.name)}** — ${parts.join(' · ')}`;
}

export const feedsCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') return add(interaction, ctx);
    if (sub === 'remove') return remove(interaction, ctx);
    const feeds = await ctx.feeds.list();
    const content = sub === 'list'
      ? fit(`**Feeds watched (${feeds.length})**`, feeds.map((f) => `• **${escapeText(f.name)}** ${shownUrl(f.url)}${f.origin === 'user' ? ' (added in Discord)' : ''}${f.disabled ? ' — disabled' : ''}`))
      : fit(`**Feed health (${feeds.length})**`, feeds.map(health));
    await interaction.reply({ content: feeds.length ? content : 'No feeds are watched. Add one with /feeds add.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
  async autocomplete(interaction, ctx) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const mine = (await ctx.feeds.list()).filter((f) => f.origin === 'user' && (!f.guildId || f.guildId === interaction.guildId));
    const matches = mine.filter((f) => f.name.toLowerCase().includes(typed) || f.url.toLowerCase().includes(typed));
    await interaction.respond(matches.slice(0, 25).map((f) => ({ name: `${plainText(f.name)} — ${f.url}`.slice(0, 100), value: String(f.id) })));
  },
};
