import type { Alert, AlertFiling } from './alert.js';
import { filingLabel, headline } from './alert.js';

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
const outlet = (url: string | null, feed: string | null): string => {
  if (feed) return feed;
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : 'source';
  } catch {
    return 'source';
  }
};

export function renderEmbed(alert: Alert): EmbedJson {
  const c = alert.change;
  const fields: EmbedJson['fields'] = [
    { name: 'Person', value: clip(c.person.name + (c.person.aliases.length ? ` (${c.person.aliases.join(', ')})` : ''), 1024), inline: true },
    { name: 'Change', value: c.direction === 'in' ? (c.interim ? 'In (interim)' : 'In') : c.interim ? 'Out (interim post)' : 'Out', inline: true },
    { name: 'Post', value: clip(c.role.title, 1024), inline: true },
    { name: 'Organisation', value: clip(c.organization.name + (c.organization.parent ? ` (${c.organization.parent})` : ''), 1024), inline: true },
  ];
  if (alert.filing) fields.push(filingField(alert.filing));
  if (c.effectiveDate) fields.push({ name: 'Effective', value: c.effectiveDate, inline: true });
  if (c.reason) fields.push({ name: 'Reason', value: c.reason, inline: true });
  if (c.counterpart) fields.push({ name: c.counterpart.relation === 'succeeds' ? 'Succeeds' : 'Succeeded by', value: clip(c.counterpart.name, 1024), inline: true });
  if (c.destination) fields.push({ name: 'Next', value: clip(c.destination, 1024), inline: true });
  const sources = alert.sources
    .map((s) => {
      const t = Date.parse(s.publishedAt ?? '');
      const when = Number.isFinite(t) ? ` <t:${Math.floor(t / 1000)}:R>` : '';
      return s.url ? `[${outlet(s.url, s.feed)}](${s.url})${when}` : `${outlet(s.url, s.feed)}${when}`;
    })
    .join('\n');
  if (sources) fields.push({ name: alert.sources.length > 1 ? `Sources (${alert.sources.length})` : 'Source', value: clip(sources, 1024) });
  const published = alert.sources.map((s) => Date.parse(s.publishedAt ?? '')).filter(Number.isFinite).sort((a, b) => a - b)[0];
  if (published !== undefined) fields.push({ name: 'Published', value: `<t:${Math.floor(published / 1000)}:f>`, inline: true });
  fields.push({ name: 'Confidence', value: `${Math.round(alert.confidence * 100)}%`, inline: true });
  for (const note of alert.notes) fields.push({ name: 'Note', value: clip(note, 1024) });
  const first = alert.sources[0];
  return fitTotal({
    title: clip(headline(c), 256),
    ...(first?.url ? { url: first.url } : {}),
    description: clip(`> ${c.evidence.replace(/\s+/g, ' ')}`, 4096),
    color: c.direction === 'in' ? COLOR_IN : COLOR_OUT,
    fields: fields.slice(0, 25),
    ...(first?.publishedAt && Number.isFinite(Date.parse(first.publishedAt)) ? { timestamp: new Date(first.publishedAt).toISOString() } : {}),
    footer: { text: `execwatch · confidence ${Math.round(alert.confidence * 100)}%` },
  });
}

/** "SEC 8-K, Item 5.02" with the filing's link and date; "Confirmed by SEC filing" once news said it too. */
function filingField(f: AlertFiling): EmbedJson['fields'][number] {
  const label = filingLabel(f);
  const linked = f.url ? `[${label}](${f.url})` : label;
  const filed = f.filed ? `filed ${f.filed}` : 'filing date unknown';
  return f.confirms
    ? { name: 'Confirmed by SEC filing', value: `${linked}, ${filed}` }
    : { name: label, value: `${f.url ? `[Filing](${f.url})` : 'Filing'}, ${filed}` };
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
