import { SlashCommandBuilder, type APIEmbed, type AutocompleteInteraction } from 'discord.js';
import { z } from 'zod';
import { escapeText } from '../markdown.js';
import type { Timeline } from '../../timeline/model.js';
import type { RecordNameKind } from '../../timeline/records-query.js';
import { timelineSubject } from '../../timeline/subject.js';
import { timelineLines } from '../../timeline/summary.js';
import { UserError, type CommandContext, type SlashCommand } from '../command.js';
import { respondWithNames } from '../name-choices.js';
import { nameOption, parseOptions } from '../options.js';

/** The newest this many changes are drawn: twenty years of a large company fit well within it. */
export const TIMELINE_MAX_RECORDS = 2000;
const LIST_MAX = 25;
const DESCRIPTION_MAX = 4096;
const LIST_COLOR = 0x5865f2;

const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('A picture of who held which post, and since when')
  .addStringOption((o) => o.setName('company').setDescription('An organisation: its posts and their holders over time').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('person').setDescription('A person: the posts they held, across organisations').setAutocomplete(true).setMaxLength(100));

const Options = z.object({ company: nameOption.nullable(), person: nameOption.nullable() })
  .refine((o) => (o.company === null) !== (o.person === null), 'give either `company` or `person` (one of them)');

const noun: Record<RecordNameKind, 'company' | 'person'> = { organization: 'company', person: 'person' };

async function unknown(ctx: CommandContext, kind: RecordNameKind, name: string): Promise<UserError> {
  const near = (await ctx.records?.nearest(kind, name, 5)) ?? [];
  const hint = near.length
    ? ` Did you mean ${near.map((n) => `**${escapeText(n)}**`).join(', ')}?`
    : ' Pick one of the suggestions that appear as you type, or check the spelling.';
  return new UserError(`No stored change mentions a ${noun[kind]} called “${escapeText(name)}”.${hint}`);
}

/**
 * The message around the picture: the heading as its text, the picture attached, and the list
 * of terms in an embed, which Discord shows under the attachments.
 */
export function timelineMessage(t: Timeline, truncated: boolean): { content: string; embeds: APIEmbed[] } {
  const posts = new Set(t.bars.map((b) => `${b.organization}\u0000${b.post}`)).size;
  const inPosts = `in ${posts} post${posts === 1 ? '' : 's'}`;
  const content = t.view === 'person'
    ? `**Posts held by ${escapeText(t.subject)}** · ${t.bars.length} term${t.bars.length === 1 ? '' : 's'} ${inPosts}`
    : `**Leadership of ${escapeText(t.subject)}** · ${t.holders} ${t.holders === 1 ? 'person' : 'people'} ${inPosts}`;
  let description = '';
  for (let max = LIST_MAX; max >= 0; max--) {
    description = timelineLines(t, max).join('\n');
    if (description.length <= DESCRIPTION_MAX) break;
  }
  const embed: APIEmbed = { color: LIST_COLOR, description: description || 'No terms to list.' };
  if (truncated) embed.footer = { text: `Drawn from the newest ${TIMELINE_MAX_RECORDS.toLocaleString('en-US')} reported changes.` };
  return { content: content.slice(0, 2000), embeds: [embed] };
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await respondWithNames(interaction, ctx, focused.name === 'company' ? 'organization' : 'person', String(focused.value));
}

export const timelineCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    const opts = parseOptions(Options, { company: interaction.options.getString('company'), person: interaction.options.getString('person') });
    if (!ctx.records) throw new UserError('Timelines are drawn from stored events, which this execwatch does not keep.');
    const kind: RecordNameKind = opts.company !== null ? 'organization' : 'person';
    const name = opts.company ?? opts.person ?? '';
    const found = await (kind === 'organization' ? ctx.records.forOrganization(name, TIMELINE_MAX_RECORDS) : ctx.records.forPerson(name, TIMELINE_MAX_RECORDS));
    if (found.records.length === 0) throw await unknown(ctx, kind, name);

    // Drawing takes a few hundred milliseconds (vega loads on the first one): acknowledge first.
    await interaction.deferReply();
    const { drawTimeline } = await import('../../render/timeline-picture.js');
    const subject = timelineSubject(found.records, kind, name);
    const { timeline, chart } = await drawTimeline(found.records, { view: kind, subject, now: ctx.now() });
    if (chart.warnings.length) ctx.logger.warn({ warnings: chart.warnings.slice(0, 5), subject }, 'timeline chart warnings');
    await interaction.editReply({
      ...timelineMessage(timeline, found.truncated),
      files: [{ attachment: chart.png, name: 'timeline.png', description: `Timeline of ${subject}: ${timeline.holders} people`.slice(0, 1024) }],
      allowedMentions: { parse: [] },
    });
  },
  autocomplete,
};
