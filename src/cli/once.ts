import { loadConfig } from '../config/load.js';
import { openApp } from '../main.js';
import { CONFIG_USAGE, parseCommandArgs, type CliCommand } from './command.js';

export const onceCommand: CliCommand = {
  name: 'once',
  summary: 'poll every feed once, alert, and exit (0 unless the run itself failed)',
  usage: `execwatch once [--config PATH] [--json]\n\n${CONFIG_USAGE}\n  --json          print each feed's outcome as one JSON line`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const app = await openApp(loadConfig({ configPath: values.config, env: io.env }));
    try {
      await app.resumeDeliveries();
      const outcomes = await app.scheduler.pollAll();
      for (const o of outcomes) {
        if (values.json) io.out(JSON.stringify(o));
        else io.err(`${o.feed}: ${o.status}${o.error ? ` (${o.error})` : ''}, ${o.newItems} new items, ${o.changes} changes, ${o.alerts} alerts`);
      }
      // What could not be recorded is read again next time, but this run did not do its job.
      const store = app.storeHealth.state();
      if (store.lastError) throw store.lastError;
      return 0;
    } catch (err) {
      throw app.storeHealth.explain(err);
    } finally {
      await app.close();
    }
  },
};
