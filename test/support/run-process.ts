import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'execwatch.js');
/** How long `stop` waits for the signal to work before SIGKILL. */
const STOP_KILL_MS = 20_000;

export interface RunProcess {
  child: ChildProcess;
  /** stdout and stderr as printed so far. */
  output(): string;
  stdout(): string;
  /** The ops endpoint the process announced (config http.port 0). */
  opsUrl: string;
  /** Sends the signal; resolves with the exit code and how long the process took to exit. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/** `execwatch run` in a child process (through bin/execwatch.js), once its ops endpoint is up. */
export async function startRunProcess(config: string, env: NodeJS.ProcessEnv = {}, announceMs = 60_000, nodeArgs: string[] = [], bin = BIN): Promise<RunProcess> {
  const child = spawn(process.execPath, [...nodeArgs, bin, 'run', '--config', config], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let all = '';
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    all += d.toString();
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => (all += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const opsUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ops endpoint was not announced:\n${all.slice(-3000)}`)), announceMs);
    const check = (): void => {
      const line = all.split('\n').find((l) => l.includes('ops endpoint listening'));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    };
    child.stderr!.on('data', check);
    void exited.then(() => reject(new Error(`run exited early:\n${all.slice(-3000)}`)));
  });
  return {
    child,
    output: () => all,
    stdout: () => out,
    opsUrl,
    async stop(signal) {
      const at = Date.now();
      child.kill(signal);
      // A process that ignores the signal is killed, so that a failing check leaves nothing behind.
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_KILL_MS);
      const code = await exited;
      clearTimeout(kill);
      return { code, ms: Date.now() - at };
    },
  };
}

export interface HealthProbe {
  /** Stops probing; every probe's latency, and those that got no answer within the deadline. */
  stop(): Promise<{ probes: number; maxMs: number; unanswered: number }>;
}

// The prober runs in a thread of its own: what the caller's thread does meanwhile (serving a
// 30 MB feed, building the next one) must not count as the probed process's slowness.
const PROBER = `
  const { parentPort, workerData: { url, everyMs, deadlineMs } } = require('node:worker_threads');
  let running = true, probes = 0, maxMs = 0, unanswered = 0;
  parentPort.once('message', () => (running = false));
  (async () => {
    while (running) {
      const at = Date.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(deadlineMs) });
        await res.arrayBuffer();
        if (res.status !== 200) unanswered += 1;
      } catch {
        unanswered += 1;
      }
      probes += 1;
      maxMs = Math.max(maxMs, Date.now() - at);
      await new Promise((r) => setTimeout(r, everyMs));
    }
    parentPort.postMessage({ probes, maxMs, unanswered });
  })();
`;

/** GETs /healthz every `everyMs`, one at a time, from another thread, noting how long each answer took. */
export function probeHealth(opsUrl: string, everyMs = 100, deadlineMs = 5_000): HealthProbe {
  const worker = new Worker(PROBER, { eval: true, workerData: { url: `${opsUrl}/healthz`, everyMs, deadlineMs } });
  return {
    async stop() {
      const result = new Promise<{ probes: number; maxMs: number; unanswered: number }>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const r = await result;
      await worker.terminate();
      return r;
    },
  };
}

/** Polls `probe` until it returns a value. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Whether a run's stdout holds a console alert for the person. With stdout a pipe (a test, Docker,
 * systemd) the console target writes one JSON line per alert; at a terminal, an "[execwatch] …" headline.
 */
export function consoleAlerted(stdout: string, person: string): boolean {
  return stdout.split('\n').some((line) => (line.includes('"msg":"alert"') && line.includes(`"person":${JSON.stringify(person)}`)) || line.startsWith(`[execwatch] ${person}`));
}
