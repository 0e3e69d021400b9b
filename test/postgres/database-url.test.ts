import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { maskDatabaseUrl } from '../../src/config/database-url.js';
import { migrations } from '../../src/store/migrations/index.js';

describe('database.url and DATABASE_URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-dburl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (text: string) => {
    const path = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, text);
    return path;
  };

  it('selects SQLite by default, the config URL when given, and DATABASE_URL over both', () => {
    expect(loadConfig({ configPath: config('{}'), env: {} }).databaseUrl).toBeNull();
    const withUrl = config('database:\n  url: postgres://app@db.example/execwatch\n');
    expect(loadConfig({ configPath: withUrl, env: {} }).databaseUrl).toBe('postgres://app@db.example/execwatch');
    expect(loadConfig({ configPath: withUrl, env: { DATABASE_URL: 'postgresql://app:pw@other.example/x' } }).databaseUrl).toBe('postgresql://app:pw@other.example/x');
    // An empty variable is unset, as for every other one.
    expect(loadConfig({ configPath: withUrl, env: { DATABASE_URL: '' } }).databaseUrl).toBe('postgres://app@db.example/execwatch');
  });

  it('refuses a URL that is not Postgres without showing its password', () => {
    let message = '';
    try {
      loadConfig({ configPath: config('{}'), env: { DATABASE_URL: 'mysql://root:hunter2@db.example/x' } });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL.*expected a postgres:\/\/ URL, found mysql:\/\/root:\*\*\*@db\.example\/x/);
    expect(message).not.toContain('hunter2');
    expect(maskDatabaseUrl('postgres://u:p%40ss@h:5432/d?sslmode=require')).toBe('postgres://u:***@h:5432/d?sslmode=require');
    expect(maskDatabaseUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });

  it('execwatch migrate without a database URL migrates the SQLite file of the config', async () => {
    const data = join(dir, 'data');
    const lines: string[] = [];
    const io: CliIo = { out: (t) => lines.push(t), err: (t) => lines.push(t), env: { EXECWATCH_DATA_DIR: data } };
    expect(await main(['migrate', '--config', config('{}')], io)).toBe(0);
    const latest = migrations.at(-1)!.version;
    expect(lines.join('\n')).toBe(`${join(data, 'execwatch.db')}: SQLite schema at version ${latest} (latest ${latest})`);
    expect(existsSync(join(data, 'execwatch.db'))).toBe(true);
  });
});
