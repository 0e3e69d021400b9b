import type { LeadershipChange } from '../core/change.js';
import { confirmedByFiling, filingOf } from '../core/events/filing.js';
import type { ChangeEvent } from '../core/events/model.js';
import type { Alert } from '../notify/alert.js';

/** The delivery key of an event's alert: posted once, edited by every later report. */
export const eventAlertKey = (eventId: string): string => `event:${eventId}`;

/** The event as one change: what targets render (the fields later reports filled in included). */
export function eventAsChange(event: ChangeEvent): LeadershipChange {
  const first = event.sources[0];
  // The evidence shown is the most confident report's; the link under it is the first report's.
  const best = [...event.sources].sort((a, b) => b.confidence - a.confidence)[0] ?? first;
  return {
    person: { name: event.person.name, aliases: event.person.names.filter((n) => n !== event.person.name) },
    organization: { name: event.organization.name, parent: event.organization.parent },
    role: { title: event.role.title, category: event.role.categories[0] ?? 'Other' },
    direction: event.direction,
    interim: event.interim,
    effectiveDate: event.effectiveDate,
    reason: event.reason,
    counterpart: event.counterpart,
    destination: event.destination,
    evidence: best?.evidence || event.person.name,
    confidence: event.confidence,
    source: {
      itemId: first?.itemId ?? event.id,
      url: first?.url ?? null,
      feed: first?.feed ?? null,
      publishedAt: first?.publishedAt ?? null,
    },
  };
}

export function alertForEvent(event: ChangeEvent): Alert {
  const notes: string[] = [];
  const outlets = new Set(event.sources.map((s) => s.outlet)).size;
  if (outlets > 1) notes.push(`Reported by ${outlets} outlets.`);
  for (const c of event.contradictions) {
    const where = c.url ? ` (${c.url})` : '';
    notes.push(c.kind === 'denial' ? `Disputed: "${c.evidence}"${where}` : `Reversed by a later report: "${c.evidence}"${where}`);
  }
  const filed = filingOf(event);
  return {
    key: eventAlertKey(event.id),
    change: eventAsChange(event),
    sources: event.sources.map((s) => ({ title: s.title ?? s.evidence, url: s.url, feed: s.feed, publishedAt: s.publishedAt })),
    confidence: event.confidence,
    notes,
    filing: filed ? { form: filed.filing.form, url: filed.source.url, filed: filed.filing.filed, confirms: confirmedByFiling(event) } : null,
  };
}
