import { describe, expect, it } from 'vitest';
import { appositiveText } from '../../src/sec/appositive.js';
import { parseAtomTitle } from '../../src/sec/atom-title.js';
import { cleanName, coverPageName } from '../../src/sec/company.js';
import { EDGAR, latestFilingsUrl } from '../../src/sec/edgar-urls.js';
import { readFilingChanges } from '../../src/sec/filing-rules.js';
import { parseHeader } from '../../src/sec/header.js';
import { htmlToLines } from '../../src/sec/html-text.js';
import { parseIndexPage } from '../../src/sec/index-page.js';
import { createPeopleBook } from '../../src/sec/people.js';
import { nameTheCompany, prepareSection } from '../../src/sec/prepare.js';
import { findItemHeadings } from '../../src/sec/section.js';

// Long runs of the characters the filing readers' patterns repeat, each without what would
// complete a match. Written as regexes that backtrack, these took minutes (quadratic in the
// length); the test timeout is the signal, the assertions are what each reader must return.
const N = 200_000;
const spaces = ' '.repeat(N);
const PAGE = 'https://www.sec.gov/Archives/edgar/data/1/000000000000000001/0000000000-00-000001-index.htm';

describe('filing readers on hostile input', () => {
  it('HTML: an unclosed tag name, and runs of "<"', () => {
    const name = `<a${'b'.repeat(N)}`;
    expect(htmlToLines(name)).toEqual([name]);
    expect(htmlToLines(`<p>x</p>${'<'.repeat(N)}`)).toEqual(['x', '<'.repeat(N)]);
  });

  it('index page: a cell of "<" without ">", and a form name without its closing tag', () => {
    const row = `<tr><td>1</td><td>${'<'.repeat(N)}</td><td><a href="d.htm">d.htm</a></td><td>8-K</td></tr>`;
    const idx = parseIndexPage(row, PAGE, EDGAR);
    expect(idx.documentUrl).toBe('https://www.sec.gov/Archives/edgar/data/1/000000000000000001/d.htm');
    expect(idx.submissionUrl).toBeNull();
    const form = parseIndexPage(`<div id="formName"><strong>Form${spaces}8-K`, PAGE, EDGAR);
    expect(form).toMatchObject({ form: null, items: [], company: null, cik: null, documentUrl: null });
  });

  it('latest-filings titles: spaces and dashes without the CIK', () => {
    expect(parseAtomTitle(`8-K${spaces}x`)).toBeNull();
    expect(parseAtomTitle(`8-K${' - '.repeat(N / 3)}NVIDIA CORP (0001045810`)).toBeNull();
    expect(parseAtomTitle(`8-K - NVIDIA${spaces}CORP (0001045810) (Filer)`)).toEqual({ form: '8-K', company: `NVIDIA${spaces}CORP`, cik: '0001045810' });
  });

  it('names and headings: spaces and slashes that end nowhere', () => {
    expect(cleanName(`ACME${spaces}CORP`)).toBe('ACME CORP');
    expect(cleanName(`ACME CORP${spaces}/`)).toBe('ACME CORP');
    expect(coverPageName([`${spaces}x`, `(${spaces}`])).toBeNull();
    expect(findItemHeadings([`Item 5${spaces}x\ny`, `Item 5.${'.'.repeat(N)}\n`, `Item 7${spaces}\nOther Events`])).toEqual([{ line: 2, item: '7', numbering: 'old' }]);
    expect(parseHeader(`ITEM INFORMATION:${'\t'.repeat(N)}\n`).items).toEqual([]);
    expect(latestFilingsUrl({ baseUrl: `https://x.test${'/'.repeat(N)}a`, dataUrl: EDGAR.dataUrl })).toContain(`${'/'.repeat(N)}a/cgi-bin/`);
  });

  it('prose: spaces before no parenthesis, digits before no percent, titles that never end', () => {
    expect(nameTheCompany(`Acme${spaces}x`, 'Acme Corp', [])).toBe(`Acme${spaces}x`);
    expect(appositiveText(`,${spaces};`)).toBeNull();
    expect(appositiveText(`,${' the'.repeat(N / 4)};`)).toBeNull();
    expect(createPeopleBook().mentions(`${spaces},`)).toEqual([]);
    // Readers of sentences skip any longer than 1,500 characters; long paragraphs of long ones stay empty.
    const sentence = `John Smith resigned as ${'9'.repeat(700)}${' '.repeat(700)}x.`;
    expect(readFilingChanges(Array.from({ length: 40 }, () => sentence).join(' '), { filed: '2020-01-01' })).toEqual([]);
    expect(prepareSection([`${'1,2'.repeat(N / 3)} ${'9'.repeat(N)}`], 'html', 'Acme Corp').text).toBe('');
  });
});
