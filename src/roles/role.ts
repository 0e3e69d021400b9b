// `execwatch run --role …`: which part of the bot this process is (docs/scaling.md).

import { ConfigError } from '../config/load.js';
import { UsageError } from '../cli/command.js';

export const ROLES = ['all', 'scheduler', 'worker', 'gateway'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_USAGE = `  --role ROLE     all (default: the whole bot in one process), or one part of it on Postgres:
                  scheduler (queues due polls, runs digests; exactly one),
                  worker (polls, extracts, stores, delivers; any number),
                  gateway (the Discord connection and slash commands; exactly one)`;

export function parseRole(value: string | undefined): Role {
  if (value === undefined) return 'all';
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${value}")`);
}

/**
 * The split roles share their work through Postgres (the data and the job queue): on SQLite
 * there is one process, which is role all.
 */
export function checkRoleBackend(role: Role, databaseUrl: string | null): void {
  if (role === 'all' || databaseUrl) return;
  throw new ConfigError(
    `--role ${role} needs Postgres: set DATABASE_URL (or database.url in the config) to a postgres:// database shared by every role, ` +
      'or run the whole bot in one process with --role all (the default) on SQLite. See docs/scaling.md.',
  );
}
