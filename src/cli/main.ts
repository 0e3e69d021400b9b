import { ConfigError } from '../config/load.js';
import { ExtractorSettingsError } from '../llm/settings.js';
import { DatabaseVersionError } from '../store/db.js';
import { StoreError } from '../ports/store-health.js';
import { UsageError, type CliIo } from './command.js';
import { commands } from './commands.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'execwatch: watches tech-news feeds for leadership changes and tells Discord about them',
    '',
    'usage: execwatch <command> [options]   (execwatch <command> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`execwatch: unknown command ${JSON.stringify(name)}\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`execwatch ${name}: ${err.message}\n\nusage: ${command.usage}`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof DatabaseVersionError || err instanceof ExtractorSettingsError) {
      io.err(`execwatch: ${err.message}`);
      return 78; // EX_CONFIG
    }
    if (err instanceof StoreError) {
      io.err(`execwatch ${name}: ${err.message}`);
      return 74; // EX_IOERR
    }
    io.err(`execwatch ${name}: ${(err as Error).message}`);
    return 1;
  }
}
