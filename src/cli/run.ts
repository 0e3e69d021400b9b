import { ConfigError, loadConfig } from '../config/load.js';
import { openApp } from '../main.js';
import { startOpsEndpoint } from '../ops/ops-endpoint.js';
import { checkRoleBackend, parseRole, ROLE_USAGE } from '../roles/role.js';
import { startRole, type RunningRole } from '../roles/start.js';
import { CONFIG_USAGE, parseCommandArgs, type CliCommand } from './command.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run the bot: poll feeds on schedule and send alerts (what `npm start` does); --role for one part of it on Postgres',
  usage: `execwatch run [--role ROLE] [--config PATH]\n\n${ROLE_USAGE}\n${CONFIG_USAGE}`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { role: { type: 'string' } });
    const role = parseRole(values.role);
    const loaded = loadConfig({ configPath: values.config, env: io.env });
    checkRoleBackend(role, loaded.databaseUrl);
    const app = await openApp(loaded, { role });
    let running: RunningRole | null = null;
    // The ops endpoint first: a port that cannot be bound stops the start, with what to change,
    // rather than leaving a bot that Docker's health check and Prometheus cannot see.
    let ops: Awaited<ReturnType<typeof startOpsEndpoint>>;
    try {
      ops = await startOpsEndpoint({
        settings: app.config.http,
        portOverride: app.env.EXECWATCH_HTTP_PORT,
        metrics: app.metrics,
        readiness: async () => (running ? running.readiness() : { ...(await app.readiness()), scheduler: false }),
        role,
        logger: app.logger,
      });
    } catch (err) {
      await app.close();
      throw new ConfigError((err as Error).message);
    }
    const feeds = (await app.stores.feeds.list()).filter((f) => !f.disabled).length;
    app.logger.info({ role, feeds, targets: app.targets.map((t) => t.id), extractor: app.extractor.name, db: app.backend.shown }, 'execwatch started');
    try {
      running = await startRole(app, role);
    } catch (err) {
      await Promise.all([app.close(), ops?.close()]);
      throw err;
    }
    const started = running;
    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.logger.info({ signal, role }, 'shutting down');
        // A hard bound, so a stuck fetch can never keep the process from exiting: 7.5 s plus the
        // entry's 2 s exit backstop stays inside the 10 s Docker gives before SIGKILL.
        const killer = setTimeout(() => resolve(0), 7500);
        killer.unref();
        Promise.all([started.stop(4000).then(() => app.close(3000)), ops?.close()]).then(
          () => resolve(0),
          (err: Error) => {
            app.logger.error({ err: err.message }, 'error during shutdown');
            resolve(1);
          },
        ).finally(() => clearTimeout(killer));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  },
};
