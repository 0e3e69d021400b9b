import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { startOpsEndpoint } from '../../src/ops/ops-endpoint.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { createApp } from '../../src/main.js';
import { writeTestConfig } from '../support/config-file.js';
import { captureLogger } from '../discord/harness.js';

function recordingLogger() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  return {
    lines,
    info: (obj: object, msg?: string) => lines.push({ level: 'info', obj, msg }),
    error: (obj: object, msg?: string) => lines.push({ level: 'error', obj, msg }),
  };
}
const readiness = () => ({ store: true, scheduler: true, discord: null });

describe('startOpsEndpoint', () => {
  it('starts nothing when switched off', async () => {
    const logger = recordingLogger();
    const ops = await startOpsEndpoint({ settings: { enabled: false, port: 0, host: '127.0.0.1' }, metrics: createMetrics(), readiness, logger });
    expect(ops).toBeNull();
    expect(logger.lines).toEqual([]);
  });

  it('listens where EXECWATCH_HTTP_PORT says, over the config port, and announces it', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as { port: number }).port;
    await new Promise<void>((r) => free.close(() => r()));
    const logger = recordingLogger();
    const ops = await startOpsEndpoint({ settings: { enabled: true, port: 1, host: '127.0.0.1' }, portOverride: port, metrics: createMetrics(), readiness, logger });
    try {
      expect(ops).not.toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(logger.lines[0]).toMatchObject({ level: 'info', msg: 'ops endpoint listening', obj: { url: `http://127.0.0.1:${port}` } });
    } finally {
      await ops?.close();
    }
  });

  it('refuses a port it cannot bind, saying what to change', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const logger = recordingLogger();
    try {
      const starting = startOpsEndpoint({ settings: { enabled: true, port, host: '127.0.0.1' }, metrics: createMetrics(), readiness, logger });
      await expect(starting).rejects.toThrow(new RegExp(`could not listen on 127\\.0\\.0\\.1:${port}.*another program uses that port.*http\\.port.*EXECWATCH_HTTP_PORT.*http\\.enabled: false`));
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });

  it('makes `execwatch run` exit 78 with that message, and warns when there is no feed to poll', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const { path, dataDir } = writeTestConfig({ feeds: [], extra: { http: { port, host: '127.0.0.1' } } });
    const err: string[] = [];
    try {
      const code = await main(['run', '--config', path], { out: () => undefined, err: (t) => err.push(t), env: { LOG_LEVEL: 'silent' } });
      expect(code).toBe(78);
      expect(err.join('\n')).toMatch(new RegExp(`^execwatch: ops HTTP server could not listen on 127\\.0\\.0\\.1:${port}`));
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
    const logs = captureLogger();
    const app = await createApp(loadConfig({ configPath: path, env: { EXECWATCH_DATA_DIR: dataDir } }), { logger: logs.logger });
    await app.close();
    expect(logs.lines.find((l) => l.level === 'warn')?.msg).toMatch(/^no feeds to poll: add some under "feeds:" in .*execwatch\.yaml/);
  });
});
