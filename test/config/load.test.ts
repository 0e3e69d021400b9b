import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig, parseConfig } from '../../src/config/load.js';

function writeConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'execwatch-config-'));
  const path = join(dir, 'execwatch.yaml');
  writeFileSync(path, text);
  return path;
}

describe('config', () => {
  it('loads the shipped default with real feeds', () => {
    const { config, path } = loadConfig({ env: {} });
    expect(path).toBe(DEFAULT_CONFIG_PATH);
    expect(config.feeds.length).toBeGreaterThanOrEqual(8);
    expect(config.feeds.every((f) => /^https:\/\//.test(f.url))).toBe(true);
    expect(config.polling.alertOnFirstPoll).toBe(false);
  });

  it('fills defaults for an empty file', () => {
    const config = parseConfig('', 'empty.yaml');
    expect(config.polling.intervalMinutes).toBe(15);
    expect(config.feeds).toEqual([]);
  });

  it('names the bad key, what was expected and what was found', () => {
    expect(() => parseConfig('polling:\n  intervalMinutes: "often"\n', 'x.yaml')).toThrow(
      /polling\.intervalMinutes: expected a number; found string "often"/,
    );
  });

  it('refuses an unknown key with its path', () => {
    expect(() => parseConfig('polling:\n  intervalMinute: 5\n', 'x.yaml')).toThrow(/polling\.intervalMinute: unknown key/);
  });

  it('refuses a feed without a url, naming its index', () => {
    expect(() => parseConfig('feeds:\n  - name: A\n', 'x.yaml')).toThrow(/feeds\.0\.url: expected text; found nothing/);
  });

  it('refuses YAML that does not parse', () => {
    expect(() => parseConfig('feeds: [', 'x.yaml')).toThrow(ConfigError);
  });

  it('takes --config over EXECWATCH_CONFIG, and the data dir from the environment', () => {
    const a = writeConfig('feeds:\n  - name: Local\n    url: ./feed.xml\n');
    const b = writeConfig('feeds: []\n');
    const loaded = loadConfig({ configPath: a, env: { EXECWATCH_CONFIG: b, EXECWATCH_DATA_DIR: '/tmp/ew-data' } });
    expect(loaded.path).toBe(a);
    // A local path is read relative to the working directory, like every relative path.
    expect(loaded.config.feeds[0]!.url).toBe(join(process.cwd(), 'feed.xml'));
    expect(loaded.databasePath).toBe('/tmp/ew-data/execwatch.db');
    expect(loadConfig({ env: { EXECWATCH_CONFIG: b } }).path).toBe(b);
  });

  it('reports a missing config file clearly', () => {
    expect(() => loadConfig({ configPath: '/nonexistent/execwatch.yaml', env: {} })).toThrow(/cannot read config file .*ENOENT/);
  });

  it('rejects a malformed DISCORD_API_URL from the environment', () => {
    expect(() => loadConfig({ env: { DISCORD_API_URL: 'not a url' } })).toThrow(/DISCORD_API_URL/);
  });

  it('treats an empty environment variable as unset', () => {
    const loaded = loadConfig({ env: { DISCORD_API_URL: '', OPENAI_BASE_URL: '  ', EXECWATCH_DATA_DIR: '' } });
    expect(loaded.env.DISCORD_API_URL).toBeUndefined();
    expect(loaded.env.OPENAI_BASE_URL).toBeUndefined();
  });
});

describe('config errors written for people (issue 12)', () => {
  it('asks the SEC User-Agent for a contact address, also among 200k characters without one', () => {
    const sec = (userAgent: string) => parseConfig(`sec:\n  enabled: true\n  userAgent: "${userAgent}"\n`, 'x.yaml').sec.userAgent;
    expect(sec('Acme Research ops@acme.example')).toBe('Acme Research ops@acme.example');
    expect(sec(`${'a'.repeat(200_000)}@acme.example`)).toBe(`${'a'.repeat(200_000)}@acme.example`);
    expect(() => sec(`execwatch ${'a'.repeat(200_000)}`)).toThrow(/contact e-mail address/);
    expect(() => sec(`${'a'.repeat(200_000)}@acme`)).toThrow(/contact e-mail address/);
    expect(() => sec(`${'a@'.repeat(100_000)}x`)).toThrow(/contact e-mail address/);
  });

  it('says what each key expected in words, never zod\'s "Too small" or "Invalid URL"', () => {
    let message = '';
    try {
      parseConfig([
        'polling:', '  intervalMinutes: 0', '  timeoutMs: 999999999', '  concurrency: 2.5', '  userAgent: ""',
        'extractor:', '  baseURL: nope', '  kind: clever',
        'discord:', '  channels: [general]',
      ].join('\n'), 'x.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n').slice(1)).toEqual([
      '  polling.intervalMinutes: expected a number of at least 1; found number 0',
      '  polling.userAgent: expected non-empty text; found string ""',
      '  polling.timeoutMs: expected a number of at most 300000; found number 999999999',
      '  polling.concurrency: expected a whole number; found number 2.5',
      '  extractor.kind: expected one of "auto", "builtin", "openai"; found string "clever"',
      '  extractor.baseURL: expected a URL such as https://example.com/path; found string "nope"',
      '  discord.channels.0: expected a Discord channel id (digits); found string "general"',
    ]);
    expect(message).not.toMatch(/Too (small|big)|Invalid (URL|input|option)/);
    expect(() => loadConfig({ env: { EXECWATCH_HTTP_PORT: 'eighty' } })).toThrow(/EXECWATCH_HTTP_PORT: expected a number; found string "eighty"/);
  });

  it('refuses a feed URL that is neither an http(s) URL nor a file path, naming the key', () => {
    for (const url of ['ht!tp://exa mple', 'https://exa mple/feed', 'ftp://example.com/feed.xml']) {
      const path = writeConfig(`feeds:\n  - name: Bad\n    url: "${url}"\n`);
      expect(() => loadConfig({ configPath: path, env: {} }), url).toThrow(/feeds\.0\.url: expected an http\(s\) URL or a file path/);
    }
  });

  it('refuses two feeds with one address, naming both', () => {
    const path = writeConfig('feeds:\n  - name: Reuters\n    url: https://feeds.example/tech\n  - name: Wire\n    url: https://FEEDS.example:443/tech\n');
    expect(() => loadConfig({ configPath: path, env: {} })).toThrow(/feeds\.1\.url: "Wire" has the same address as feeds\.0 \("Reuters"\); list each feed once/);
  });

  it('reads dataDir and feed paths from the working directory, and names both paths when a feed file is only beside the config', () => {
    const path = writeConfig('dataDir: ./somewhere\nfeeds:\n  - name: Local\n    url: local.xml\n');
    writeFileSync(join(path, '..', 'local.xml'), '<rss/>');
    expect(() => loadConfig({ configPath: path, env: {} })).toThrow(
      new RegExp(`feeds\\.0\\.url: local\\.xml is read from the working directory \\(${join(process.cwd(), 'local.xml')}, not there\\), but the file is beside the config file \\(${join(path, '..', 'local.xml')}\\)`),
    );
    const ok = writeConfig('dataDir: ./somewhere\nfeeds: []\n');
    expect(loadConfig({ configPath: ok, env: {} }).databasePath).toBe(join(process.cwd(), 'somewhere', 'execwatch.db'));
  });
});
