import type { ChangeEvent } from '../core/events/model.js';
import type { ChangeRecord } from './change-record.js';

/**
 * A stored event as a timeline, digest or export reads it; null for an event that was merged
 * into another (read that one instead). Disputed and reversed events stay: the reports exist,
 * and dropping them silently would hide what the alert showed.
 */
export function changeRecordFromEvent(event: ChangeEvent): ChangeRecord | null {
  if (event.mergedInto) return null;
  return {
    id: event.id,
    person: event.person.name,
    direction: event.direction,
    role: { title: event.role.title, categories: [...event.role.categories] },
    organization: event.organization.name,
    interim: event.interim,
    effectiveDate: event.effectiveDate,
    firstReported: event.firstSeen,
    sources: event.sources.map((s) => ({ url: s.url, outlet: s.outlet, title: s.title, publishedAt: s.publishedAt })),
  };
}
