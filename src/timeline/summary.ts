import { escapeMarkdown, markdownLink } from './markdown.js';
import type { Timeline, TimelineBar } from './model.js';

function span(bar: TimelineBar): string {
  const from = bar.startBasis === 'unknown' ? 'before the first report' : bar.start;
  const to = bar.end === null ? 'now' : bar.end;
  const planned = bar.plannedStart ? ' (announced)' : bar.plannedEnd ? ' (leaving, announced)' : '';
  return `${from} – ${to}${planned}`;
}

/**
 * The text under a timeline picture, one Discord-markdown line per term (newest first within a
 * post), each with a link to its first source; at most `max` lines and a count of the rest.
 */
export function timelineLines(t: Timeline, max = 12): string[] {
  const rowIndex = new Map(t.rows.map((r, i) => [r.key, i] as const));
  const postIndex = new Map<string, number>();
  for (const bar of t.bars) {
    const k = `${bar.organization}\u0000${bar.post}`;
    postIndex.set(k, Math.min(postIndex.get(k) ?? Infinity, rowIndex.get(bar.row) ?? Infinity));
  }
  const rank = (x: TimelineBar) => postIndex.get(`${x.organization}\u0000${x.post}`) ?? Infinity;
  const bars = [...t.bars].sort((a, b) => rank(a) - rank(b) || (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const lines = bars.slice(0, max).map((bar) => {
    const who = t.view === 'person' ? bar.title : bar.person;
    const interim = bar.interim && !/\b(interim|acting)\b/i.test(who) ? ' (interim)' : '';
    const source = bar.sources.find((s) => s.url);
    const link = source ? ` · ${markdownLink(source.outlet ?? 'source', source.url)}` : '';
    return `**${escapeMarkdown(bar.postLabel, 80)}** · ${escapeMarkdown(who, 80)}${interim}, ${span(bar)}${link}`;
  });
  if (bars.length > max) lines.push(`… and ${bars.length - max} more`);
  return lines;
}
