// `execwatch run --role …` child processes for the scale run: started, watched for their ops
// endpoint, killed (SIGKILL, the test) or stopped (SIGTERM, the end), and their log's tail kept
// for the report when one fails.

import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../test/support/run-process.js';

export type Role = 'scheduler' | 'worker' | 'gateway';

export interface RoleProcess {
  role: Role;
  name: string;
  child: ChildProcess;
  /** The ops endpoint the process announced. */
  opsUrl: Promise<string>;
  /** The last lines it logged (for a failure report). */
  tail(): string;
  /** Warnings and errors it logged, by message. */
  problems(): Map<string, number>;
  /** The first line logged with each warning or error message. */
  samples(): Map<string, string>;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const TAIL_LINES = 60;

export function startRole(role: Role, name: string, config: string, env: NodeJS.ProcessEnv): RoleProcess {
  const child = spawn(process.execPath, [BIN, 'run', '--role', role, '--config', config], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', EXECWATCH_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const problems = new Map<string, number>();
  const samples = new Map<string, string>();
  let partial = '';
  let announce: (url: string) => void = () => undefined;
  const opsUrl = new Promise<string>((resolve) => (announce = resolve));
  child.stderr!.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      if (line.includes('ops endpoint listening')) announce((JSON.parse(line) as { url: string }).url);
      if (line.includes('"level":40') || line.includes('"level":50') || line.includes('"level":60')) {
        const msg = (/"msg":"([^"]*)"/.exec(line)?.[1]) ?? line.slice(0, 120);
        problems.set(msg, (problems.get(msg) ?? 0) + 1);
        if (!samples.has(msg)) samples.set(msg, line.slice(0, 600));
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    role,
    name,
    child,
    opsUrl,
    tail: () => lines.join('\n'),
    problems: () => problems,
    samples: () => samples,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const kill = signal === 'SIGKILL' ? null : setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      if (kill) clearTimeout(kill);
      return code;
    },
  };
}

/** GETs a process's /readyz: the body it answers (its role and checks), or null when it does not answer. */
export async function readyz(opsUrl: string): Promise<{ status: number; body: Record<string, unknown> } | null> {
  try {
    const res = await fetch(`${opsUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return null;
  }
}
