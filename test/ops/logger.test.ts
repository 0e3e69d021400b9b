import { describe, expect, it } from 'vitest';
import { createLogger, createSecretScrubber, parseLogLevel, secretValuesFromEnv } from '../../src/ops/logger.js';

const DISCORD_TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';
const WEBHOOK_TOKEN = 'wXyZ_webhookSecretToken-1234567890abcdefghijklmnop';
const WEBHOOK_URL = `https://discord.com/api/webhooks/123456789012345678/${WEBHOOK_TOKEN}`;
const OPENAI_KEY = 'sk-proj-TESTKEY0123456789abcdefABCDEF';
const env = { DISCORD_TOKEN, DISCORD_WEBHOOK_URL: WEBHOOK_URL, OPENAI_API_KEY: OPENAI_KEY, LOG_LEVEL: 'debug' };

function capture(opts: { pretty?: boolean; isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const lines: string[] = [];
  const sink = { isTTY: opts.isTTY ?? false, write: (s: string) => lines.push(s) };
  const logger = createLogger({ env: opts.env ?? env, sink, pretty: opts.pretty });
  return { logger, lines, text: () => lines.join('') };
}

function expectNoSecret(text: string) {
  for (const secret of [DISCORD_TOKEN, WEBHOOK_TOKEN, OPENAI_KEY, 'abcdefghijklmnopqrstuvwxyz012345']) {
    expect(text).not.toContain(secret);
  }
}

describe('createLogger', () => {
  it('writes JSON lines at the level from LOG_LEVEL', () => {
    const { logger, lines } = capture();
    logger.debug({ feed: 'x' }, 'polled');
    logger.trace('too quiet');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(rec).toMatchObject({ level: 20, msg: 'polled', feed: 'x' });
    expect(typeof rec.time).toBe('string');
  });

  it('redacts secrets by key path', () => {
    const { logger, text } = capture();
    logger.info({ token: 'some-other-token-value', headers: { authorization: 'Basic abcdefgh' }, config: { apiKey: 'zzzzzzzzzz' } }, 'x');
    const out = text();
    expect(out).not.toContain('some-other-token-value');
    expect(out).not.toContain('Basic abcdefgh');
    expect(out).not.toContain('zzzzzzzzzz');
    expect(out).toContain('[Redacted]');
  });

  it('scrubs secret values wherever they appear: messages, errors, nested fields, URLs', () => {
    const { logger, text } = capture();
    logger.error(`login failed with token ${DISCORD_TOKEN}`);
    logger.warn({ url: WEBHOOK_URL }, 'webhook post failed');
    logger.warn({ deep: { deeper: { note: `key=${OPENAI_KEY}` } } }, 'llm');
    logger.error({ err: new Error(`POST ${WEBHOOK_URL} -> 401`) }, 'delivery failed');
    logger.info({ query: `?t=${encodeURIComponent(DISCORD_TOKEN)}` }, 'encoded');
    logger.info(`Authorization: Bot ${DISCORD_TOKEN}`);
    const out = text();
    expectNoSecret(out);
    expect(out).toContain('webhooks/123456789012345678/[Redacted]');
    // The rest of each line survives.
    expect(out).toContain('login failed with token [Redacted]');
    expect(out).toContain('-> 401');
  });

  it('scrubs shapes of secrets that are not in the environment', () => {
    const { logger, text } = capture({ env: {} });
    logger.info('calling with Bearer abcdefghijklmnopqrstuvwxyz and sk-abcdefghijklmnopqrstuv');
    logger.info('https://discord.com/api/webhooks/1/abcdefghijklmnopqrstuvwxyz0123');
    const out = text();
    expect(out).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(out).not.toContain('sk-abcdefghijklmnopqrstuv');
  });

  it('prints pretty lines on a TTY, still without secrets', () => {
    const { logger, text } = capture({ isTTY: true, env: { ...env, NO_COLOR: '1' } });
    logger.info({ feed: 'techcrunch' }, `started with ${DISCORD_TOKEN}`);
    const out = text();
    expect(out).toMatch(/INFO.*started with \[Redacted\]/);
    expect(() => JSON.parse(out)).toThrow();
    expectNoSecret(out);
  });

  it('rejects an unknown LOG_LEVEL with a clear message', () => {
    expect(() => parseLogLevel('loud')).toThrow(/LOG_LEVEL must be one of .*found "loud"/);
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel(' WARN ')).toBe('warn');
  });
});

describe('secret scrubbing helpers', () => {
  it('takes every webhook URL and its token from the environment', () => {
    const values = secretValuesFromEnv({ DISCORD_WEBHOOK_URL: `${WEBHOOK_URL}, https://discord.com/api/webhooks/9/tok-abcdef` });
    expect(values).toContain(WEBHOOK_TOKEN);
    expect(values).toContain('tok-abcdef');
  });

  it('ignores values too short to be secrets', () => {
    const scrub = createSecretScrubber(['ab', 'abcdef']);
    expect(scrub('ab abcdef')).toBe('ab [Redacted]');
  });

  it('scrubs the JSON-escaped form of a secret', () => {
    const scrub = createSecretScrubber(['se"cr\\et']);
    expect(scrub(JSON.stringify({ m: 'x se"cr\\et y' }))).toBe('{"m":"x [Redacted] y"}');
  });
});
