import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ops/progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 80, write: (s: string) => chunks.push(s) } };
}

describe('createProgress', () => {
  it('draws nothing when the stream is not a TTY', () => {
    const { chunks, stream } = fakeStream(false);
    const p = createProgress({ label: 'import', total: 10, stream });
    for (let i = 0; i < 10; i++) p.tick();
    p.done('imported 10 feeds');
    expect(chunks).toEqual([]);
  });

  it('draws a bar with count, percentage and ETA on a TTY, throttled, and ends the line', () => {
    const { chunks, stream } = fakeStream(true);
    let t = 0;
    const p = createProgress({ label: 'eval', total: 4, stream, intervalMs: 100, now: () => t });
    p.tick(); // first draw
    p.tick(); // within the interval: no draw
    t = 500;
    p.tick();
    const drawn = chunks.length;
    expect(drawn).toBe(2);
    const CLEAR = '\x1b[K';
    expect(chunks[1]!.startsWith('\reval [#')).toBe(true);
    expect(chunks[1]!.endsWith(`]  75% 3/4 eta 0s${CLEAR}`)).toBe(true);
    p.tick(); // reaching the total always draws
    expect(chunks.at(-1)).toMatch(/100% 4\/4/);
    p.done();
    expect(chunks.at(-1)).toBe('\n');
    p.tick();
    expect(chunks.at(-1)).toBe('\n');
    // Every drawn line fits the terminal.
    for (const c of chunks) expect(c.replaceAll('\r', '').replaceAll('\x1b[K', '').replaceAll('\n', '').length).toBeLessThanOrEqual(80);
  });

  it('shows a counter when the total is unknown, and a final message', () => {
    const { chunks, stream } = fakeStream(true);
    const p = createProgress({ label: 'backfill', stream, intervalMs: 0, now: () => 61_000 });
    p.update(42);
    expect(chunks.at(-1)).toContain('backfill 42 done');
    p.done('backfill finished: 42 items');
    expect(chunks.at(-1)).toBe('\rbackfill finished: 42 items\x1b[K\n');
  });
});
