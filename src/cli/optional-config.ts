import { ConfigError, loadConfig, type LoadedConfig } from '../config/load.js';
import type { CliIo } from './command.js';

/** The config when one is there; commands that work without one (inspect) get null. */
export function tryConfig(configPath: string | undefined, io: CliIo): LoadedConfig | null {
  try {
    return loadConfig({ configPath, env: io.env });
  } catch (err) {
    if (configPath || !(err instanceof ConfigError) || !/cannot read config file/.test(err.message)) throw err;
    return null;
  }
}
