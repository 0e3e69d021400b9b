import { ChangeEventSchema, type ChangeEvent } from '../../src/core/events/model.js';
import type { RoleCategory } from '../../src/core/change.js';

// Stored events as the merger leaves them, for tests of what is read back from them
// (/timeline, /changes export:true, execwatch export and timeline).

export interface SeedEvent {
  id: string;
  person: string;
  aliases?: string[];
  direction: 'in' | 'out';
  title: string;
  categories: RoleCategory[];
  org: string;
  parent?: string | null;
  interim?: boolean;
  effectiveDate?: string | null;
  /** When the first report was published (ISO). */
  firstSeen: string;
  outlets?: string[];
}

export function seedEvent(spec: SeedEvent): ChangeEvent {
  const outlets = spec.outlets ?? ['Example Wire'];
  return ChangeEventSchema.parse({
    id: spec.id,
    person: { name: spec.person, names: [spec.person, ...(spec.aliases ?? [])] },
    direction: spec.direction,
    interim: spec.interim ?? false,
    role: { title: spec.title, categories: spec.categories },
    organization: { name: spec.org, parent: spec.parent ?? null, names: [spec.org] },
    effectiveDate: spec.effectiveDate ?? null,
    reason: null, counterpart: null, destination: null,
    firstSeen: spec.firstSeen, lastSeen: spec.firstSeen,
    sources: outlets.map((outlet, i) => ({
      itemId: `${spec.id}-${i}`, url: `https://${outlet.toLowerCase().replace(/\W+/g, '-')}.example/${spec.id}`, feed: outlet, outlet,
      title: `${spec.org}: ${spec.person}`, publishedAt: spec.firstSeen,
      evidence: `${spec.org} said ${spec.person} ${spec.direction === 'in' ? 'was named' : 'left as'} ${spec.title}.`,
      confidence: 0.9, personName: spec.person, roleTitle: spec.title, organizationName: spec.org,
    })),
    confidence: 0.9, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
  });
}

/** One company over eight years, with names that CSV and markdown must carry intact. */
export const ACME_EVENTS: SeedEvent[] = [
  { id: 'a1', person: 'Margaret Okafor', direction: 'in', title: 'chief executive officer', categories: ['CEO'], org: 'Acme Robotics', effectiveDate: '2019-03-01', firstSeen: '2019-02-10T09:00:00.000Z' },
  { id: 'a2', person: 'Margaret Okafor', direction: 'out', title: 'CEO', categories: ['CEO'], org: 'Acme Robotics', effectiveDate: '2024-06-30', firstSeen: '2024-05-02T09:00:00.000Z', outlets: ['Example Wire', 'Other Daily'] },
  { id: 'a3', person: 'Daniel Reyes', direction: 'in', title: 'interim CEO', categories: ['CEO'], org: 'Acme Robotics', interim: true, effectiveDate: '2024-07-01', firstSeen: '2024-05-02T10:00:00.000Z' },
  { id: 'a4', person: 'Priya Raman', direction: 'in', title: 'CEO', categories: ['CEO'], org: 'Acme Robotics', firstSeen: '2025-01-10T08:30:00.000Z' },
  { id: 'a5', person: 'Jürgen Weiß', direction: 'in', title: 'chief financial officer', categories: ['CFO'], org: 'Acme Robotics', effectiveDate: '2020-02-01', firstSeen: '2020-01-15T12:00:00.000Z' },
  { id: 'a6', person: 'Anne "Annie" Dubois, Jr.', direction: 'in', title: 'chair of the board, effective at once', categories: ['Chair'], org: 'Acme Robotics, Inc.', firstSeen: '2026-03-03T07:00:00.000Z' },
  { id: 'a7', person: '=HYPERLINK("http://evil.example")', direction: 'out', title: 'board member', categories: ['Board'], org: 'Acme Robotics', firstSeen: '2026-06-01T07:00:00.000Z' },
  { id: 'o1', person: 'Zhang Yong', direction: 'out', title: 'chairman', categories: ['Chair'], org: 'Alibaba Group', firstSeen: '2026-09-10T07:00:00.000Z' },
];
