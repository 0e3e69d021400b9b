import { backupCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { discordCommand } from './discord.js';
import { evalCommand } from './eval.js';
import { eventsCommand } from './events.js';
import { extractCommand } from './extract.js';
import { feedsCommand } from './feeds.js';
import { onceCommand } from './once.js';
import { runCommand } from './run.js';
import { statsCommand } from './stats.js';

/** Every subcommand, in the order `execwatch --help` lists them. */
export const commands: readonly CliCommand[] = [
  runCommand,
  onceCommand,
  feedsCommand,
  extractCommand,
  evalCommand,
  eventsCommand,
  statsCommand,
  backupCommand,
  discordCommand,
];
