import type { LeadershipChange } from '../../src/core/change.js';
import { primaryRoleCategory } from '../../src/core/roles.js';

export interface ChangeSpec {
  person: string;
  aliases?: string[];
  direction?: 'in' | 'out';
  role?: string;
  org?: string;
  parent?: string | null;
  interim?: boolean;
  item: string;
  at: string;
  url?: string | null;
  feed?: string | null;
  confidence?: number;
  evidence?: string;
  effectiveDate?: string | null;
}

/** A change as an extractor would give it, with defaults for what a test does not care about. */
export function change(spec: ChangeSpec): LeadershipChange {
  const role = spec.role ?? 'CEO';
  return {
    person: { name: spec.person, aliases: spec.aliases ?? [] },
    organization: { name: spec.org ?? 'Acme', parent: spec.parent ?? null },
    role: { title: role, category: primaryRoleCategory(role) },
    direction: spec.direction ?? 'in',
    interim: spec.interim ?? false,
    effectiveDate: spec.effectiveDate ?? null,
    reason: null,
    counterpart: null,
    destination: null,
    evidence: spec.evidence ?? `${spec.person} ${spec.direction === 'out' ? 'leaves' : 'becomes'} ${role} of ${spec.org ?? 'Acme'}.`,
    confidence: spec.confidence ?? 0.8,
    source: { itemId: spec.item, url: spec.url ?? `https://outlet-${spec.item}.example/news/${spec.item}`, feed: spec.feed ?? null, publishedAt: spec.at },
  };
}

export const itemOf = (id: string, at: string, title = id) => ({ id, title, summary: null, content: null, url: null, feed: null, publishedAt: at });
