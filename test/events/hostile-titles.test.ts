import { describe, expect, it } from 'vitest';
import { unitFromTitle } from '../../src/core/events/organizations.js';
import { titlesInOnePhrase } from '../../src/core/events/roles.js';

// The event matcher's title regexes, rewritten for the linear-time lint rules, on long runs of
// punctuation, spaces and repeated titles: the same answers as on ordinary titles.

describe('title reading on hostile text', () => {
  it('two titles joined in one phrase, among 40k repetitions and across 200k spaces', () => {
    expect(titlesInOnePhrase('Jane Roe, executive chair and CTO of Acme, left.', 'executive chair', 'CTO')).toEqual([' of acme, left.']);
    expect(titlesInOnePhrase(`${'chair, '.repeat(40_000)}CTO`, 'chair', 'CTO')).toEqual(['']);
    expect(titlesInOnePhrase(`chair${' '.repeat(200_000)}and CTO`, 'chair', 'CTO')).toEqual(['']);
    expect(titlesInOnePhrase(`chair${' '.repeat(200_000)}with CTO`, 'chair', 'CTO')).toEqual([]);
  });

  it('the unit a title names, with 200k punctuation marks after it', () => {
    expect(unitFromTitle('head of Local Services Group.', 'Alibaba')).toEqual({ name: 'Local Services Group', parent: 'Alibaba' });
    expect(unitFromTitle(`head of Cloud Group${'.'.repeat(200_000)}`, 'Alibaba')).toEqual({ name: 'Cloud Group', parent: 'Alibaba' });
    expect(unitFromTitle(`head of Cloud ${';'.repeat(200_000)}x`, 'Alibaba')).toEqual({ name: 'Cloud', parent: 'Alibaba' });
    expect(unitFromTitle(`head of the cloud unit${':'.repeat(200_000)}`, 'Alibaba')).toEqual({ name: 'Alibaba Cloud', parent: 'Alibaba' });
  });
});
