import { openDatabaseWithStatus } from '../store/db.js';
import { migrations as sqliteMigrations } from '../store/migrations/index.js';
import { migratePostgres } from '../store/postgres/migrate.js';
import pg from 'pg';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { databaseTarget, withMaskedErrors } from './database-target.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'bring the database schema up to date (Postgres with a database URL, else the SQLite file)',
  usage: `execwatch migrate [--database-url URL] [--config PATH]

  --database-url URL   a postgres:// database (default: $DATABASE_URL, else database.url of the config);
                       prefer DATABASE_URL: a password on the command line is visible to other users
  Without a database URL, the SQLite file of the config is migrated.
  Safe to run while other processes start: one migrates, the others wait and find nothing to do.
${CONFIG_USAGE}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'database-url': { type: 'string' } }, true);
    if (positionals.length) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    const target = databaseTarget(values['database-url'], values.config, io);
    if (target.kind === 'sqlite') {
      const before = openDatabaseWithStatus(target.path);
      const version = before.db.pragma('user_version', { simple: true }) as number;
      before.db.close();
      io.out(`${target.shown}: SQLite schema at version ${version} (latest ${sqliteMigrations.at(-1)?.version ?? 0})`);
      return 0;
    }
    const pool = new pg.Pool({ connectionString: target.url, max: 1 });
    pool.on('error', () => undefined);
    try {
      const result = await withMaskedErrors(target.url, () => migratePostgres(pool));
      io.out(result.applied.length
        ? `${target.shown}: applied migration${result.applied.length > 1 ? 's' : ''} ${result.applied.join(', ')}; Postgres schema at version ${result.version}`
        : `${target.shown}: Postgres schema already at version ${result.version}`);
      return 0;
    } finally {
      await pool.end();
    }
  },
};
