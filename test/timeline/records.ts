import type { ChangeRecord } from '../../src/timeline/change-record.js';

let next = 0;

export interface RecordExtra {
  interim?: boolean;
  /** Effective day; the report day is `day` either way. */
  effective?: string;
  organization?: string;
  categories?: ChangeRecord['role']['categories'];
  urls?: string[];
}

/** A stored change as the store would hand it over: reported at 09:00 UTC on `day`. */
export function rec(person: string, direction: 'in' | 'out', title: string, day: string, extra: RecordExtra = {}): ChangeRecord {
  next += 1;
  const urls = extra.urls ?? [`https://news.example/${next}`];
  return {
    id: `r${next}`,
    person,
    direction,
    role: { title, categories: extra.categories ?? [] },
    organization: extra.organization ?? 'Acme',
    interim: extra.interim ?? false,
    effectiveDate: extra.effective ?? null,
    firstReported: `${day}T09:00:00.000Z`,
    sources: urls.map((url) => ({ url, outlet: 'news.example', title: null, publishedAt: `${day}T09:00:00.000Z` })),
  };
}
