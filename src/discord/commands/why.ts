import { MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { z } from 'zod';
import { canonicalUrl } from '../../feeds/urls.js';
import { headline } from '../../notify/alert.js';
import { escapeText, linkTarget } from '../markdown.js';
import { parseTargetId } from '../../notify/target-id.js';
import { eventAlertKey, eventAsChange } from '../../pipeline/event-alert.js';
import { accessionOfUrl, explainFiling, filingLine } from '../../sec/explain.js';
import type { ItemRecord } from '../../ports/items.js';
import { UserError, type CommandContext, type SlashCommand } from '../command.js';
import { parseOptions } from '../options.js';
import { discordTime } from '../render.js';

const data = new SlashCommandBuilder()
  .setName('why')
  .setDescription('Was this article seen, what was found in it, and why did it alert or not?')
  .addStringOption((o) => o.setName('url').setDescription('The article URL').setRequired(true).setMaxLength(2000));

const UrlOption = z.object({
  url: z.string().trim().refine((s) => {
    try {
      return ['http:', 'https:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'that is not an article URL; paste the full link, starting with https://'),
});

const target = (id: string): string => {
  const ref = parseTargetId(id);
  return ref.kind === 'channel' ? `<#${ref.channelId}>` : ref.kind === 'webhook' ? 'the webhook' : id;
};

async function explainItem(item: ItemRecord, ctx: CommandContext): Promise<string[]> {
  const feed = await ctx.feeds.get(item.feedId);
  const lines = [`Seen ${discordTime(item.seenAt, 'R')} in **${escapeText(feed?.name ?? `feed #${item.feedId}`)}**: “${escapeText(item.title.slice(0, 200))}”.`];
  const filing = await ctx.filings?.byItem(item.id);
  if (filing) lines.push(...explainFiling(filing));
  if (item.status === 'baseline') {
    lines.push('It was in the first read of that feed and older than the backfill window (polling.backfillHours) or undated. execwatch records what a new feed already holds without alerting, so adding a feed does not flood the channel.');
    return lines;
  }
  if (item.note?.startsWith('duplicate of')) {
    lines.push(`It is the same story as an article seen before (${escapeText(item.note)}), so it did not alert again.`);
    return lines;
  }
  if (item.status === 'extracting') {
    lines.push('It is being read now (or execwatch stopped while reading it and reads it again on the next poll).');
    return lines;
  }
  if (item.status === 'failed') {
    lines.push(`Reading it failed: ${escapeText(item.note ?? 'unknown error')}.`);
    return lines;
  }
  const changes = await ctx.changes.byItem(item.id);
  if (!changes.length) {
    lines.push(`No leadership change was found in it${item.extractor ? ` (extractor: ${item.extractor})` : ''}, so nothing alerted.`);
    return lines;
  }
  const deliveryLines = async (alertKey: string): Promise<void> => {
    const deliveries = await ctx.deliveries.forAlert(alertKey);
    if (!deliveries.length) lines.push('  ↳ no alert target matched it (no subscription filter let it through).');
    for (const d of deliveries) {
      const state = d.status === 'sent' ? 'alerted' : d.status === 'pending' || d.status === 'queued' ? 'alert pending' : `alert failed: ${escapeText(d.lastError ? `${d.lastError.kind}: ${d.lastError.message}` : 'unknown')}`;
      lines.push(`  ↳ ${state} in ${target(d.target)} ${discordTime(d.updatedAt, 'R')}`);
    }
  };
  for (const stored of changes) {
    const c = stored.change;
    const ownKey = `change:${stored.id}`;
    // Explained by its event below, unless merging failed and the change alerted on its own
    // (src/pipeline/process-item.ts).
    if (c.confidence >= ctx.minConfidence && !(await ctx.deliveries.forAlert(ownKey)).length) continue;
    lines.push(`**${escapeText(headline(c))}** — confidence ${Math.round(c.confidence * 100)}%`);
    if (c.confidence < ctx.minConfidence) lines.push(`  ↳ not alerted: below the alert threshold of ${Math.round(ctx.minConfidence * 100)}%.`);
    else await deliveryLines(ownKey);
  }
  for (const event of await ctx.events.eventsForItem({ itemId: item.id })) {
    const outlets = new Set(event.sources.map((s) => s.outlet)).size;
    lines.push(`**${escapeText(headline(eventAsChange(event)))}** — confidence ${Math.round(event.confidence * 100)}%, ${outlets} outlet${outlets === 1 ? '' : 's'}`);
    const filed = filingLine(event);
    if (filed) lines.push(filed);
    if (event.alertState === 'held') lines.push('  ↳ held: waiting for a second source before alerting (its confidence is low).');
    else if (event.alertState === 'suppressed') lines.push("  ↳ recorded without alerting: it was first reported in a feed's first read.");
    else await deliveryLines(eventAlertKey(event.id));
  }
  return lines;
}

export const whyCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    const { url } = parseOptions(UrlOption, { url: interaction.options.getString('url') });
    const candidates = [...new Set([url, canonicalUrl(url)])];
    const items = (await Promise.all(candidates.map((u) => ctx.items.findByUrl(u)))).flat();
    // A filing's index page, viewer or text file: the filing by its accession number.
    const accession = accessionOfUrl(url);
    const filing = accession ? await ctx.filings?.get(accession) : undefined;
    if (filing?.itemId && !items.some((i) => i.id === filing.itemId)) items.push(...[await ctx.items.get(filing.itemId)].filter((i) => i !== undefined));
    if (!items.length && filing) {
      const embed: APIEmbed = { title: 'Why (or why not)', url, color: 0x95a5a6, description: explainFiling(filing).join('\n').slice(0, 4096) };
      await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    if (!items.length) {
      throw new UserError(`execwatch has not seen that article in any of its ${(await ctx.feeds.list()).length} feeds. Either no watched feed carried it, or it left the feed before the feed was added. /feeds list shows what is watched; /feeds add adds a feed.`);
    }
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const item of items.filter((i) => !seen.has(i.id) && seen.add(i.id))) lines.push(...(await explainItem(item, ctx)));
    const link = linkTarget(url);
    const embed: APIEmbed = { title: 'Why (or why not)', ...(link ? { url: link } : {}), color: 0x95a5a6, description: lines.join('\n').slice(0, 4096) };
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};
