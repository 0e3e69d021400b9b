import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/load.js';
import { EnvSchema } from '../../src/config/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(ROOT, '.env.example'), 'utf8');

/** KEY=value lines as Compose's env_file reads them; `#KEY=value` lines are the documented examples. */
function entries(commented: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = (commented ? /^#([A-Z][A-Z0-9_]*)=(.*)$/ : /^([A-Z][A-Z0-9_]*)=(.*)$/).exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe('.env.example', () => {
  it('documents every environment variable execwatch reads', () => {
    const documented = new Set([...Object.keys(entries(false)), ...Object.keys(entries(true))]);
    for (const key of Object.keys(EnvSchema.shape)) expect(documented, key).toContain(key);
  });

  it('is a valid environment as it stands, and with every example switched on', () => {
    expect(() => parseEnv(entries(false))).not.toThrow();
    expect(() => parseEnv({ ...entries(false), ...entries(true) })).not.toThrow();
  });
});
