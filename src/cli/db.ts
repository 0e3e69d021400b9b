import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { copySqliteToPostgres } from '../store/postgres/copy-from-sqlite.js';
import { parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { postgresTarget, withMaskedErrors } from './database-target.js';

export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'database tasks: copy moves a SQLite database into Postgres',
  usage: `execwatch db copy --from SQLITE_FILE --to postgres://… [--force]

  --from FILE   the SQLite database (read only; at this version's schema: \`execwatch migrate\` first)
  --to URL      the Postgres database (migrated first); default: $DATABASE_URL
  --force       replace what the target already holds (refused otherwise)
  Copies feeds, items seen, changes, events and their indexes, subscriptions, deliveries and the
  outbox, and SEC filings in one transaction, and prints the rows copied per table.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' },
    }, true);
    if (positionals[0] !== 'copy' || positionals.length !== 1) throw new UsageError('the one task is `db copy`');
    if (!values.from) throw new UsageError('give --from SQLITE_FILE');
    const url = values.to ?? io.env.DATABASE_URL?.trim();
    if (!url) throw new UsageError('give --to postgres://… (or set DATABASE_URL)');
    const target = postgresTarget(url, values.to ? '--to' : 'DATABASE_URL');
    const from = resolve(values.from);
    if (!existsSync(from)) throw new Error(`there is no SQLite database at ${from}`);
    const result = await withMaskedErrors(target.url, () => copySqliteToPostgres(from, target.url, { force: values.force }));
    const width = Math.max(...result.rows.map((r) => r.table.length));
    for (const r of result.rows) io.out(`${r.table.padEnd(width)}  ${r.rows}`);
    if (result.reindexed) io.out(`(${result.reindexed} events of an older version indexed again)`);
    io.err(`copied ${from} to ${target.shown}`);
    return 0;
  },
};
