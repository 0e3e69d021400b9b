// SQLite's own messages ("database or disk is full", "disk I/O error", "file is not a database")
// name neither the file nor what to do. Store failures are recognised here, explained with the
// file and the fix, counted, and remembered, so that readiness and `execwatch once` tell the truth.

import { StoreError, type StoreFailureKind, type StoreHealth, type StoreHealthState } from '../ports/store-health.js';

interface SqliteErrorShape { name: string; code: string; message: string }

/** better-sqlite3 throws SqliteError with SQLite's code (SQLITE_FULL, SQLITE_IOERR_WRITE …). */
export function isSqliteError(err: unknown): err is Error & SqliteErrorShape {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

export function failureKind(code: string): StoreFailureKind {
  if (code === 'SQLITE_FULL') return 'full';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  if (code.startsWith('SQLITE_READONLY')) return 'readonly';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cantopen';
  return 'other';
}

const RESTORE = 'Stop execwatch, move the damaged file aside (with its -wal and -shm files) and copy in a backup taken with `execwatch backup FILE` '
  + '(docs/operations.md, "Backups and restores"); without a backup, delete it to start afresh (every feed is then read again as new).';

/** SQLite's error, restated with the file and what to do about it. */
export function explainStoreError(err: Error & { code?: string }, file: string): StoreError {
  const code = err.code ?? null;
  const kind = code ? failureKind(code) : 'other';
  const said = `${err.message}${code ? ` (${code})` : ''}`;
  const text: Record<StoreFailureKind, string> = {
    full: `the disk holding the database ${file} is full: ${said}. Free space there, or move dataDir to a larger disk; execwatch retries by itself and loses nothing it had recorded.`,
    io: `the disk failed while using the database ${file}: ${said}. Check the disk (dmesg, df, the volume's health) and the file's permissions; if it goes on, restore a backup. ${RESTORE}`,
    corrupt: `the database ${file} is damaged: ${said}. ${RESTORE}`,
    readonly: `the database ${file} cannot be written: ${said}. Give the user execwatch runs as write access to it and to its folder (Docker: the /data volume).`,
    locked: `the database ${file} is locked by another process: ${said}. Is another execwatch running with the same dataDir? Run one per database.`,
    cantopen: `the database ${file} cannot be opened: ${said}. Check that its folder exists and is writable by the user execwatch runs as.`,
    other: `the database ${file} failed: ${said}.`,
  };
  return new StoreError(kind, file, text[kind], code);
}

export function createStoreHealth(deps: { file: string; onFailure?: (e: StoreError) => void; now?: () => number }): StoreHealth {
  const now = deps.now ?? Date.now;
  const s: StoreHealthState = { writable: true, corrupt: false, lastError: null, lastErrorAt: null, failures: 0 };
  const toStoreError = (err: unknown): StoreError | null =>
    err instanceof StoreError ? err : isSqliteError(err) ? explainStoreError(err, deps.file) : null;
  return {
    file: deps.file,
    failed(err) {
      const e = toStoreError(err);
      if (!e) return null;
      s.writable = false;
      s.corrupt ||= e.kind === 'corrupt';
      s.lastError = e;
      s.lastErrorAt = now();
      s.failures += 1;
      deps.onFailure?.(e);
      return e;
    },
    succeeded() {
      // A cycle that missed the damaged pages proves nothing about them: only a restore fixes the file.
      if (!s.corrupt) s.writable = true;
    },
    state: () => ({ ...s }),
    explain: (err) => toStoreError(err) ?? err,
  };
}
