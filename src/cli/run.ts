import { loadConfig } from '../config/load.js';
import { createApp } from '../main.js';
import { CONFIG_USAGE, parseCommandArgs, type CliCommand } from './command.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run the bot: poll feeds on schedule and send alerts (what `npm start` does)',
  usage: `execwatch run [--config PATH]\n\n${CONFIG_USAGE}`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {});
    const app = createApp(loadConfig({ configPath: values.config, env: io.env }));
    const feeds = app.stores.feeds.list().filter((f) => !f.disabled).length;
    app.logger.info({ feeds, targets: app.targets.map((t) => t.id), extractor: app.extractor.name, db: app.db.name }, 'execwatch started');
    app.scheduler.start();
    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.logger.info({ signal }, 'shutting down');
        // A hard bound, so a stuck fetch can never keep the process from exiting.
        const killer = setTimeout(() => resolve(0), 9000);
        killer.unref();
        app.close(5000).then(
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
