import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { databaseUrlProblem } from './database-url.js';
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
  /** postgres://… when Postgres is the store (DATABASE_URL, else database.url); null: SQLite. */
  databaseUrl: string | null;
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

const KINDS: Record<string, string> = {
  number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false', array: 'a list',
  object: 'a section of keys', record: 'a section of keys', null: 'null',
};

/** What a zod issue expected, in words ("a number of at least 1", "one of auto, builtin, openai"). */
export function expectedText(issue: z.core.$ZodIssue): string {
  const quantity = (n: number | bigint, unit: string) => `${n} ${unit}${Number(n) === 1 ? '' : 's'}`;
  switch (issue.code) {
    case 'invalid_type':
      return KINDS[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'non-empty text' : `text of at least ${quantity(issue.minimum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `a list of at least ${quantity(issue.minimum, 'entry')}`.replace('entrys', 'entries');
      return `a number ${issue.inclusive ? 'of at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `text of at most ${quantity(issue.maximum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `a list of at most ${quantity(issue.maximum, 'entry')}`.replace('entrys', 'entries');
      return `a number ${issue.inclusive ? 'of at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'a URL such as https://example.com/path';
      // A custom message (discord ids) is already written for people; zod's own names the pattern.
      return issue.message.startsWith('Invalid') ? `text in the ${issue.format} format` : issue.message;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** One line per problem: the key's path, what was expected, what was found. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, raw: unknown, where: string): string {
  const lines = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const base = issue.path.map(String).join('.');
      return issue.keys.map((k) => `  ${base ? `${base}.` : ''}${k}: unknown key (expected one of the documented keys; check the spelling)`).join('\n');
    }
    const path = issue.path.map(String).join('.') || '(top level)';
    return `  ${path}: expected ${expectedText(issue)}; found ${describe(valueAt(raw, issue.path))}`;
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

const HTTP = /^https?:\/\//i;

/**
 * What a feed's `url` is: an http(s) URL, a file:// URL, or a file path, resolved against the
 * working directory like every other relative path execwatch is given. Anything that looks like
 * a URL but is not a valid http(s) one is refused rather than read as a file name.
 */
function feedSource(url: string, cwd: string): { url: string; key: string } | { error: string } {
  if (HTTP.test(url)) {
    try {
      return { url, key: new URL(url).href };
    } catch {
      return { error: 'expected an http(s) URL or a file path; found a URL that does not parse (a space or a character URLs may not hold?)' };
    }
  }
  if (/^file:\/\//i.test(url)) return { url, key: resolve(cwd, url.slice('file://'.length)) };
  if (/^[^/\\\s]*:\/\//.test(url)) return { error: `expected an http(s) URL or a file path; found "${url.slice(0, 80)}", which is neither (only http and https feeds are fetched)` };
  const path = resolve(cwd, url);
  return { url: path, key: path };
}

/**
 * Feed URLs checked and file paths resolved; two feeds with one address refused by name (they
 * would silently become one). A relative path that exists only beside the config file is refused
 * with both paths named: earlier versions read feed paths from the config file's folder.
 */
function resolveFeeds(config: Config, where: string, cwd: string): Config {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const feeds = config.feeds.map((f, i) => {
    const source = feedSource(f.url, cwd);
    if ('error' in source) {
      problems.push(`  feeds.${i}.url: ${source.error}`);
      return f;
    }
    const first = seen.get(source.key);
    if (first !== undefined) problems.push(`  feeds.${i}.url: "${f.name}" has the same address as feeds.${first} ("${config.feeds[first]!.name}"); list each feed once`);
    else seen.set(source.key, i);
    if (!HTTP.test(f.url) && !isAbsolute(f.url) && !/^file:/i.test(f.url) && !existsSync(source.url)) {
      const beside = resolve(dirname(where), f.url);
      if (existsSync(beside)) {
        problems.push(`  feeds.${i}.url: ${f.url} is read from the working directory (${source.url}, not there), but the file is beside the config file (${beside}): give that path, or an absolute one`);
      }
    }
    return { ...f, url: source.url };
  });
  if (problems.length) throw new ConfigError(`invalid configuration in ${where}:\n${problems.join('\n')}`);
  return { ...config, feeds };
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
  // One rule for every relative path, in the config and in the environment: the working directory.
  const cwd = process.cwd();
  const config = resolveFeeds(parseConfig(text, path), path, cwd);
  const dataDir = resolve(cwd, env.EXECWATCH_DATA_DIR ?? config.dataDir);
  const databaseUrl = env.DATABASE_URL ?? config.database.url;
  const problem = databaseUrl === null ? null : databaseUrlProblem(databaseUrl);
  if (problem) throw new ConfigError(`invalid ${env.DATABASE_URL ? 'DATABASE_URL in the environment' : `database.url in ${path}`}: ${problem}`);
  return { config: { ...config, dataDir }, env, path, databasePath: resolve(dataDir, 'execwatch.db'), databaseUrl };
}
