import type { Metrics } from './metrics.js';
import { createOpsServer, type OpsServer, type Readiness } from './http-server.js';

export interface OpsEndpointSettings {
  enabled: boolean;
  port: number;
  host: string;
}

export interface OpsEndpointDeps {
  settings: OpsEndpointSettings;
  /** EXECWATCH_HTTP_PORT, which wins over the config's port. */
  portOverride?: number;
  metrics: Metrics;
  readiness: () => Readiness | Promise<Readiness>;
  /** The process's role, said by /healthz. */
  role?: string;
  logger: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

/**
 * Starts the ops endpoint for `execwatch run`, or nothing when it is switched off. A port that
 * cannot be bound is fatal, with what to change: a bot whose health endpoint is silently missing
 * is restarted by Docker's health check and invisible to Prometheus, which is worse than not
 * starting. (`http.enabled: false` is the way to run without one.)
 */
export async function startOpsEndpoint(deps: OpsEndpointDeps): Promise<OpsServer | null> {
  if (!deps.settings.enabled) return null;
  const port = deps.portOverride ?? deps.settings.port;
  const server = createOpsServer({ port, host: deps.settings.host, metrics: deps.metrics, readiness: deps.readiness, role: deps.role, logger: deps.logger });
  let url: string;
  try {
    ({ url } = await server.listen());
  } catch (err) {
    const inUse = (err as { code?: string }).code === 'EADDRINUSE' || /EADDRINUSE/.test((err as Error).message);
    throw new Error(
      `${(err as Error).message}${inUse ? ' (another program uses that port)' : ''}. ` +
        `Free port ${port}, choose another with http.port in the config or EXECWATCH_HTTP_PORT, or switch the endpoint off with http.enabled: false.`,
    );
  }
  deps.logger.info({ url, ...(deps.role ? { role: deps.role } : {}), endpoints: ['/healthz', '/readyz', '/metrics'] }, 'ops endpoint listening');
  return server;
}
