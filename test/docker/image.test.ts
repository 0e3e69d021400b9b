import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRssFeed } from '../support/builders.js';
import { startHttpServer } from '../support/http-server.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const DOCKER_LOCAL = process.env.EXECWATCH_DOCKER_LOCAL ?? resolve(ROOT, '..', 'shared', 'tools', 'docker-local.sh');
const IMAGE = process.env.EXECWATCH_DOCKER_IMAGE ?? 'execwatch:test';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const CONTAINER = `execwatch-test-${suffix}`;
const VOLUME = `execwatch-test-data-${suffix}`;

const docker = async (...args: string[]) => (await run('docker', args, { maxBuffer: 64 * 1024 * 1024 })).stdout.trim();

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const health = () => docker('inspect', '-f', '{{if .State.Health}}{{.State.Health.Status}}{{end}}', CONTAINER);
/** Console alerts are printed to the container's stdout (no TTY there), one JSON line each. */
const alertsPrinted = async () => (await run('docker', ['logs', CONTAINER], { maxBuffer: 64 * 1024 * 1024 })).stdout.split('\n').filter((l) => l.includes('"msg":"alert"')).length;
const storedItems = async () =>
  Number(await docker('exec', CONTAINER, 'node', '-e',
    "const D=require('/app/node_modules/better-sqlite3');const db=new D('/data/execwatch.db',{readonly:true});process.stdout.write(String(db.prepare('SELECT count(*) AS n FROM items').get().n))"));

const results: Record<string, string | number> = {};
let feedServer: Awaited<ReturnType<typeof startHttpServer>>;
let feedRequests = 0;

beforeAll(async () => {
  // The build: several minutes the first time (docker-local.sh installs an engine and makes a base image).
  const log = join(mkdtempSync(join(tmpdir(), 'execwatch-docker-')), 'build.log');
  const started = Date.now();
  const code = await new Promise<number | null>((done) => {
    const out = createWriteStream(log);
    const child = spawn(DOCKER_LOCAL, [ROOT, '-t', IMAGE], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on('exit', (c) => done(c));
  });
  if (code !== 0) throw new Error(`image build failed (exit ${code}); the end of ${log}:\n${readFileSync(log, 'utf8').slice(-4000)}`);
  results.buildSeconds = Math.round((Date.now() - started) / 1000);

  feedServer = await startHttpServer((req, res) => {
    feedRequests++;
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(buildRssFeed([
      {
        title: 'Globex appoints Jane Doe as chief financial officer',
        link: 'http://news.example/globex-cfo',
        guid: 'globex-cfo',
        description: 'Globex Corp said on Monday it had appointed Jane Doe as chief financial officer, effective immediately.',
      },
      { title: 'Quarterly earnings beat estimates', link: 'http://news.example/earnings', guid: 'earnings', description: 'Revenue rose 12 percent.' },
    ]));
  });
}, 30 * 60_000);

afterAll(async () => {
  await docker('rm', '-f', CONTAINER).catch(() => '');
  await docker('volume', 'rm', '-f', VOLUME).catch(() => '');
  await feedServer?.close();
  console.log(`docker test results: ${JSON.stringify(results)}`);
});

describe('the Docker image', () => {
  it('is healthy fast, runs as non-root, processes a feed into /data, survives a restart without alerting again, and stops cleanly', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'execwatch-docker-config-'));
    chmodSync(configDir, 0o755);
    const opsPort = await freePort();
    writeFileSync(join(configDir, 'execwatch.yaml'), [
      'polling:',
      '  intervalMinutes: 1',
      '  alertOnFirstPoll: true',
      '  allowPrivateAddresses: true   # the feed server is on the host loopback',
      'http:',
      '  host: 127.0.0.1',
      'feeds:',
      '  - name: Local',
      `    url: ${feedServer.url}/feed.xml`,
      '',
    ].join('\n'));
    chmodSync(join(configDir, 'execwatch.yaml'), 0o644);

    // Host networking: the container reaches the feed server on the host's loopback.
    const startedAt = Date.now();
    await docker('run', '-d', '--name', CONTAINER, '--network', 'host',
      '-e', `EXECWATCH_HTTP_PORT=${opsPort}`,
      '-v', `${configDir}:/config:ro`, '-v', `${VOLUME}:/data`, IMAGE);

    await until('healthy', 15_000, async () => ((await health()) === 'healthy' ? true : undefined));
    results.healthySeconds = (Date.now() - startedAt) / 1000;

    const uid = await docker('exec', CONTAINER, 'id', '-u');
    expect(uid).not.toBe('0');
    results.uid = uid;
    expect(await docker('inspect', '-f', '{{.Config.User}}', IMAGE)).toBe('1000:1000');

    // The ops endpoint answers from the host too.
    const ready = await until('ready', 15_000, async () => {
      const r = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
      return r.status === 200 ? r : undefined;
    });
    expect(ready.status).toBe(200);

    await until('the feed stored in /data', 30_000, async () => ((await storedItems()) === 2 ? true : undefined));
    const alerts = await until('an alert', 15_000, async () => {
      const n = await alertsPrinted();
      return n > 0 ? n : undefined;
    });
    results.alertsBeforeRestart = alerts;

    // The chart renderer and its shipped font work inside the image: draw Globex's timeline there.
    await docker('exec', CONTAINER, 'node', 'bin/execwatch.js', 'timeline', '--company', 'Globex', '--out', '/data/timeline.png');
    const png = Buffer.from(await docker('exec', CONTAINER, 'node', '-e',
      "process.stdout.write(require('fs').readFileSync('/data/timeline.png').subarray(0, 24).toString('hex'))"), 'hex');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    results.timelinePng = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    expect(png.readUInt32BE(16)).toBeGreaterThan(300);

    // A restart keeps /data: the next poll sees the same items and alerts nothing.
    const requestsBefore = feedRequests;
    await docker('restart', '-t', '10', CONTAINER);
    await until('healthy after restart', 20_000, async () => ((await health()) === 'healthy' ? true : undefined));
    await until('a poll after the restart', 120_000, async () => (feedRequests > requestsBefore ? true : undefined));
    await new Promise((r) => setTimeout(r, 2000));
    results.alertsAfterRestart = await alertsPrinted();
    expect(results.alertsAfterRestart).toBe(alerts);
    expect(await storedItems()).toBe(2);

    const stopAt = Date.now();
    await docker('stop', '-t', '10', CONTAINER);
    results.stopSeconds = (Date.now() - stopAt) / 1000;
    const exitCode = await docker('inspect', '-f', '{{.State.ExitCode}}', CONTAINER);
    results.exitCode = exitCode;
    expect(exitCode).toBe('0');
    expect(results.stopSeconds).toBeLessThan(10);

    const bytes = Number(await docker('image', 'inspect', '-f', '{{.Size}}', IMAGE));
    results.imageMB = Math.round(bytes / 1e6);
    console.log(`image ${IMAGE}: ${results.imageMB} MB (goal: at most 250 MB)`);
  });
});
