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
      /polling\.intervalMinutes: expected number; found string "often"/,
    );
  });

  it('refuses an unknown key with its path', () => {
    expect(() => parseConfig('polling:\n  intervalMinute: 5\n', 'x.yaml')).toThrow(/polling\.intervalMinute: unknown key/);
  });

  it('refuses a feed without a url, naming its index', () => {
    expect(() => parseConfig('feeds:\n  - name: A\n', 'x.yaml')).toThrow(/feeds\.0\.url: expected string; found nothing/);
  });

  it('refuses YAML that does not parse', () => {
    expect(() => parseConfig('feeds: [', 'x.yaml')).toThrow(ConfigError);
  });

  it('takes --config over EXECWATCH_CONFIG, and the data dir from the environment', () => {
    const a = writeConfig('feeds:\n  - name: Local\n    url: ./feed.xml\n');
    const b = writeConfig('feeds: []\n');
    const loaded = loadConfig({ configPath: a, env: { EXECWATCH_CONFIG: b, EXECWATCH_DATA_DIR: '/tmp/ew-data' } });
    expect(loaded.path).toBe(a);
    // A local path is read relative to the config file.
    expect(loaded.config.feeds[0]!.url).toBe(join(a, '..', 'feed.xml'));
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
