import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { startOpsEndpoint } from '../../src/ops/ops-endpoint.js';

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

  it('logs a port it cannot bind and lets the bot carry on', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const logger = recordingLogger();
    try {
      const ops = await startOpsEndpoint({ settings: { enabled: true, port, host: '127.0.0.1' }, metrics: createMetrics(), readiness, logger });
      expect(ops).toBeNull();
      expect(logger.lines[0]).toMatchObject({ level: 'error', msg: 'ops endpoint not started' });
      expect(JSON.stringify(logger.lines[0]!.obj)).toMatch(/could not listen on 127\.0\.0\.1/);
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });
});
