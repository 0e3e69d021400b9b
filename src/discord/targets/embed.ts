import type { Alert, AlertFiling } from '../../notify/alert.js';
import { filingLabel, headline, organizationLabel } from '../../notify/alert.js';
import { escapeText, linkTarget, maskedLink } from '../markdown.js';
import { outletName } from '../../notify/plain-text.js';

/** The subset of Discord's embed object execwatch sends (plain JSON, no client types). */
export interface EmbedJson {
  title: string;
  url?: string;
  description: string;
  color: number;
  fields: Array<{ name: string; value: string; inline?: boolean }>;
  timestamp?: string;
  footer?: { text: string };
}

const COLOR_IN = 0x2ecc71;
const COLOR_OUT = 0xe67e22;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const when = (iso: string | null, style: 'R' | 'f'): string | null => {
  const t = Date.parse(iso ?? '');
  return Number.isFinite(t) ? `<t:${Math.floor(t / 1000)}:${style}>` : null;
};

/** One line per source, whole lines only (a link is never cut in half), then "… and N more". */
function sourceLines(alert: Alert): string {
  const lines: string[] = [];
  let size = 0;
  for (const [i, s] of alert.sources.entries()) {
    const at = when(s.publishedAt, 'R');
    const outlet = outletName(s.url, s.feed).slice(0, 100);
    let line = `${maskedLink(outlet, s.url)}${at ? ` ${at}` : ''}`;
    if (line.length > 600) line = `${escapeText(outlet)}${at ? ` ${at}` : ''}`; // a monstrous URL: the outlet alone
    if (size + line.length + 1 > 1024 - 24) {
      lines.push(`… and ${alert.sources.length - i} more`);
      break;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * The alert as a Discord embed. Every string that came from a feed (names, titles, evidence,
 * outlets, links, notes) goes through escapeText or linkTarget: it reads as text, never as a link,
 * a mention or formatting. The markup left is execwatch's own: the quote, the source links and
 * the timestamps.
 */
export function renderEmbed(alert: Alert): EmbedJson {
  const c = alert.change;
  const t = escapeText;
  const org = organizationLabel(c);
  const fields: EmbedJson['fields'] = [
    { name: 'Person', value: clip(t(c.person.name) + (c.person.aliases.length ? ` (${c.person.aliases.map(t).join(', ')})` : ''), 1024), inline: true },
    { name: 'Change', value: c.direction === 'in' ? (c.interim ? 'In (interim)' : 'In') : c.interim ? 'Out (interim post)' : 'Out', inline: true },
    { name: 'Post', value: clip(t(c.role.title), 1024), inline: true },
    { name: 'Organisation', value: clip(t(org) + (c.organization.parent ? ` (${t(c.organization.parent)})` : ''), 1024), inline: true },
  ];
  if (alert.filing) fields.push(filingField(alert.filing));
  if (c.effectiveDate) fields.push({ name: 'Effective', value: clip(t(c.effectiveDate), 1024), inline: true });
  if (c.reason) fields.push({ name: 'Reason', value: clip(t(c.reason), 1024), inline: true });
  if (c.counterpart) fields.push({ name: c.counterpart.relation === 'succeeds' ? 'Succeeds' : 'Succeeded by', value: clip(t(c.counterpart.name), 1024), inline: true });
  if (c.destination) fields.push({ name: 'Next', value: clip(t(c.destination), 1024), inline: true });
  if (alert.sources.length) fields.push({ name: alert.sources.length > 1 ? `Sources (${alert.sources.length})` : 'Source', value: sourceLines(alert) });
  const published = alert.sources.map((s) => Date.parse(s.publishedAt ?? '')).filter(Number.isFinite).sort((a, b) => a - b)[0];
  if (published !== undefined) fields.push({ name: 'Published', value: `<t:${Math.floor(published / 1000)}:f>`, inline: true });
  fields.push({ name: 'Confidence', value: `${Math.round(alert.confidence * 100)}%`, inline: true });
  for (const note of alert.notes) fields.push({ name: 'Note', value: clip(t(note), 1024) });
  const first = alert.sources[0];
  const url = linkTarget(first?.url);
  return fitTotal({
    title: clip(t(headline(c)), 256),
    ...(url ? { url } : {}),
    description: clip(`> ${t(c.evidence)}`, 4096),
    color: c.direction === 'in' ? COLOR_IN : COLOR_OUT,
    fields: fields.slice(0, 25),
    ...(first?.publishedAt && Number.isFinite(Date.parse(first.publishedAt)) ? { timestamp: new Date(first.publishedAt).toISOString() } : {}),
    footer: { text: `execwatch · confidence ${Math.round(alert.confidence * 100)}%` },
  });
}

/** "SEC 8-K, Item 5.02" with the filing's link and date; "Confirmed by SEC filing" once news said it too. */
function filingField(f: AlertFiling): EmbedJson['fields'][number] {
  const label = filingLabel(f);
  // The link is built from EDGAR's listing: made safe like any feed link.
  const filed = f.filed ? `filed ${escapeText(f.filed)}` : 'filing date unknown';
  return f.confirms
    ? { name: 'Confirmed by SEC filing', value: `${maskedLink(label, f.url)}, ${filed}` }
    : { name: label, value: `${maskedLink('Filing', f.url)}, ${filed}` };
}

const EMBED_TOTAL = 6000;

/** Discord refuses an embed over 6,000 characters in all: shorten the quote first, then drop notes. */
function fitTotal(e: EmbedJson): EmbedJson {
  const size = () => [e.title, e.description, e.footer?.text ?? '', ...e.fields.flatMap((f) => [f.name, f.value])].reduce((n, t) => n + [...t].length, 0);
  let over = size() - EMBED_TOTAL;
  if (over > 0) {
    e.description = clip(e.description, Math.max(200, [...e.description].length - over));
    over = size() - EMBED_TOTAL;
  }
  while (over > 0 && e.fields.length > 4) {
    e.fields.pop();
    over = size() - EMBED_TOTAL;
  }
  return e;
}

/** The whole message body: embeds only, and never a ping. */
export function renderMessage(alert: Alert) {
  return { embeds: [renderEmbed(alert)], allowed_mentions: { parse: [] as string[] } };
}
