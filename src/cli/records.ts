import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { openSqliteStores } from '../store/open-sqlite.js';
import type { RecordNameKind, RecordsQuery } from '../timeline/records-query.js';
import type { CliIo } from './command.js';

/** The stored events of the configured database, read as change records (export, timeline). */
export function openRecords(configPath: string | undefined, io: CliIo, now: () => Date): { records: RecordsQuery; close(): Promise<void> } {
  const loaded = loadConfig({ configPath, env: io.env });
  if (!existsSync(loaded.databasePath)) throw new Error(`there is no database at ${loaded.databasePath} yet: run \`execwatch once\` or \`execwatch run\` first`);
  const { records, opened } = openSqliteStores(loaded.databasePath, now);
  return { records, close: () => opened.close() };
}

/** "no stored change mentions …", with the nearest stored names when there are any. */
export async function unknownName(records: RecordsQuery, kind: RecordNameKind, name: string): Promise<Error> {
  const near = await records.nearest(kind, name, 5);
  const what = kind === 'organization' ? 'an organisation' : 'a person';
  return new Error(`no stored change mentions ${what} called ${JSON.stringify(name)}${near.length ? `; did you mean ${near.map((n) => JSON.stringify(n)).join(', ')}?` : ''}`);
}
