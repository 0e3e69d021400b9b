import { loadConfig } from '../config/load.js';
import { openApp } from '../main.js';
import { CONFIG_USAGE, parseCommandArgs, type CliCommand } from './command.js';

export const onceCommand: CliCommand = {
  name: 'once',
  summary: 'poll every feed once, deliver the alerts, and exit (1 when a delivery failed)',
  usage: `execwatch once [--config PATH] [--json]\n\n${CONFIG_USAGE}\n  --json          print each feed's outcome, then the deliveries, as one JSON line each\n\n` +
    'Exit status: 0 when every alert reached its targets (or waits for a paused Discord: "deferred"),\n' +
    '1 when a delivery failed (it is retried on the next run), 74 when the database failed (full, damaged).',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const app = await openApp(loadConfig({ configPath: values.config, env: io.env }));
    try {
      await app.resumeDeliveries();
      const outcomes = await app.scheduler.pollAll();
      // Polling queued the alerts in the outbox and started delivering them; finish here.
      await app.resumeDeliveries();
      for (const o of outcomes) {
        if (values.json) io.out(JSON.stringify(o));
        else io.err(`${o.feed}: ${o.status}${o.error ? ` (${o.error})` : ''}, ${o.newItems} new items, ${o.changes} changes, ${o.alerts} alerts`);
      }
      const t = app.delivery.totals();
      const failed = t.failed + t.paused;
      const twice = t.possibleDuplicates ? `, ${t.possibleDuplicates} possibly posted twice (a webhook post cut off by a crash was sent again)` : '';
      if (values.json) io.out(JSON.stringify({ deliveries: { sent: t.sent + t.edited, failed, deferred: t.deferred, possibleDuplicates: t.possibleDuplicates } }));
      else io.err(`deliveries: ${t.sent + t.edited} sent, ${failed} failed, ${t.deferred} deferred${twice}`);
      if (failed) io.err('some alerts could not be delivered (see the log): they are retried on the next run');
      // What could not be recorded is read again next time, but this run did not do its job.
      const store = app.storeHealth.state();
      if (store.lastError) throw store.lastError;
      return failed ? 1 : 0;
    } catch (err) {
      throw app.storeHealth.explain(err);
    } finally {
      await app.close();
    }
  },
};
