import type { PgMigration } from './types.js';
import { migration as m0001 } from './0001_init.js';

export type { PgMigration } from './types.js';

/** Every Postgres schema version this code knows, in order. */
export const pgMigrations: readonly PgMigration[] = [m0001].sort((a, b) => a.version - b.version);
