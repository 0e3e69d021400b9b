import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/notify/alert.js';
import { renderEmbed, renderMessage } from '../../src/discord/targets/embed.js';
import { validateMessageBody } from '../support/discord-emulator/validate.js';
import { buildChange } from './harness.js';

const published = '2026-11-03T08:00:00.000Z';
const unix = Date.parse(published) / 1000;

function seedAlert(direction: 'in' | 'out'): Alert {
  const change = direction === 'in'
    ? buildChange({ person: 'Daniel Zhang', org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', title: 'acting President', category: 'President', interim: true, publishedAt: published, url: 'https://www.technode.com/2023/09/11/alibaba', feed: 'TechNode', evidence: 'Daniel Zhang will serve as acting president of Alibaba Cloud Intelligence.' })
    : buildChange({ person: 'Jeff Zhang', org: 'Alibaba Cloud Intelligence', title: 'President', category: 'President', direction: 'out', publishedAt: published, feed: 'TechNode' });
  return {
    key: `change:${direction}`,
    change,
    sources: [
      { title: 't', url: change.source.url, feed: null, publishedAt: published },
      { title: 't', url: 'https://www.scmp.com/tech/x', feed: 'SCMP Tech', publishedAt: '2026-11-03T09:30:00.000Z' },
    ],
    confidence: 0.87,
    notes: [],
  };
}

describe('alert embeds', () => {
  it('reads as a one-line headline with fields, the evidence, sources, Discord timestamps and confidence', () => {
    const e = renderEmbed(seedAlert('in'));
    expect(e.title).toBe('Daniel Zhang → acting President, Alibaba Cloud Intelligence');
    expect(e.description).toBe('> Daniel Zhang will serve as acting president of Alibaba Cloud Intelligence.');
    expect(e.url).toBe('https://www.technode.com/2023/09/11/alibaba');
    expect(e.color).toBe(0x2ecc71);
    const field = (name: string) => e.fields.find((f) => f.name === name)?.value;
    expect(field('Person')).toBe('Daniel Zhang');
    expect(field('Change')).toBe('In (interim)');
    expect(field('Organisation')).toBe('Alibaba Cloud Intelligence (Alibaba Group)');
    expect(field('Sources (2)')).toBe(`[technode.com](https://www.technode.com/2023/09/11/alibaba) <t:${unix}:R>\n[SCMP Tech](https://www.scmp.com/tech/x) <t:${unix + 5400}:R>`);
    expect(field('Published')).toBe(`<t:${unix}:f>`);
    expect(field('Confidence')).toBe('87%');
    expect(e.timestamp).toBe(published);
  });

  it('colours departures differently and never pings', () => {
    const out = renderMessage(seedAlert('out'));
    expect(out.embeds[0]!.title).toBe('Jeff Zhang ✕ leaves President, Alibaba Cloud Intelligence');
    expect(out.embeds[0]!.color).toBe(0xe67e22);
    expect(out.allowed_mentions).toEqual({ parse: [] });
  });

  it('stays within Discord limits for very long input', () => {
    const alert = seedAlert('in');
    alert.change.evidence = 'x'.repeat(10_000);
    alert.change.person.name = 'N'.repeat(500);
    alert.sources = Array.from({ length: 40 }, (_, i) => ({ title: 't', url: `https://example.com/${'p'.repeat(80)}/${i}`, feed: null, publishedAt: 'not a date' }));
    expect(validateMessageBody(renderMessage(alert))).toBeNull();
  });
});
