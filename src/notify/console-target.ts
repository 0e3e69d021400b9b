import type { Alert, AlertTarget } from './alert.js';
import { renderEmbed } from './embed.js';

/** The default target with no Discord credentials: alerts printed for the operator to read. */
export function createConsoleTarget(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): AlertTarget {
  return {
    id: 'console',
    async send(alert: Alert) {
      const e = renderEmbed(alert);
      const lines = [`[execwatch] ${e.title}`, ...e.fields.map((f) => `  ${f.name}: ${f.value.replace(/\n/g, ' | ')}`), `  ${e.description}`];
      write(lines.join('\n'));
      return null;
    },
  };
}
