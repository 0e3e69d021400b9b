import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/ops/backup.js';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'execwatch-backup-'));
  db = new Database(join(dir, 'live.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (title) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(`item ${i} ${'x'.repeat(100)}`);
  })();
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backupDatabase', () => {
  it('copies a live WAL database, including rows not yet checkpointed, and reports progress', async () => {
    const progress: Array<[number, number]> = [];
    const file = join(dir, 'copy.db');
    const result = await backupDatabase(db, file, { onProgress: (c, t) => progress.push([c, t]) });
    expect(result.bytes).toBeGreaterThan(500_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);

    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 5000 });
    copy.close();
    // The live database keeps working, and nothing temporary is left behind.
    db.prepare('INSERT INTO items (title) VALUES (?)').run('after');
    expect(readdirSync(dir).filter((f) => f.startsWith('copy')).sort()).toEqual(['copy.db']);
  });

  it('refuses to overwrite an existing file unless asked', async () => {
    const file = join(dir, 'exists.db');
    writeFileSync(file, 'keep me');
    await expect(backupDatabase(db, file)).rejects.toThrow(/already exists/);
    const result = await backupDatabase(db, file, { overwrite: true });
    expect(result.totalPages).toBeGreaterThan(0);
  });

  it('refuses the live database itself and a missing directory', async () => {
    await expect(backupDatabase(db, join(dir, 'live.db'), { overwrite: true })).rejects.toThrow(/live database itself/);
    await expect(backupDatabase(db, join(dir, 'nope', 'x.db'))).rejects.toThrow(/does not exist/);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
