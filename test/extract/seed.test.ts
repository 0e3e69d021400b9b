import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LeadershipChangeSchema, type NewsItem } from '../../src/core/change.js';
import { createBuiltinExtractor, extractChanges, itemText } from '../../src/extract/index.js';
import { hasShared, sharedPath } from '../support/shared.js';

const SEED = sharedPath('seed', 'alibaba-cloud-leadership.txt');
const withSeed = hasShared('the seed article', ['seed', 'alibaba-cloud-leadership.txt']);

function seedItem() {
  const raw = readFileSync(SEED, 'utf8');
  const [title, ...rest] = raw.split('\n');
  return { id: 'seed', title: title ?? '', summary: null, content: rest.join('\n'), url: 'https://example.com/seed', feed: 'seed', publishedAt: null };
}

describe.runIf(withSeed)('the seed article (../shared/seed)', () => {
  // The factory runs even when the suite is skipped: read the seed only when it is there.
  const item = withSeed ? seedItem() : null;
  const changes = item ? extractChanges(item) : [];
  const norm = (s: string): string => s.replace(/\s+/g, ' ');

  it('gives exactly the two changes of the README', () => {
    expect(changes.map((c) => [c.person.name, c.direction])).toEqual(
      expect.arrayContaining([['Daniel Zhang', 'in'], ['Jeff Zhang', 'out']]),
    );
    expect(changes).toHaveLength(2);
  });

  it('Daniel Zhang: in, acting president of Alibaba Cloud Intelligence, interim', () => {
    const c = changes.find((x) => x.person.name === 'Daniel Zhang');
    expect(c?.direction).toBe('in');
    expect(c?.interim).toBe(true);
    expect(c?.role.category).toBe('President');
    expect(c?.role.title.toLowerCase()).toContain('acting president');
    expect(c?.organization.name).toBe('Alibaba Cloud Intelligence');
    expect(c?.organization.parent).toBe('Alibaba');
  });

  it('Jeff Zhang: out, president of Alibaba Cloud Intelligence, going to DAMO Academy', () => {
    const c = changes.find((x) => x.person.name === 'Jeff Zhang');
    expect(c?.direction).toBe('out');
    expect(c?.interim).toBe(false);
    expect(c?.role.category).toBe('President');
    expect(c?.organization.name).toBe('Alibaba Cloud Intelligence');
    expect(c?.destination?.toLowerCase()).toBe('damo academy');
  });

  it('every change is schema-valid, sourced, and quotes the text verbatim', () => {
    const { title, body } = itemText(item!);
    const text = norm(`${title}\n${body}`);
    for (const c of changes) {
      expect(LeadershipChangeSchema.parse(c)).toEqual(c);
      expect(text).toContain(norm(c.evidence));
      expect(c.confidence).toBeGreaterThan(0.5);
      expect(c.source).toEqual({ itemId: 'seed', url: 'https://example.com/seed', feed: 'seed', publishedAt: null });
    }
  });

  it('Jack Ma handing over to Daniel Zhang years ago is background, not a change', () => {
    expect(changes.some((c) => c.person.name.includes('Ma'))).toBe(false);
    expect(changes.some((c) => c.role.category === 'CEO')).toBe(false);
  });

  it('reads the same two changes when the whole file is given as content (extract --file)', () => {
    const raw = readFileSync(SEED, 'utf8');
    const asFile = extractChanges({ id: 'f', title: '', summary: null, content: raw, url: null, feed: null, publishedAt: null });
    expect(asFile.map((c) => `${c.person.name} ${c.direction} ${c.role.category} ${c.organization.name} ${c.interim}`).sort()).toEqual([
      'Daniel Zhang in President Alibaba Cloud Intelligence true',
      'Jeff Zhang out President Alibaba Cloud Intelligence false',
    ]);
  });

  it('the Extractor interface returns every change, low confidence included: the pipeline decides what alerts', async () => {
    expect(await createBuiltinExtractor().extract(item!)).toHaveLength(2);
    // A headline "name" the story never repeats reads as a description: 0.45, under the default 0.5.
    const vague: NewsItem = { ...item!, id: 'vague', title: 'KMart Names Yum Marketing Maven As CEO', content: null, summary: 'The retailer said on Tuesday that the new chief executive would start next month, after a long search that followed weak holiday sales and the departure of its previous leader.' };
    const found = await createBuiltinExtractor().extract(vague);
    expect(found.map((c) => [c.person.name, c.confidence])).toEqual([['Yum Marketing Maven', 0.45]]);
  });
});
