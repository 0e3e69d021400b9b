import type { CliCommand } from './command.js';
import { evalCommand } from './eval.js';
import { extractCommand } from './extract.js';
import { onceCommand } from './once.js';
import { runCommand } from './run.js';

/** Every subcommand, in the order `execwatch --help` lists them. */
export const commands: readonly CliCommand[] = [
  runCommand,
  onceCommand,
  extractCommand,
  evalCommand,
];
