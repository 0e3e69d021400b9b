import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  out: (text: string) => void;
  /** Output written as it is, without a line break added (a CSV's own CRLFs); else `out`. */
  write?: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** One line for `execwatch --help`. */
  summary: string;
  /** The full usage text for `execwatch <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with the options every command shares (--config, --help) and usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args,
      options: { ...options, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const CONFIG_USAGE = '  --config PATH   the config file (default: $EXECWATCH_CONFIG, else config/execwatch.yaml)';
