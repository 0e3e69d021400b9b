import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEventMerger, nameTokens, type ChangeEvent } from '../../src/core/events/index.js';
import { migrate, openDatabase } from '../../src/store/db.js';
import { createEventStore } from '../../src/store/event-store.js';
import { migrations } from '../../src/store/migrations/index.js';
import { change, itemOf } from './support.js';

// An event written by the version before migration 0009, indexed the old way: under the plain
// folded words of its names ("sergey", "ivanov") in event_tokens.
function storedByVersion7(path: string): ChangeEvent {
  const db = new Database(path);
  migrate(db, migrations.filter((m) => m.version <= 7));
  const event: ChangeEvent = {
    id: 'ev-old', person: { name: 'Sergey Ivanov', names: ['Sergey Ivanov'] }, direction: 'in', interim: false,
    role: { title: 'CEO', categories: ['CEO'] }, organization: { name: 'Yandex', parent: null, names: ['Yandex'] },
    effectiveDate: null, reason: null, counterpart: null, destination: null,
    firstSeen: '2022-06-03T09:00:00.000Z', lastSeen: '2022-06-03T09:00:00.000Z',
    sources: [{ itemId: 'a', url: null, feed: null, outlet: 'item:a', title: null, publishedAt: '2022-06-03T09:00:00.000Z', evidence: 'Yandex names Sergey Ivanov CEO.',
      confidence: 0.8, personName: 'Sergey Ivanov', roleTitle: 'CEO', organizationName: 'Yandex', separately: false }],
    confidence: 0.8, contradictions: [], mergedInto: null, alertState: 'released', revision: 1,
  };
  const rows = { tokens: ['sergey', 'ivanov'], terms: [], names: [], sources: ['a'] };
  db.prepare(`INSERT INTO events (id, person, organization, role, direction, interim, confidence, first_seen, last_seen, horizon,
    merged_into, alert_state, revision, index_sig, index_rows, json, role_cats)
    VALUES ('ev-old', 'Sergey Ivanov', 'Yandex', 'CEO', 'in', 0, 0.8, @t, @t, @t, NULL, 'released', 1, 'old', @rows, @json, '|CEO|')`)
    .run({ t: event.lastSeen, rows: JSON.stringify(rows), json: JSON.stringify(event) });
  for (const t of rows.tokens) db.prepare('INSERT INTO event_tokens (token, event_id, direction, horizon) VALUES (?, ?, ?, ?)').run(t, 'ev-old', 'in', event.lastSeen);
  db.close();
  return event;
}

describe('migration 0009: the merger index keyed by transliteration-folded name words', () => {
  it('re-indexes the events an older version stored, once, when the store opens', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'execwatch-0008-')), 'execwatch.db');
    storedByVersion7(path);
    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...migrations.map((m) => m.version)));
      expect((db.prepare('SELECT COUNT(*) AS n FROM event_reindex').get() as { n: number }).n).toBe(1);
      const store = createEventStore(db);
      expect((db.prepare('SELECT COUNT(*) AS n FROM event_reindex').get() as { n: number }).n).toBe(0);
      const keys = db.prepare("SELECT key, direction FROM event_person_keys WHERE event_id = 'ev-old' ORDER BY key").all();
      expect(keys).toEqual(nameTokens('Sergey Ivanov').sort().map((key) => ({ key, direction: 'in' })));
      // Either spelling finds it now, and a report in the other spelling joins it.
      expect((await store.findCandidates({ tokens: nameTokens('Sergei Ivanov'), direction: 'in', since: '2022-06-01T00:00:00Z' })).map((e) => e.id)).toEqual(['ev-old']);
      const merger = createEventMerger({ repository: store, now: () => new Date('2022-06-04T00:00:00Z') });
      const { outcomes } = await merger.mergeItem(itemOf('b', '2022-06-03T10:00:00Z'),
        [change({ item: 'b', at: '2022-06-03T10:00:00Z', person: 'Sergei Ivanov', org: 'Yandex N.V.' })]);
      expect(outcomes[0]).toMatchObject({ kind: 'corroborated', alert: 'edit', event: { id: 'ev-old' } });
      expect((await store.get('ev-old'))?.sources.map((s) => s.itemId)).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });
});
