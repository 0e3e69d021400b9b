import type { ChangeEvent, EventSource, FilingRef } from './model.js';

// An event a regulatory filing reports: the filing is the company's own word. An event that
// news reported and a filing also reports is "confirmed by filing", whichever came first.

/** Whether a report is a filing (events stored before filings were read carry no `filing`). */
export const isFilingSource = (s: Pick<EventSource, 'filing'>): boolean => Boolean(s.filing);

/** The earliest filing among the event's reports, with its report. */
export function filingOf(event: Pick<ChangeEvent, 'sources'>): { source: EventSource; filing: FilingRef } | null {
  const source = event.sources.find(isFilingSource);
  return source?.filing ? { source, filing: source.filing } : null;
}

/** Reported by news and by a filing. */
export const confirmedByFiling = (event: Pick<ChangeEvent, 'sources'>): boolean =>
  event.sources.some(isFilingSource) && event.sources.some((s) => !isFilingSource(s));
