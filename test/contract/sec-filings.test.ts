import { describe, expect, it } from 'vitest';
import type { SecFilingRecord } from '../../src/ports/sec-filings.js';
import { adapters } from './adapters.js';
import { freshStores } from './support.js';

const filing = (over: Partial<SecFilingRecord> = {}): SecFilingRecord => ({
  accession: '0000320193-26-000101', itemId: 'sec:0000320193-26-000101', cik: '320193', company: 'Apple Inc.', form: '8-K',
  filedAt: '2026-11-01', items: ['5.02', '9.01'], indexUrl: 'https://www.sec.gov/Archives/index.htm', documentUrl: 'https://www.sec.gov/Archives/doc.htm',
  status: 'read', sectionChars: 1800, preparedChars: 1500, droppedSentences: 2, changeCount: 1, note: null, seenAt: '2026-11-01T12:00:00.000Z', ...over,
});

describe.each(adapters)('SecFilingStore contract ($name)', (adapter) => {
  const s = freshStores(adapter);

  it('saves a filing and reads it by accession and by item', async () => {
    const { filings } = s().stores;
    await filings.save(filing());
    expect(await filings.get('0000320193-26-000101')).toEqual(filing());
    expect((await filings.byItem('sec:0000320193-26-000101'))?.accession).toBe('0000320193-26-000101');
    expect(await filings.get('nope')).toBeUndefined();
    expect(await filings.byItem('nope')).toBeUndefined();
  });

  it('replaces a filing saved again and counts each once', async () => {
    const { filings } = s().stores;
    await filings.save(filing({ status: 'baseline', items: [], itemId: null, changeCount: 0 }));
    await filings.save(filing());
    await filings.save(filing({ accession: '0000320193-26-000102', itemId: null, status: 'no-502', items: ['8.01'] }));
    expect(await filings.get('0000320193-26-000101')).toMatchObject({ status: 'read', items: ['5.02', '9.01'], changeCount: 1 });
    expect((await filings.get('0000320193-26-000102'))?.items).toEqual(['8.01']);
    expect(await filings.count()).toBe(2);
  });
});
