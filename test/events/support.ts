import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeadershipChange } from '../../src/core/change.js';
import { createMemoryEventRepository, type ChangeEvent, type EventRepository } from '../../src/core/events/index.js';
import { primaryRoleCategory } from '../../src/core/roles.js';
import { openSqliteStores } from '../../src/store/open-sqlite.js';

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

/** A repository to merge into, and the live events it holds: in memory, or the SQLite event store in a file. */
export interface TestRepository {
  repository: EventRepository;
  live(): Promise<ChangeEvent[]>;
  close(): Promise<void>;
}

export const repositories: Array<{ name: string; open: () => TestRepository }> = [
  {
    name: 'in memory',
    open() {
      const repository = createMemoryEventRepository();
      return { repository, live: async () => repository.all().filter((e) => !e.mergedInto), close: async () => undefined };
    },
  },
  {
    name: 'SQLite event store',
    open() {
      const { opened } = openSqliteStores(join(mkdtempSync(join(tmpdir(), 'execwatch-causes-')), 'events.db'));
      const store = opened.stores.events;
      return { repository: store, live: async () => (await store.recentEvents({ limit: 100 })).events, close: () => opened.close() };
    },
  },
];

export interface ItemSpec {
  id: string;
  at: string;
  title: string;
  summary?: string;
  url?: string;
}

/** One item and the changes an extractor read from it (evidence: the item's text unless given). */
export function reportOf(spec: ItemSpec, changes: Array<Omit<ChangeSpec, 'item' | 'at'>>) {
  const text = [spec.title, spec.summary].filter(Boolean).join(' ');
  const url = spec.url ?? `https://${spec.id}.example/news`;
  return {
    item: { id: spec.id, title: spec.title, summary: spec.summary ?? null, content: null, url, feed: null, publishedAt: spec.at },
    changes: changes.map((c) => change({ evidence: text, url, ...c, item: spec.id, at: spec.at })),
  };
}
