import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface TestConfig {
  /** Folder for the config file and the database (a new temp folder when omitted). */
  dir?: string;
  file?: string;
  feeds: Array<{ name: string; url: string; intervalMinutes?: number; fetchArticles?: boolean }>;
  /**
   * Merged over `allowPrivateAddresses: true` (test feeds live on 127.0.0.1) and `backfillHours: 0`
   * (a first poll only records, whatever the date the tests run on).
   */
  polling?: Record<string, unknown>;
  /** Any other top-level sections (discord, extractor, http …). */
  extra?: Record<string, unknown>;
}

/** Writes an execwatch.yaml for a test; returns its path and the folder holding it and the data. */
export function writeTestConfig(spec: TestConfig): { path: string; dir: string; dataDir: string } {
  const dir = spec.dir ?? mkdtempSync(join(tmpdir(), 'execwatch-test-'));
  const dataDir = join(dir, 'data');
  const path = join(dir, spec.file ?? 'execwatch.yaml');
  const config = {
    dataDir,
    polling: { allowPrivateAddresses: true, backfillHours: 0, ...spec.polling },
    ...spec.extra,
    feeds: spec.feeds,
  };
  writeFileSync(path, stringify(config));
  return { path, dir, dataDir };
}
