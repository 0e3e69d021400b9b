import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { createFeedStore } from '../../src/store/feed-store.js';
import { createDeliveryStore } from '../../src/store/delivery-store.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'execwatch-db-')), 'sub', 'execwatch.db');

describe('database', () => {
  it('creates the file in WAL mode at the latest schema version', async () => {
    const path = tempDb();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('has unique, increasing migration versions', async () => {
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('refuses a database written by a newer execwatch', async () => {
    const path = tempDb();
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.at(-1)!.version + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(path)).toThrow(/newer execwatch/);
  });

  it('keeps feed state across reopen', async () => {
    const path = tempDb();
    let db = openDatabase(path);
    const feeds = createFeedStore(db);
    const f = await feeds.upsert({ url: 'http://example.test/feed', name: 'Ex' }, '2026-01-01T00:00:00Z');
    await feeds.recordSuccess(f.id, { at: '2026-01-01T00:00:00Z', etag: '"abc"', lastModified: null, itemCount: 3, nextPollAt: '2026-01-01T00:15:00Z' });
    db.close();
    db = openDatabase(path);
    const again = (await createFeedStore(db).getByUrl('http://example.test/feed'))!;
    expect(again.etag).toBe('"abc"');
    expect(again.nextPollAt).toBe('2026-01-01T00:15:00Z');
    expect(again.itemCount).toBe(3);
    db.close();
  });

  it('keeps a failure as a value with its kind, and reads a row of an older version as transient', async () => {
    const db = openDatabase(':memory:');
    const d = createDeliveryStore(db);
    await d.enqueue('event:1', '{}', ['channel:1', 'channel:2'], 'now');
    await d.markFailed('event:1', 'channel:1', { kind: 'unreachable', message: 'Missing Permissions (50013)' }, 'later');
    await d.markFailed('event:1', 'channel:2', { kind: 'transient', message: 'HTTP 502: Bad Gateway' }, 'later');
    expect((await d.get('event:1', 'channel:1'))!.lastError).toEqual({ kind: 'unreachable', message: 'Missing Permissions (50013)' });
    expect((await d.get('event:1', 'channel:2'))!.lastError).toEqual({ kind: 'transient', message: 'HTTP 502: Bad Gateway' });
    db.prepare("UPDATE deliveries SET last_error = 'socket hang up' WHERE target = 'channel:2'").run();
    expect((await d.get('event:1', 'channel:2'))!.lastError).toEqual({ kind: 'transient', message: 'socket hang up' });
    // A transient failure is work left; an unreachable target is not (it is never retried).
    expect(await d.clearOutbox('event:1', undefined, 5)).toBe(false);
    await d.markSent('event:1', 'channel:2', 'm2', 'later');
    expect(await d.clearOutbox('event:1', undefined, 5)).toBe(true);
    db.close();
  });

  it('keeps one delivery per (alert, target): enqueueing again leaves a sent one sent', async () => {
    const db = openDatabase(':memory:');
    const d = createDeliveryStore(db);
    await d.enqueue('change:1', '{}', ['console'], 'now');
    await d.markSent('change:1', 'console', 'm1', 'later');
    await d.enqueue('change:1', '{}', ['console', 'webhook:1'], 'again');
    expect((await d.forAlert('change:1')).map((r) => [r.target, r.status]).sort()).toEqual([['console', 'sent'], ['webhook:1', 'queued']]);
    expect(await d.get('change:1', 'console')).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1 });
    db.close();
  });
});
