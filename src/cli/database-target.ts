import { ConfigError } from '../config/load.js';
import { databaseUrlProblem, maskDatabaseUrl } from '../config/database-url.js';
import type { CliIo } from './command.js';
import { tryConfig } from './optional-config.js';

/** The database a command works on: Postgres (a URL) or the SQLite file of the config. */
export type DatabaseTarget = { kind: 'postgres'; url: string; shown: string } | { kind: 'sqlite'; path: string; shown: string };

/** --database-url, else DATABASE_URL, else the config's database.url; none: the SQLite file. */
export function databaseTarget(option: string | undefined, configPath: string | undefined, io: CliIo): DatabaseTarget {
  if (option) return postgresTarget(option, '--database-url');
  const loaded = tryConfig(configPath, io);
  const url = loaded?.databaseUrl ?? io.env.DATABASE_URL?.trim();
  if (url) return postgresTarget(url, 'DATABASE_URL');
  if (!loaded) throw new ConfigError('no database URL (--database-url, DATABASE_URL) and no config file to find the SQLite database from');
  return { kind: 'sqlite', path: loaded.databasePath, shown: loaded.databasePath };
}

export function postgresTarget(url: string, where: string): DatabaseTarget & { kind: 'postgres' } {
  const problem = databaseUrlProblem(url);
  if (problem) throw new ConfigError(`${where}: ${problem}`);
  return { kind: 'postgres', url, shown: maskDatabaseUrl(url) };
}

/** Runs `fn`; an error that quotes the URL is reported with the password masked. */
export async function withMaskedErrors<T>(url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Error && err.message.includes(url)) err.message = err.message.split(url).join(maskDatabaseUrl(url));
    throw err;
  }
}
