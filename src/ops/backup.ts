import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  overwrite?: boolean;
  /** Called as pages are copied; `total` may grow while writers are active. */
  onProgress?: (copied: number, total: number) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  totalPages: number;
}

/**
 * Takes an online backup of a live database with SQLite's backup API (better-sqlite3
 * `db.backup`): readers and writers carry on while pages are copied. The copy goes to a temporary
 * file beside the destination and is checked before it is renamed into place, so a failed or
 * interrupted backup never leaves a half-written file under the requested name.
 */
export async function backupDatabase(db: Database.Database, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const target = resolve(file);
  if (target === resolve(db.name)) throw new Error(`backup: ${file} is the live database itself`);
  if (existsSync(target) && !options.overwrite) {
    throw new Error(`backup: ${file} already exists (choose another name or remove it first)`);
  }
  if (!existsSync(dirname(target))) throw new Error(`backup: directory ${dirname(target)} does not exist`);

  const temp = `${target}.partial-${process.pid}`;
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
  try {
    const { totalPages } = await db.backup(temp, {
      progress: ({ totalPages: total, remainingPages }) => {
        options.onProgress?.(total - remainingPages, total);
        // Pages per step: large enough to be quick, small enough to let writers in between.
        return 1000;
      },
    });
    // SQLite reports before each step, so the finished state is ours to report.
    options.onProgress?.(totalPages, totalPages);
    // Opened read-write so that closing it removes its -wal/-shm files; the copy is switched to a
    // rollback journal so that the backup is one self-contained file.
    const check = new Database(temp, { fileMustExist: true });
    try {
      check.pragma('journal_mode = DELETE');
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`backup: the copy failed its integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    renameSync(temp, target);
    return { file: target, bytes: statSync(target).size, totalPages };
  } catch (err) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
    throw err;
  }
}
