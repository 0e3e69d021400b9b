import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadConfig } from '../config/load.js';
import { backupDatabase } from '../ops/backup.js';
import { createProgress } from '../ops/progress.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'take an online backup of the SQLite database (safe while the bot runs)',
  usage: `execwatch backup FILE [--force] [--config PATH]\n\n  FILE            where the copy goes (a single self-contained SQLite file)\n  --force         replace FILE if it exists\n${CONFIG_USAGE}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to write the backup to');
    const loaded = loadConfig({ configPath: values.config, env: io.env });
    if (!existsSync(loaded.databasePath)) throw new Error(`there is no database at ${loaded.databasePath} yet (nothing to back up)`);
    // Opened as it is, without migrating: a backup taken before an upgrade must be of the old schema.
    const db = new Database(loaded.databasePath, { readonly: true, fileMustExist: true });
    const progress = createProgress({ label: 'backup', total: 100 });
    try {
      db.pragma('busy_timeout = 5000');
      const result = await backupDatabase(db, positionals[0]!, {
        overwrite: values.force,
        onProgress: (copied, total) => progress.update(Math.round((copied / Math.max(total, 1)) * 100)),
      });
      progress.done();
      io.err(`backed up ${loaded.databasePath} to ${result.file} (${result.bytes} bytes, ${result.totalPages} pages)`);
      return 0;
    } finally {
      db.close();
    }
  },
};
