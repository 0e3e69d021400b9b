import { ConfigError, loadConfig } from '../config/load.js';
import { openApp } from '../main.js';
import { startOpsEndpoint } from '../ops/ops-endpoint.js';
import { CONFIG_USAGE, parseCommandArgs, type CliCommand } from './command.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run the bot: poll feeds on schedule and send alerts (what `npm start` does)',
  usage: `execwatch run [--config PATH]\n\n${CONFIG_USAGE}`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {});
    const app = await openApp(loadConfig({ configPath: values.config, env: io.env }));
    // The ops endpoint first: a port that cannot be bound stops the start, with what to change,
    // rather than leaving a bot that Docker's health check and Prometheus cannot see.
    let ops: Awaited<ReturnType<typeof startOpsEndpoint>>;
    try {
      ops = await startOpsEndpoint({
        settings: app.config.http,
        portOverride: app.env.EXECWATCH_HTTP_PORT,
        metrics: app.metrics,
        readiness: app.readiness,
        logger: app.logger,
      });
    } catch (err) {
      await app.close();
      throw new ConfigError((err as Error).message);
    }
    const feeds = (await app.stores.feeds.list()).filter((f) => !f.disabled).length;
    app.logger.info({ feeds, targets: app.targets.map((t) => t.id), extractor: app.extractor.name, db: app.db.name }, 'execwatch started');
    let stopping = false;
    // Polling starts once the worker threads have loaded their code, so that no item's time budget
    // and no "the process died while reading it" count includes a worker's start-up.
    const warm = app.pool ? app.pool.warm().catch((err: Error) => app.logger.warn({ err: err.message }, 'worker threads did not start; they are started again on demand')) : Promise.resolve();
    void warm.then(() => {
      if (!stopping) app.scheduler.start();
    });
    // Deliveries left undone (a crash, a Discord outage) go out now and then every minute.
    const retry = () => void app.resumeDeliveries().catch((err: Error) => {
      if (!app.storeHealth.failed(err)) app.logger.warn({ err: err.message }, 'delivery retry failed');
    });
    retry();
    setInterval(retry, 60_000).unref();
    // Digest subscriptions: due periods checked every minute on the real clock; missed ones go out late.
    app.digests?.start();
    app.discord?.bot.start().catch((err: Error) => app.logger.error({ err: err.message }, 'the Discord bot could not log in; slash commands are off, alerts still go out'));
    return new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.logger.info({ signal }, 'shutting down');
        // A hard bound, so a stuck fetch can never keep the process from exiting: 7.5 s plus the
        // entry's 2 s exit backstop stays inside the 10 s Docker gives before SIGKILL.
        const killer = setTimeout(() => resolve(0), 7500);
        killer.unref();
        Promise.all([app.close(5000), ops?.close()]).then(
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
