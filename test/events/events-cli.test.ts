import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { hasShared, sharedPath } from '../support/shared.js';

const withMergeDev = hasShared('events CLI over merge-dev.jsonl', ['eval', 'merge-dev.jsonl']);
const MERGE_DEV = sharedPath('eval', 'merge-dev.jsonl');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: { LOG_LEVEL: 'silent' } });
  return { code, out, err };
}

describe('execwatch events --jsonl', () => {
  it.runIf(withMergeDev)('prints one line per event with the fields of the issue', async () => {
    const { code, out } = await run('events', '--jsonl', MERGE_DEV, '--gold');
    expect(code).toBe(0);
    expect(out).toHaveLength(49);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['event', 'person', 'direction', 'role', 'organization', 'interim', 'sources', 'confidence']);
    }
    expect(lines[0]).toMatchObject({ person: 'Dirk Meyer', direction: 'out', organization: 'AMD', interim: false, sources: ['md-001', 'md-002', 'md-003', 'md-004', 'md-005'] });
  });

  it('extracts with the built-in extractor by default, and takes items in published order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'execwatch-events-cli-'));
    const file = join(dir, 'items.jsonl');
    const item = (id: string, published: string, title: string) => JSON.stringify({ id, kind: 'headline', title, summary: null, content: null, published });
    writeFileSync(file, [
      item('late', '2026-03-03', 'Acme Robotics appoints Jane Doe as CEO'),
      item('early', '2026-03-01', 'Acme Robotics names Jane Doe chief executive officer'),
      item('other', '2026-03-02', 'Apple unveils a new iPad'),
    ].join('\n'));
    const { code, out } = await run('events', '--jsonl', file);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ person: 'Jane Doe', direction: 'in', sources: ['early', 'late'] }),
    ]);
  });

  it.runIf(withMergeDev)('reports the merge-dev evaluation with --evaluate', async () => {
    const { code, out } = await run('events', '--jsonl', MERGE_DEV, '--gold', '--evaluate');
    expect(code).toBe(0);
    expect(JSON.parse(out[0] as string)).toMatchObject({ level: 'strict', goldEvents: 49, found: 49, duplicates: 0, wrongMerges: 0 });
  });

  it('merges a test stream\'s misread changes with --misread', async () => {
    const stream = fileURLToPath(new URL('../fixtures/events/hard-stream.jsonl', import.meta.url));
    const { code, out } = await run('events', '--jsonl', stream, '--misread', '--evaluate');
    expect(code).toBe(0);
    expect(JSON.parse(out[1] as string)).toMatchObject({ level: 'loose', goldEvents: 39, found: 39, wrongMerges: 0 });
    expect((await run('events', '--jsonl', stream, '--misread', '--gold')).code).toBe(2);
  });

  it('refuses bad options with a usage error', async () => {
    expect((await run('events')).code).toBe(2);
    const bad = await run('events', '--jsonl', MERGE_DEV, '--window-days', '0');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--window-days expects a number from 1 to 365; found "0"/);
    const missing = await run('events', '--jsonl', join(tmpdir(), 'no-such-file.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/no such file/);
  });
});
