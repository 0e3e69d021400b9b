import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { headline, type Alert } from '../notify/alert.js';
import { escapeText, maskedLink } from './markdown.js';
import { outletName } from '../notify/plain-text.js';

const COLOR_LIST = 0x5865f2;
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function discordTime(iso: string | null, style: 'd' | 'f' | 'R' = 'd'): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? `<t:${Math.floor(t / 1000)}:${style}>` : 'date unknown';
}

/** One line block per change: headline, when and where, confidence, a short quote (feed text escaped). */
export function changeLine(alert: Alert, n: number): string {
  const c = alert.change;
  const source = alert.sources[0];
  const where = maskedLink(outletName(source?.url ?? null, source?.feed ?? null).slice(0, 100), source?.url);
  return [
    `**${n}. ${escapeText(clip(headline(c), 200))}**`,
    `${discordTime(source?.publishedAt ?? c.source.publishedAt)} · ${where} · confidence ${Math.round(alert.confidence * 100)}%`,
    `> ${escapeText(clip(c.evidence, 220))}`,
  ].join('\n');
}

export interface ListPage {
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  allowedMentions: { parse: [] };
}

export function renderChangePage(input: { title: string; alerts: Alert[]; total: number; page: number; pageSize: number; token: string }): ListPage {
  const pages = Math.max(1, Math.ceil(input.total / input.pageSize));
  const first = input.page * input.pageSize;
  const embed: APIEmbed = {
    title: clip(input.title, 256),
    color: COLOR_LIST,
    description: clip(input.alerts.map((a, i) => changeLine(a, first + i + 1)).join('\n\n'), 4096),
    footer: { text: `Page ${input.page + 1} of ${pages} · ${input.total} change${input.total === 1 ? '' : 's'}` },
  };
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: `changes:page:${input.token}:${target}:${label === '◀ Previous' ? 'p' : 'n'}`,
    disabled,
  });
  const components = pages > 1
    ? [{ type: ComponentType.ActionRow as const, components: [button('◀ Previous', input.page - 1, input.page === 0), button('Next ▶', input.page + 1, input.page >= pages - 1)] }]
    : [];
  return { embeds: [embed], components, allowedMentions: { parse: [] } };
}
