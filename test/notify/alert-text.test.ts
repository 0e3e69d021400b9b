import { describe, expect, it } from 'vitest';
import { headline, type Alert } from '../../src/notify/alert.js';
import { createConsoleTarget } from '../../src/notify/console-target.js';
import { escapeText, linkTarget, maskedLink } from '../../src/discord/markdown.js';
import { plainText } from '../../src/notify/plain-text.js';
import { renderEmbed } from '../../src/discord/targets/embed.js';
import { buildChange } from '../discord/harness.js';

describe('feed text made safe for Discord', () => {
  it('refuses links that are not http(s), drops credentials, percent-encodes what would close the link', () => {
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('data:text/html,<b>x</b>')).toBeNull();
    expect(linkTarget('ht!tp://exa mple')).toBeNull();
    expect(linkTarget('https://user:pw@news.example/a')).toBe('https://news.example/a');
    expect(linkTarget('https://news.example/a)[b](https://phish.example/c d)')).toBe('https://news.example/a%29%5Bb%5D%28https://phish.example/c%20d%29');
    expect(linkTarget("https://news.example/q?x=<y>&z='w'|v")).not.toMatch(/[<>'|]/);
    expect(maskedLink('Reuters', 'javascript:void(0)')).toBe('Reuters');
    expect(maskedLink('[Reuters](https://phish.example)', 'https://news.example/a')).toBe('[\\[Reuters\\](https://phish.example)](https://news.example/a)');
  });

  it('strips bidi overrides, zero-width and control characters, and escapes markup, list markers and mass mentions', () => {
    expect(plainText('Jane\u202E eoD\u202C\u200B Doe\u2066\u2069\u001b[31m\u00ad\u{E0041}')).toBe('Jane eoD Doe[31m');
    expect(escapeText('1. first')).toBe('1\\. first');
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('**b** _i_ ~~s~~ ||x|| `c` # h > q <@1> <t:1:R> \\')).toBe('\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\` \\# h \\> q \\<@1\\> \\<t:1:R\\> \\\\');
    expect(escapeText('ping @everyone and @Here')).toBe('ping @\u200beveryone and @\u200bHere');
    expect(escapeText('Line one\n\nline two')).toBe('Line one line two');
  });
});

describe('alert wording (issue 11)', () => {
  it('says plainly that the item named no organisation', () => {
    const c = buildChange({ person: 'Sofia Rossi', org: 'unknown', title: 'chief executive', evidence: 'Vela Biotech names Sofia Rossi chief executive.' });
    expect(headline(c)).toBe('Sofia Rossi → chief executive (organisation not named in the item)');
    const e = renderEmbed({ key: 'k', change: c, sources: [], confidence: 0.8, notes: [] });
    expect(e.fields.find((f) => f.name === 'Organisation')?.value).toBe('organisation not named in the item');
    expect(JSON.stringify(e)).not.toMatch(/\bunknown\b/);
  });

  it('names the organisation once when the title already says "of <organisation>"', () => {
    const out = buildChange({ person: 'Jeff Zhang', org: 'Alibaba Cloud Intelligence', title: 'president of Alibaba Cloud Intelligence', direction: 'out' });
    expect(headline(out)).toBe('Jeff Zhang ✕ leaves president of Alibaba Cloud Intelligence');
    const unit = buildChange({ person: 'Ann Lee', org: 'Globex', title: 'head of the cloud unit' });
    expect(headline(unit)).toBe('Ann Lee → head of the cloud unit, Globex');
    const word = buildChange({ person: 'Raj Patel', org: 'AI', title: 'chief AI officer' });
    expect(headline(word)).toBe('Raj Patel → chief AI officer, AI');
  });
});

describe('console alerts', () => {
  const published = '2026-11-03T08:00:00.000Z';
  const alertOf = (sources: Alert['sources']): Alert => {
    const change = buildChange({ person: 'Jane Doe', org: 'Acme Robotics', evidence: 'Acme named\u202E Jane Doe chief executive officer.\u001b[2J', publishedAt: published });
    return { key: 'event:e1', change, sources, confidence: 0.9, notes: sources.length > 1 ? [`Reported by ${sources.length} outlets.`] : [] };
  };
  const first = { title: 't', url: 'https://news.example/acme?a=(1)', feed: 'Example News', publishedAt: published };
  const second = { title: 't', url: 'https://wire.example/acme', feed: 'Wire', publishedAt: published };

  it('at a terminal: plain lines in local time, no Discord markup, and an update line when more outlets report it', async () => {
    const lines: string[] = [];
    const target = createConsoleTarget({ write: (l) => lines.push(l), tty: true, timeZone: 'Asia/Tokyo' });
    const id = await target.send(alertOf([first]));
    const shown = lines.join('\n');
    expect(shown).toContain('[execwatch] Jane Doe → chief executive officer, Acme Robotics');
    expect(shown).toContain('source: Example News, 3 Nov 2026, 17:00 — https://news.example/acme?a=(1)');
    expect(shown).not.toMatch(/<t:|\]\(|\*\*|\u202e/);
    expect(shown.includes('\u001b')).toBe(false);
    await target.edit!(id!, alertOf([first, second]));
    expect(lines[1]).toMatch(/^\[execwatch\] updated: reported by 2 outlets — Jane Doe → chief executive officer, Acme Robotics\n {2}outlets: Example News, Wire$/);
  });

  it('without a terminal: one JSON line per alert and per update', async () => {
    const lines: string[] = [];
    const target = createConsoleTarget({ write: (l) => lines.push(l), tty: false });
    await target.send(alertOf([first]));
    await target.edit!('console:event:e1', alertOf([first, second]));
    expect(lines).toHaveLength(2);
    const [sent, updated] = lines.map((l) => JSON.parse(l) as { msg: string; alert: Record<string, unknown> });
    expect(sent).toMatchObject({ msg: 'alert', alert: { person: 'Jane Doe', organization: 'Acme Robotics', direction: 'in', outlets: 1 } });
    expect(updated).toMatchObject({ msg: 'alert updated', alert: { outlets: 2 } });
    expect(lines.join('')).not.toMatch(/\n/);
  });
});
