import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { ROLE_CATEGORIES } from '../../core/change.js';
import { formatCsv } from '../../export/rows.js';
import { escapeText } from '../markdown.js';
import { UserError, type CommandContext, type SlashCommand } from '../command.js';
import { respondWithNames } from '../name-choices.js';
import { nameOption, parseOptions } from '../options.js';
import type { PagedQuery } from '../paging.js';
import { renderChangePage } from '../render.js';

export const PAGE_SIZE = 5;
/** The most changes `export:true` writes: a CSV of about a megabyte, well under Discord's upload limit. */
export const EXPORT_MAX = 5000;

const data = new SlashCommandBuilder()
  .setName('changes')
  .setDescription('Look up leadership changes execwatch has seen')
  .addSubcommand((s) => s
    .setName('recent')
    .setDescription('The latest changes, optionally filtered')
    .addIntegerOption((o) => o.setName('days').setDescription('How many days back (default 7)').setMinValue(1).setMaxValue(365))
    .addStringOption((o) => o.setName('company').setDescription('Only this organisation (and its units)').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('person').setDescription('Only this person').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('role').setDescription('A role such as CEO, CFO, Board, VP').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('direction').setDescription('Appointments or departures').addChoices({ name: 'in (appointed)', value: 'in' }, { name: 'out (left)', value: 'out' }))
    .addBooleanOption((o) => o.setName('export').setDescription(`Send the changes as a CSV file (up to ${EXPORT_MAX.toLocaleString('en-US')})`)))
  .addSubcommand((s) => s
    .setName('company')
    .setDescription("One organisation's changes")
    .addStringOption((o) => o.setName('name').setDescription('The organisation').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addIntegerOption((o) => o.setName('days').setDescription('How many days back (default 365)').setMinValue(1).setMaxValue(3650))
    .addBooleanOption((o) => o.setName('export').setDescription(`Send the changes as a CSV file (up to ${EXPORT_MAX.toLocaleString('en-US')})`)))
  .addSubcommand((s) => s
    .setName('person')
    .setDescription("One person's changes")
    .addStringOption((o) => o.setName('name').setDescription('The person').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addIntegerOption((o) => o.setName('days').setDescription('How many days back (default 365)').setMinValue(1).setMaxValue(3650))
    .addBooleanOption((o) => o.setName('export').setDescription(`Send the changes as a CSV file (up to ${EXPORT_MAX.toLocaleString('en-US')})`)));

const RecentOptions = z.object({
  days: z.number().int().min(1).max(365).nullable().transform((d) => d ?? 7),
  company: nameOption.nullable(),
  person: nameOption.nullable(),
  role: nameOption.nullable(),
  direction: z.enum(['in', 'out']).nullable(),
});

const NamedOptions = z.object({
  name: nameOption,
  days: z.number().int().min(1).max(3650).nullable().transform((d) => d ?? 365),
});

async function queryFor(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<PagedQuery> {
  const sub = interaction.options.getSubcommand();
  const o = interaction.options;
  if (sub === 'recent') {
    const opts = parseOptions(RecentOptions, {
      days: o.getInteger('days'), company: o.getString('company'), person: o.getString('person'),
      role: o.getString('role'), direction: o.getString('direction'),
    });
    if (opts.company && !(await ctx.lookup.knows('organization', opts.company))) throw unknown('company', opts.company);
    if (opts.person && !(await ctx.lookup.knows('person', opts.person))) throw unknown('person', opts.person);
    const parts = [opts.company, opts.person, opts.role, opts.direction && (opts.direction === 'in' ? 'appointments' : 'departures')].filter((p): p is string => Boolean(p)).map(escapeText);
    return {
      title: `Leadership changes, last ${opts.days} day${opts.days === 1 ? '' : 's'}${parts.length ? ` · ${parts.join(' · ')}` : ''}`,
      filter: { days: opts.days, company: opts.company, person: opts.person, role: opts.role, direction: opts.direction },
    };
  }
  const opts = parseOptions(NamedOptions, { name: o.getString('name'), days: o.getInteger('days') });
  const kind = sub === 'company' ? 'organization' : 'person';
  if (!(await ctx.lookup.knows(kind, opts.name))) throw unknown(sub === 'company' ? 'company' : 'person', opts.name);
  return {
    title: `${escapeText(opts.name)}: leadership changes, last ${opts.days} days`,
    filter: { days: opts.days, company: sub === 'company' ? opts.name : null, person: sub === 'person' ? opts.name : null, role: null, direction: null },
  };
}

function unknown(what: 'company' | 'person', name: string): UserError {
  return new UserError(`No stored change mentions a ${what} called “${escapeText(name)}”. Pick one of the suggestions that appear as you type, or check the spelling.`);
}

async function page(ctx: CommandContext, query: PagedQuery, token: string, n: number) {
  const result = await ctx.lookup.recent({ ...query.filter, limit: PAGE_SIZE, offset: n * PAGE_SIZE });
  return { result, message: renderChangePage({ title: query.title, alerts: result.alerts, total: result.total, page: n, pageSize: PAGE_SIZE, token }) };
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === 'role') {
    const t = typed.trim().toLowerCase();
    await interaction.respond(ROLE_CATEGORIES.filter((c) => c.toLowerCase().includes(t)).slice(0, 25).map((c) => ({ name: c, value: c })));
    return;
  }
  const sub = interaction.options.getSubcommand();
  const kind = focused.name === 'company' || (focused.name === 'name' && sub === 'company') ? 'organization' : 'person';
  await respondWithNames(interaction, ctx, kind, typed);
}

const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** `export:true`: the changes the listing would page through, as a CSV attachment. */
async function exportCsv(interaction: ChatInputCommandInteraction, ctx: CommandContext, query: PagedQuery): Promise<void> {
  if (!ctx.records) throw new UserError('Exports are read from stored events, which this execwatch does not keep.');
  // "Nothing" is answered privately at once, as the listing does; reading thousands is not.
  if ((await ctx.lookup.recent({ ...query.filter, limit: 1, offset: 0 })).total === 0) throw new UserError(`Nothing found: ${lowerFirst(query.title)}.`);
  await interaction.deferReply();
  const f = query.filter;
  const since = f.days ? new Date(ctx.now().getTime() - f.days * 86_400_000) : null;
  const found = await ctx.records.matching({ since, company: f.company, person: f.person, role: f.role, direction: f.direction }, EXPORT_MAX);
  if (found.records.length === 0) throw new UserError(`Nothing found: ${lowerFirst(query.title)}.`);
  const n = found.records.length.toLocaleString('en-US');
  await interaction.editReply({
    content: `${query.title}: ${n} change${found.records.length === 1 ? '' : 's'}${found.truncated ? ` (the newest ${n}; narrow the filter for the rest)` : ''}.`,
    files: [{ attachment: Buffer.from(formatCsv(found.records, { bom: true }), 'utf8'), name: 'execwatch-changes.csv', description: query.title.slice(0, 1024) }],
    allowedMentions: { parse: [] },
  });
}

export const changesCommand: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    const query = await queryFor(interaction, ctx);
    if (interaction.options.getBoolean('export')) {
      await exportCsv(interaction, ctx, query);
      return;
    }
    const token = ctx.pages.put(query);
    const { result, message } = await page(ctx, query, token, 0);
    if (result.total === 0) {
      await interaction.reply({ content: `Nothing found: ${lowerFirst(query.title)}.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    await interaction.reply(message);
  },
  autocomplete,
  async button(interaction, ctx, args) {
    const [action, token = '', n = '0'] = args;
    if (action !== 'page') throw new UserError('This button no longer works; run /changes again.');
    const query = ctx.pages.get(token);
    if (!query) throw new UserError('These results have expired; run /changes again.');
    const target = Math.max(0, Number.parseInt(n, 10) || 0);
    await interaction.update((await page(ctx, query, token, target)).message);
  },
};
