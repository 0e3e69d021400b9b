import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { hasShared, sharedPath } from '../support/shared.js';

// Acceptance: every file of the shared feed corpus goes through `execwatch feeds inspect --json`.
const corpus = sharedPath('fixtures', 'feeds');

interface Row {
  file: string;
  format: string;
  notes: string;
  count: number | null;
}

function readManifest(): Row[] {
  const lines = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.map((line) => {
    const cols = line.split('\t');
    const notes = cols[7] ?? '';
    const m = /items=(\d+)/.exec(notes);
    return { file: cols[0]!, format: cols[5]!, notes: notes.replace(/^"/, ''), count: m ? Number(m[1]) : null };
  });
}

/** Where execwatch and the manifest differ, and why. Every other row must match exactly. */
const DISAGREE: Record<string, { ok: boolean; items?: number; why: string }> = {
  'realworld/pcmag__node-feedparser-illegally-nested.xml': {
    ok: true,
    items: 10,
    why: 'the manifest counts every <item> tag (20), but 10 of them are empty <item /> elements illegally nested inside real items: there are 10 articles',
  },
  'edge/feedparser__cdf-item_title.xml': {
    ok: false,
    why: 'Microsoft CDF (<CHANNEL><ITEM>) is not RSS, Atom or JSON Feed; the notes allow "reject or treat as unknown" and execwatch rejects it with a clear error',
  },
};

const manifest = hasShared('the feed corpus through feeds inspect', ['fixtures', 'feeds', 'MANIFEST.tsv']) ? readManifest() : [];

async function inspectJson(file: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['feeds', 'inspect', join(corpus, file), '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: { LOG_LEVEL: 'silent', EXECWATCH_CONFIG: join(corpus, 'no-such-config.yaml') } });
  expect(err.join('\n')).toBe('');
  expect(out).toHaveLength(1);
  const result = JSON.parse(out[0]!) as { ok: boolean; format: string | null; title: string | null; items: number; error: string | null };
  expect(code).toBe(result.ok ? 0 : 1);
  return result;
}

describe.skipIf(!manifest.length)('feed corpus (MANIFEST.tsv) through feeds inspect', () => {
  it('has the whole corpus to test', () => {
    expect(manifest.length).toBeGreaterThan(150);
  });

  it.each(manifest.map((r) => [r.file, r] as const))('%s', async (_file, row) => {
    const result = await inspectJson(row.file);
    const tag = /^\[(reject[^\]]*)\]/.exec(row.notes)?.[1];
    const override = DISAGREE[row.file];
    if (override) {
      expect(override.why.length).toBeGreaterThan(20);
      expect(result.ok).toBe(override.ok);
      if (override.items !== undefined) expect(result.items).toBe(override.items);
      if (!override.ok) expect(result.error).toMatch(/^not-a-feed: received /);
      return;
    }
    if (tag === 'reject' || tag === 'reject/partial') {
      expect(result.ok).toBe(false);
      // A clear error says what was received.
      expect(result.error).toMatch(/received (an empty body|an HTML page|an XML document|a sitemap|JSON|text)/);
      return;
    }
    if (tag === 'reject/recover') {
      // Either is right for these; recovering must still give the manifest's count.
      if (result.ok) expect(result.items).toBe(row.count);
      else expect(result.error).toBeTruthy();
      return;
    }
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, error: null });
    expect(result.items).toBe(row.count);
    if (row.format !== 'other') expect(result.format).toBe(row.format);
  });
});
