import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';

/** What /readyz checks. `discord: null` means Discord is not configured, which counts as ready. */
export interface Readiness {
  /** The part of the bot this process is (`run --role`): all, scheduler, worker or gateway. */
  role?: string;
  store: boolean;
  /** The process's polling runs: the scheduler (all, scheduler) or the job consumer (worker); true where the role polls nothing. */
  scheduler: boolean;
  discord: boolean | null;
  /** What is wrong, for the operator reading /readyz (the database's error with its fix). */
  errors?: Record<string, string>;
}

export interface OpsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to 0.0.0.0 so a container's health check and Prometheus can reach it. */
  host?: string;
  metrics: Metrics;
  readiness: () => Readiness | Promise<Readiness>;
  /** Said by /healthz (and /readyz, through the readiness). */
  role?: string;
  logger?: { error(obj: object, msg?: string): void };
}

export interface OpsServer {
  listen(): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export function isReady(r: Readiness): boolean {
  return r.store && r.scheduler && r.discord !== false;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, head: boolean): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(head ? undefined : body);
}

/** The operations endpoint: /healthz (alive), /readyz (ready for work), /metrics (Prometheus). */
export function createOpsServer(options: OpsServerOptions): OpsServer {
  const { metrics, readiness, logger } = options;
  const json = 'application/json; charset=utf-8';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, json, JSON.stringify({ error: 'method not allowed' }), false);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    switch (path) {
      case '/healthz':
        send(res, 200, json, JSON.stringify({ status: 'ok', ...(options.role ? { role: options.role } : {}) }), head);
        return;
      case '/readyz': {
        const checks = await readiness();
        const ready = isReady(checks);
        send(res, ready ? 200 : 503, json, JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }), head);
        return;
      }
      case '/metrics':
        send(res, 200, metrics.contentType, await metrics.render(), head);
        return;
      default:
        send(res, 404, json, JSON.stringify({ error: 'not found', endpoints: ['/healthz', '/readyz', '/metrics'] }), head);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger?.error({ err, path: req.url }, 'ops endpoint failed');
      if (!res.headersSent) send(res, 500, json, JSON.stringify({ error: 'internal error' }), false);
      else res.destroy();
    });
  });
  // Scrapes and probes are short; a stuck client must not hold the process open at shutdown.
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(new Error(`ops HTTP server could not listen on ${options.host ?? '0.0.0.0'}:${options.port}: ${err.message}`));
        server.once('error', onError);
        server.listen(options.port, options.host ?? '0.0.0.0', () => {
          server.off('error', onError);
          const addr = server.address() as AddressInfo;
          const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          resolve({ host: addr.address, port: addr.port, url: `http://${shownHost}:${addr.port}` });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
