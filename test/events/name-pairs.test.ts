import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNamePairs } from '../../src/core/events/name-pairs.js';
import { callWithDeadline } from '../support/deadline-worker.js';

const MODULE = join(import.meta.dirname, '..', '..', 'src', 'core', 'events', 'name-pairs.ts');

describe('name pairs in item text', () => {
  it('still finds bracketed and "known as" pairs', () => {
    expect(findNamePairs('Jack Ma (Ma Yun) will hand over to Daniel Zhang (Zhang Yong).')).toEqual([['Jack Ma', 'Ma Yun'], ['Daniel Zhang', 'Zhang Yong']]);
    expect(findNamePairs('Cho Joo-hee, also known as Cho Joo, joins. Wu Yongming, known in English as Eddie Wu, leads.'))
      .toEqual([['Cho Joo-hee', 'Cho Joo'], ['Wu Yongming', 'Eddie Wu']]);
    expect(findNamePairs('The chair (Jane Doe) spoke; NYSE (BABA).')).toEqual([]);
  });

  it('reads hostile text in linear time: 200k-character runs finish well inside a generous deadline', async () => {
    // Before the fix each of these took minutes (20k letters took 1.1 s; the work grew with the
    // square of the length), so the worker ran into the deadline; now they take milliseconds.
    const hostile = [
      'A'.repeat(200_000),
      `Jane ${'D'.repeat(200_000)}`,
      'Ab '.repeat(70_000),
      `${'Ab Cd ('.repeat(30_000)}`,
      `${'Ab Cd, also known as '.repeat(10_000)}`,
    ];
    for (const text of hostile) {
      const result = await callWithDeadline(MODULE, 'findNamePairs', [text], 10_000);
      expect(result.done, `${text.slice(0, 30)}… (${text.length} chars)`).toBe(true);
    }
  }, 120_000);
});
