import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, a free port on
// 127.0.0.1, trust authentication, durability off (the data dies with the test run). The
// server binaries come from Debian's `postgresql` package; `.ci/run` installs it when missing.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` user.

const run = promisify(execFile);

/** The folder holding initdb, pg_ctl and psql, or null when no server binaries are installed. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'psql'].every((b) => existsSync(join(dir, b)))) ?? null;
}

interface RunAs { uid: number; gid: number }

function runAs(): RunAs | null | 'impossible' {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return 'impossible';
  }
}

const announced = new Set<string>();

/**
 * True when a throwaway cluster can be started here; otherwise prints one line saying which
 * suite is skipped and why. Use with `describe.runIf(hasPostgres('suite'))`.
 */
export function hasPostgres(suite: string): boolean {
  const why = !findPostgresBin()
    ? 'no PostgreSQL server binaries (install Debian\'s postgresql package, or set PG_BIN)'
    : runAs() === 'impossible' ? 'running as root with no postgres user to run the server as' : null;
  if (!why) return true;
  if (!announced.has(suite)) {
    announced.add(suite);
    console.log(`skipped: ${suite}: ${why}`);
  }
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  /** postgres://… of the cluster's `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL server binaries found');
  const as = runAs();
  if (as === 'impossible') throw new Error('running as root with no postgres user');
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-pg-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const exec = (cmd: string, args: string[]) =>
    run(join(bin, cmd), args, { ...(as ? { uid: as.uid, gid: as.gid } : {}), cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  const data = join(dir, 'data');
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'execwatch', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [
    `-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off',
    '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200',
  ].join(' ');
  await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const urlOf = (db: string) => `postgres://execwatch@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    url: urlOf('postgres'),
    port,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await exec('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'execwatch', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
      return urlOf(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
