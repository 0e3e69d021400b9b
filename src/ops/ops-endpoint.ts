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
  readiness: () => Readiness;
  logger: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

/**
 * Starts the ops endpoint for `execwatch run`, or nothing when it is switched off. A port that
 * cannot be bound is logged, not fatal: the bot keeps alerting, and the container's health check
 * reports the problem.
 */
export async function startOpsEndpoint(deps: OpsEndpointDeps): Promise<OpsServer | null> {
  if (!deps.settings.enabled) return null;
  const port = deps.portOverride ?? deps.settings.port;
  const server = createOpsServer({ port, host: deps.settings.host, metrics: deps.metrics, readiness: deps.readiness, logger: deps.logger });
  try {
    const { url } = await server.listen();
    deps.logger.info({ url, endpoints: ['/healthz', '/readyz', '/metrics'] }, 'ops endpoint listening');
    return server;
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'ops endpoint not started');
    return null;
  }
}
