import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'execwatch.js');

/** A loopback port with nothing listening: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function runUntilSignal(signal: NodeJS.Signals) {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-run-'));
  const config = join(dir, 'execwatch.yaml');
  writeFileSync(config, [
    `dataDir: ${join(dir, 'data')}`,
    'polling:',
    '  allowPrivateAddresses: true',
    'feeds:',
    '  - name: Unreachable',
    `    url: http://127.0.0.1:${await closedPort()}/feed.xml`,
    '  - name: Missing file',
    `    url: ${join(dir, 'missing.xml')}`,
    '',
  ].join('\n'));
  // No Discord credentials and no network: the bot must log the failures and keep running.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, [BIN, 'run', '--config', config], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
  const failuresLogged = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no failures logged in time:\n${stderr}`)), 15_000);
    const check = () => {
      if (/Unreachable/.test(stderr) && /Missing file/.test(stderr) && /feed poll failed[\s\S]*feed poll failed/.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr.on('data', check);
  });
  await failuresLogged;
  expect(child.exitCode).toBeNull(); // still running after the failures
  const stoppedAt = Date.now();
  child.kill(signal);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { code, ms: Date.now() - stoppedAt, stderr };
}

describe('execwatch run without credentials or network', () => {
  it('logs each feed failure, keeps running, and exits 0 on SIGTERM', async () => {
    const { code, stderr } = await runUntilSignal('SIGTERM');
    expect(code).toBe(0);
    expect(stderr).toMatch(/shutting down/);
  });

  it('exits 0 on SIGINT', async () => {
    const { code } = await runUntilSignal('SIGINT');
    expect(code).toBe(0);
  });
});
