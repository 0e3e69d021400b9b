import type { Logger } from '../core/log.js';
import { createStoreHealth } from '../store/health.js';
import type { StoreHealth } from '../ports/store-health.js';
import type { OpenedDatabase } from '../store/db.js';

type Notice = (text: string, details?: object) => Promise<void>;

/**
 * The database's health as operators see it: every failure counted in /metrics, logged with the
 * file and the fix (once a minute at most for the same trouble, however many feeds hit it), and
 * told to the admin channel when writes start failing or the file is found damaged.
 */
export function createStoreWatch(deps: { file: string; logger: Logger; metrics: { storeFailed(kind: string): void }; notice: Notice; now?: () => number }): StoreHealth {
  const now = deps.now ?? Date.now;
  let lastLogged = { text: '', at: 0 };
  let told = { unwritable: false, corrupt: false };
  const health: StoreHealth = createStoreHealth({
    file: deps.file,
    now,
    onFailure(e) {
      deps.metrics.storeFailed(e.kind);
      if (e.message !== lastLogged.text || now() - lastLogged.at >= 60_000) {
        deps.logger.error({ db: deps.file, kind: e.kind, code: e.code, err: e.message }, 'database failure');
        lastLogged = { text: e.message, at: now() };
      }
      const first = e.kind === 'corrupt' ? !told.corrupt : !told.unwritable;
      told = { unwritable: true, corrupt: told.corrupt || e.kind === 'corrupt' };
      if (first) void deps.notice(`execwatch cannot use its database: ${e.message}`, { db: deps.file, kind: e.kind }).catch(() => undefined);
    },
  });
  return {
    ...health,
    succeeded() {
      const was = health.state().writable;
      health.succeeded();
      if (!was && health.state().writable) {
        deps.logger.info({ db: deps.file }, 'database writes work again');
        told = { unwritable: false, corrupt: told.corrupt };
      }
    },
  };
}

/**
 * Says so when the database is new: in the log, and in the admin channel when there is one. A
 * database that replaces a lost one (its folder's marker says one was created there before) is an
 * error worth a restore: every feed will be read again as new.
 */
export function announceDatabase(opened: Pick<OpenedDatabase, 'created' | 'replaced'>, file: string, logger: Logger, notice: Notice): void {
  if (opened.replaced) {
    const text = `execwatch found no database at ${file} (missing or empty), though this data folder held one created ${opened.replaced.createdAt}. ` +
      'It started a new, empty one: every feed is read again from scratch, recording what it holds without alerting (so nothing is posted twice). ' +
      'If the old database was not removed on purpose, stop execwatch and restore a backup (`execwatch backup FILE` makes one; docs/operations.md, "Backups and restores").';
    logger.error({ db: file, previousCreatedAt: opened.replaced.createdAt }, 'the database was missing or empty: started a new one');
    void notice(text, { db: file }).catch(() => undefined);
  } else if (opened.created) {
    void notice(`execwatch created a new database at ${file}. Each feed's first read records what it holds; recent items alert (polling.backfillHours).`, { db: file }).catch(() => undefined);
  }
}
