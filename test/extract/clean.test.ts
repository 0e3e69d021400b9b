import { describe, expect, it } from 'vitest';
import { cleanBody, cleanTitle, htmlToText, stripFeedBoilerplate } from '../../src/extract/clean.js';
import { itemText } from '../../src/extract/index.js';

describe('htmlToText', () => {
  it('strips tags and scripts, decodes entities, keeps paragraph breaks', () => {
    const html = '<p>Nortech&#8217;s CEO &amp; chair</p><script>alert(1)</script><p>Second&nbsp;para &mdash; <b>bold</b>&#x21;</p>';
    expect(htmlToText(html)).toBe('Nortech\u2019s CEO & chair\n\nSecond para \u2014 bold!');
  });
  it('decodes double-escaped entities from feeds', () => {
    expect(htmlToText('AT&amp;amp;T')).toBe('AT&T');
  });
  it('returns an empty string for empty input', () => {
    expect(htmlToText('')).toBe('');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Infosys CEO Vishal Sikka resigns - Reuters', 'Infosys CEO Vishal Sikka resigns'],
    ['AWS CEO to step down; Matt Garman to take over | TechCrunch', 'AWS CEO to step down; Matt Garman to take over'],
    ['Exclusive: Lazada CEO to step down', 'Lazada CEO to step down'],
    ['GE names CEO &#8211; Bloomberg', 'GE names CEO'],
    ['Nortech names new CEO - Jane Doe', 'Nortech names new CEO - Jane Doe'],
    ['Ex-Intel CEO named chair at Gloo', 'Ex-Intel CEO named chair at Gloo'],
    // a credit closing the title: an agency in brackets, an outlet after a bare dash
    ['Brightwater\'s Lena Ortiz Is Named President (AP)', 'Brightwater\'s Lena Ortiz Is Named President'],
    ['Quarrow Hires Finance Chief (TechWeb)', 'Quarrow Hires Finance Chief'],
    ['Holm to Step Down as Quarrow CEO in 2027 -WSJ', 'Holm to Step Down as Quarrow CEO in 2027'],
    // brackets that are no credit stay
    ['Quarrow names Ida Roos CEO (again)', 'Quarrow names Ida Roos CEO (again)'],
    ['Quarrow names Ida Roos chief executive (Jan Roos)', 'Quarrow names Ida Roos chief executive (Jan Roos)'],
  ])('%s', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });
});

describe('stripFeedBoilerplate', () => {
  it('drops "The post … appeared first on …"', () => {
    const s = 'Williams becomes COO. The post Apple promotes Jeff Williams appeared first on Mac Daily Report.';
    expect(stripFeedBoilerplate(s)).toBe('Williams becomes COO.');
  });
  it('drops read-more tails and trailing ellipses', () => {
    expect(stripFeedBoilerplate('Jane Doe joins Acme as CFO. Read more')).toBe('Jane Doe joins Acme as CFO.');
    expect(stripFeedBoilerplate('Jane Doe joins Acme as CFO [&hellip;]')).toBe('Jane Doe joins Acme as CFO');
  });
});

describe('itemText', () => {
  it('keeps one copy when the content repeats the summary', () => {
    const t = itemText({ id: 'x', title: 'T', summary: 'Jane Doe joins Acme as CFO.', content: '<p>Jane Doe joins Acme as CFO.</p><p>More.</p>', url: null, feed: null, publishedAt: null });
    expect(t.body).toBe('Jane Doe joins Acme as CFO.\n\nMore.');
  });
});

describe('newswire text', () => {
  it('joins lines wrapped at a fixed width; an indented line starts a paragraph', () => {
    const wire = [
      'Harbour Freight Lines Inc said Paul N. Ostrander has',
      'resigned as president and chief operating officer and his',
      'duties will be taken on by chairman Edith Calloway.',
      '    Ostrander, 58, had been with the shipping company since',
      '1979, the company said in a brief statement.',
    ].join('\n');
    expect(cleanBody(wire)).toBe(
      'Harbour Freight Lines Inc said Paul N. Ostrander has resigned as president and chief operating officer and his duties will be taken on by chairman Edith Calloway.\n'
      + 'Ostrander, 58, had been with the shipping company since 1979, the company said in a brief statement.',
    );
  });
  it('leaves short lines (lists, furniture) as they are', () => {
    expect(cleanBody('Board changes\nJane Roe joins\nTom Poe leaves')).toBe('Board changes\nJane Roe joins\nTom Poe leaves');
  });
  it('drops a ticker in angle brackets and keeps a private company marked the same way', () => {
    expect(cleanBody('Harbour Freight Lines Inc <HFL> said its unit <Coastal Tug Co> named a president.')).toBe('Harbour Freight Lines Inc said its unit Coastal Tug Co named a president.');
    expect(cleanTitle('HARBOUR FREIGHT <HFL.O> PRESIDENT RESIGNS')).toBe('HARBOUR FREIGHT PRESIDENT RESIGNS');
  });
  it('still reads HTML as HTML', () => {
    expect(cleanBody('<p>Jane Roe <b>joins</b> Acme</p>')).toBe('Jane Roe joins Acme');
  });
});
