import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, EnvSchema, type Config, type Env } from './schema.js';

export const DEFAULT_CONFIG_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/execwatch.yaml');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadedConfig {
  config: Config;
  env: Env;
  /** The file the config came from. */
  path: string;
  /** The SQLite file. */
  databasePath: string;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value).slice(0, 60)}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** One line per problem: the key's path, what was expected, what was found. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, raw: unknown, where: string): string {
  const lines = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const base = issue.path.map(String).join('.');
      return issue.keys.map((k) => `  ${base ? `${base}.` : ''}${k}: unknown key (expected one of the documented keys; check the spelling)`).join('\n');
    }
    const path = issue.path.map(String).join('.') || '(top level)';
    const found = describe(valueAt(raw, issue.path));
    const expected = issue.message.replace(/^Invalid input: expected /, '').replace(/, received \w+$/, '');
    return `  ${path}: expected ${expected}; found ${found}`;
  });
  return `invalid configuration in ${where}:\n${lines.join('\n')}`;
}

export function parseEnv(env: NodeJS.ProcessEnv): Env {
  // `KEY=` in an env file or compose means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = EnvSchema.safeParse(given);
  if (!result.success) throw new ConfigError(formatIssues(result.error.issues, env, 'the environment'));
  return result.data;
}

export function parseConfig(text: string, where: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(`cannot read ${where} as YAML: ${(err as Error).message}`);
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(formatIssues(result.error.issues, raw, where));
  return result.data;
}

/** Feed paths that are not URLs are read relative to the config file's folder. */
function resolveFeedPaths(config: Config, configDir: string): Config {
  return {
    ...config,
    feeds: config.feeds.map((f) =>
      /^[a-z][a-z0-9+.-]*:\/\//i.test(f.url) || isAbsolute(f.url) ? f : { ...f, url: resolve(configDir, f.url) },
    ),
  };
}

/** Loads the config once at start-up: --config, else EXECWATCH_CONFIG, else the shipped default. */
export function loadConfig(options: { configPath?: string; env?: NodeJS.ProcessEnv } = {}): LoadedConfig {
  const env = parseEnv(options.env ?? process.env);
  const path = resolve(options.configPath ?? env.EXECWATCH_CONFIG ?? DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const config = resolveFeedPaths(parseConfig(text, path), dirname(path));
  const dataDir = resolve(env.EXECWATCH_DATA_DIR ?? config.dataDir);
  return { config: { ...config, dataDir }, env, path, databasePath: resolve(dataDir, 'execwatch.db') };
}
