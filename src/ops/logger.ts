import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type Logger = PinoLogger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where log lines go; process.stdout by default. `isTTY` decides pretty output. */
export interface LogSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface LoggerOptions {
  /** Defaults to env LOG_LEVEL, else 'info'. */
  level?: string;
  /** Defaults to whether the sink is a TTY. */
  pretty?: boolean;
  /** Where secrets and LOG_LEVEL are read from (process.env by default; a parsed Env works too). */
  env?: Readonly<Record<string, unknown>>;
  sink?: LogSink;
  /** Extra literal values to scrub (tests, or secrets from other sources). */
  secrets?: string[];
}

export const CENSOR = '[Redacted]';

/**
 * Key paths censored structurally. fast-redact wildcards reach one level, so the common nestings
 * (an object holding headers or a config section) are listed; the value scrub catches the rest.
 */
const SECRET_KEYS = [
  'token', 'apiKey', 'api_key', 'password', 'secret', 'authorization', 'Authorization',
  'webhookUrl', 'webhookURL', 'DISCORD_TOKEN', 'DISCORD_WEBHOOK_URL', 'OPENAI_API_KEY',
];
export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  'headers.authorization', 'headers.Authorization', '*.headers.authorization',
  '*.headers.Authorization', 'req.headers.cookie', 'env.*',
];

/** Shorter values would scrub ordinary words; no real token is this short. */
const MIN_SECRET_LENGTH = 4;

/** The secret values in the environment: whole values and the token part of webhook URLs. */
export function secretValuesFromEnv(env: Readonly<Record<string, unknown>>): string[] {
  const str = (key: string) => (typeof env[key] === 'string' ? env[key].trim() : '');
  const values: string[] = [];
  for (const key of ['DISCORD_TOKEN', 'OPENAI_API_KEY']) {
    const v = str(key);
    if (v) values.push(v);
  }
  // Several webhook URLs may be given, separated by commas or whitespace.
  for (const url of str('DISCORD_WEBHOOK_URL').split(/[\s,]+/)) {
    if (!url) continue;
    // The token is the secret; the rest of the URL is worth keeping in logs for debugging.
    const m = /\/webhooks\/\d+\/([^/?#\s]+)/.exec(url);
    values.push(m?.[1] ?? url);
  }
  return values;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Shapes that are secrets whatever the environment says. */
const SECRET_SHAPES: Array<[RegExp, string]> = [
  [/(\/webhooks\/\d+\/)[\w-]{20,}/g, `$1${CENSOR}`],
  [/\b(Bearer|Bot)\s+[\w.~+/-]{16,}=*/g, `$1 ${CENSOR}`],
  [/\bsk-[\w-]{16,}/g, CENSOR],
];

/**
 * Returns a function that removes every known secret from a string. Each secret is matched in
 * its raw form and in the forms JSON and URL encoding give it, since log lines are JSON.
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a whole URL is replaced before the token inside it.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const literal = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : null;
  return (text: string) => {
    let out = literal ? text.replace(literal, CENSOR) : text;
    for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
    return out;
  };
}

export function parseLogLevel(value: string | undefined): LogLevel {
  const level = (value ?? '').trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; found "${value}"`);
  }
  return level as LogLevel;
}

/**
 * A pino logger that writes JSON lines (pretty ones on a TTY) with secrets removed both by key
 * path and by value: every finished line is scrubbed before it reaches the sink, so a token
 * inside an error message or a URL is caught too.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const sink: LogSink = options.sink ?? process.stdout;
  const level = parseLogLevel(options.level ?? (typeof env.LOG_LEVEL === 'string' ? env.LOG_LEVEL : undefined));
  const pretty = options.pretty ?? Boolean(sink.isTTY);
  const scrub = createSecretScrubber([...secretValuesFromEnv(env), ...(options.secrets ?? [])]);
  const prettify = pretty
    ? prettyFactory({ colorize: Boolean(sink.isTTY) && !env.NO_COLOR, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
    : null;
  const destination: DestinationStream = {
    write(line: string) {
      const clean = scrub(line);
      sink.write(prettify ? prettify(clean) : clean);
    },
  };
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything, for code paths and tests that need one. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
