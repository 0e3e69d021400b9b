import Database from 'better-sqlite3';
import { migrations as sqliteMigrations } from '../migrations/index.js';
import { openPostgresStores } from './open.js';

/**
 * The tables `execwatch db copy` moves, parents before children (items name their feed, changes
 * their item). The LLM call log and cache and the article cache stay behind: they are
 * SQLite-side bookkeeping no port reads, and refill themselves.
 */
export const COPIED_TABLES = [
  'feeds', 'items', 'changes',
  'events', 'event_person_keys', 'event_terms', 'event_names', 'name_words', 'event_sources', 'person_alias_groups', 'org_units',
  'discord_subscriptions', 'deliveries', 'delivery_outbox', 'sec_filings',
] as const;

/** Tables whose order of insertion is their order (SQLite's rowid; Postgres' seq). */
const IN_ROWID_ORDER = new Set<string>(['delivery_outbox']);
/** The identity columns whose sequences must continue after the copied ids. */
const IDENTITIES: ReadonlyArray<readonly [string, string]> = [['feeds', 'id'], ['changes', 'id'], ['discord_subscriptions', 'id']];
/** Bind parameters per INSERT (Postgres allows 65,535). */
const MAX_PARAMS = 30_000;

export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError';
}

export interface CopyResult {
  /** Rows copied per table, in COPIED_TABLES order. */
  rows: Array<{ table: string; rows: number }>;
  /** Events stored by an older version, indexed again on the way in. */
  reindexed: number;
}

/**
 * Copies a SQLite database (read only, at the latest schema) into Postgres, table to table, in
 * one transaction: all of it lands or none. A target that holds data is refused unless `force`,
 * which empties the copied tables first. The identity sequences continue after the copied ids.
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string, options: { force?: boolean } = {}): Promise<CopyResult> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const version = source.pragma('user_version', { simple: true }) as number;
    const latest = sqliteMigrations.at(-1)?.version ?? 0;
    if (version !== latest) {
      throw new CopyRefusedError(version < latest
        ? `${sqliteFile} is at schema version ${version}, this execwatch at ${latest}: run \`execwatch migrate\` on it (without a database URL) first`
        : `${sqliteFile} was written by a newer execwatch (schema version ${version}, this one knows ${latest}): upgrade execwatch first`);
    }
    const target = await openPostgresStores(url, { max: 2 });
    try {
      const { db } = target;
      return await target.work.run(async () => {
        const nonEmpty: string[] = [];
        for (const table of COPIED_TABLES) {
          if ((await db.query(`SELECT 1 FROM ${table} LIMIT 1`)).length) nonEmpty.push(table);
        }
        if (nonEmpty.length && !options.force) {
          throw new CopyRefusedError(`the target database already holds data (${nonEmpty.join(', ')}): give --force to replace it`);
        }
        if (nonEmpty.length) await db.execute(`TRUNCATE ${COPIED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);

        const rows: CopyResult['rows'] = [];
        for (const table of COPIED_TABLES) {
          const targetColumns = new Set((await db.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
               AND NOT (is_identity = 'YES' AND identity_generation = 'ALWAYS')`, [table])).map((r) => r.column_name));
          const columns = (source.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name).filter((c) => targetColumns.has(c));
          const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table}${IN_ROWID_ORDER.has(table) ? ' ORDER BY rowid' : ''}`).raw(true);
          const perBatch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
          let batch: unknown[][] = [];
          let count = 0;
          const flush = async () => {
            if (!batch.length) return;
            const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
            await db.execute(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
            count += batch.length;
            batch = [];
          };
          for (const row of select.iterate() as Iterable<unknown[]>) {
            batch.push(row);
            if (batch.length === perBatch) await flush();
          }
          await flush();
          rows.push({ table, rows: count });
        }
        for (const [table, column] of IDENTITIES) {
          await db.query(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), COALESCE((SELECT MAX(${column}) FROM ${table}), 0) + 1, false)`);
        }

        // Events an older version indexed otherwise (SQLite's event_reindex, done when the store
        // opens there): indexed here as they arrive, from their stored JSON.
        const hasReindex = source.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_reindex'`).get() !== undefined;
        const stale = hasReindex ? (source.prepare('SELECT event_id FROM event_reindex').pluck().all() as string[]) : [];
        let reindexed = 0;
        for (const id of stale) {
          const event = await target.stores.events.get(id);
          if (!event) continue;
          await db.execute(`UPDATE events SET index_sig = '' WHERE id = $1`, [id]);
          await target.stores.events.save(event);
          reindexed++;
        }
        return { rows, reindexed };
      });
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}
