import { describe, expect, it } from 'vitest';
import { coverPageName, findDefinitions } from '../../src/sec/company.js';
import { parseFilingDocument } from '../../src/sec/document.js';
import { parseHeader } from '../../src/sec/header.js';
import { htmlToLines } from '../../src/sec/html-text.js';
import { itemFromTitle, parseItemList } from '../../src/sec/items.js';
import { createPeopleBook } from '../../src/sec/people.js';
import { nameTheCompany, prepareSection } from '../../src/sec/prepare.js';
import { findItem502, findItemHeadings } from '../../src/sec/section.js';

describe('filing text', () => {
  it('lays out HTML as a reader sees it: blocks are lines, cells share a row, inline tags vanish', () => {
    const lines = htmlToLines('<div style="display:none"><ix:header><ix:hidden>secret</ix:hidden></ix:header></div><table><tr><td>Item&#160;5.02</td><td><b>Depar</b>ture of Directors</td></tr></table><p>the &#147;Company&#148;<br/>next</p><!-- a <p>comment</p> -->');
    expect(lines).toEqual(['Item 5.02 Departure of Directors', 'the “Company”', 'next']);
  });

  it('reads the header of a complete submission and of the dissemination (.nc) format', () => {
    const txt = parseHeader('ACCESSION NUMBER:\t\t0000939057-08-000391\nCONFORMED SUBMISSION TYPE:\t8-K\nITEM INFORMATION:\t\tDeparture of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers\nITEM INFORMATION:\t\tFinancial Statements and Exhibits\nFILED AS OF DATE:\t\t20081027\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tHORIZON FINANCIAL CORP\n\t\tCENTRAL INDEX KEY:\t\t\t0001002682\n');
    expect(txt).toEqual({ accession: '0000939057-08-000391', form: '8-K', filed: '2008-10-27', items: ['5.02', '9.01'], company: 'HORIZON FINANCIAL CORP', cik: '1002682' });
    const nc = parseHeader('<SUBMISSION>\n<ACCESSION-NUMBER>0001493152-25-001317<TYPE>8-K/A<ITEMS>5.02<ITEMS>9.01<FILING-DATE>20250108<FILER><COMPANY-DATA><CONFORMED-NAME>ACORN ENERGY, INC.<CIK>0000880984');
    expect(nc).toEqual({ accession: '0001493152-25-001317', form: '8-K/A', filed: '2025-01-08', items: ['5.02', '9.01'], company: 'ACORN ENERGY, INC.', cik: '880984' });
  });

  it('maps EDGAR item titles and lists to item numbers', () => {
    expect(itemFromTitle('Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: Compensatory Arrangements of Certain Officers')).toBe('5.02');
    expect(itemFromTitle('Regulation FD Disclosure')).toBe('7.01');
    expect(itemFromTitle('Something else')).toBeNull();
    expect(parseItemList('5.02,9.01, 5.2')).toEqual(['5.02', '9.01']);
  });

  it('knows heading variants from references to an item', () => {
    const lines = [
      'ITEM 5.02(e) Compensatory Arrangements of Certain Officers',
      'The information under',
      'Item 5.02 of this report is incorporated by reference.',
      'Item5.02: Departure of Directors',
      'Items 9.01 Financial Statements and Exhibits.',
      'Item 5. Other Events',
    ];
    expect(findItemHeadings(lines).map((h) => [h.line, h.item, h.numbering])).toEqual([[0, '5.02', 'current'], [3, '5.02', 'current'], [4, '9.01', 'current'], [5, '5', 'old']]);
  });

  it('skips a table of contents and ends the section at signatures, leaving a trailing page number out', () => {
    const lines = ['ITEM 5.02. Departure of Directors', 'ITEM 9.01. Financial Statements', 'ITEM 5.02. Departure of Directors', 'On May 1, 2024, the Board of Directors elected a new director of the company.', '2', 'SIGNATURES', 'Pursuant to the requirements'];
    expect(findItem502(lines)).toMatchObject({ start: 2, end: 4 });
    expect(findItem502(['Item 7.01 Regulation FD'])).toBeNull();
  });

  it('takes the primary document of a submission, never an exhibit', () => {
    const doc = parseFilingDocument('<SEC-DOCUMENT>x\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nItem 5.02 exhibit\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 5.02 Departure\nthe filing\n</TEXT>\n</DOCUMENT>\n');
    expect(doc).toMatchObject({ format: 'submission', markup: 'text', lines: ['Item 5.02 Departure', 'the filing'] });
  });
});

describe('company and prose', () => {
  it('finds the cover page name and the definitions the text makes', () => {
    expect(coverPageName(['FORM 8-K', 'ACME WIDGETS, INC.', '________', '(Exact name of registrant as specified in its charter)'])).toBe('ACME WIDGETS, INC.');
    const defs = findDefinitions('On May 1, the Board of Directors of Acme Widgets, Inc. (the “Company”) and its subsidiary, Acme Bank (“Bank”) met. Jane Doe, CEO of Consumer Lending ("CL"), left.', 'ACME WIDGETS INC');
    expect(defs).toEqual([{ name: 'Acme Widgets, Inc.', terms: ['Company'] }, { name: 'Acme Bank', terms: ['Bank'] }]);
  });

  it('names the company where the filing says "the Company" or "the Registrant"', () => {
    const defs = [{ name: 'Acme Widgets, Inc.', terms: ['Company'] }];
    expect(nameTheCompany('Acme Widgets, Inc. (the “Company”) said the Company’s CFO left the Registrant. The Company grew.', 'Acme Widgets, Inc.', defs))
      .toBe('Acme Widgets, Inc. said Acme Widgets, Inc.’s CFO left Acme Widgets, Inc. Acme Widgets, Inc. grew.');
  });

  it('joins hard-wrapped text and drops sub-paragraph markers, footnote markers, page numbers and tables', () => {
    const prepared = prepareSection([
      'Item 5.02 Departure of Directors or Certain Officers; Election of Directors;', 'Appointment of Certain Officers', '',
      '(b) On May 1, 2024, John Roe resigned as Chief Financial Officer of the re-', 'organised Company, effective immediately.1', '',
      '12', '',
      'Jen Doe $400,000 150%', '',
      '1 Footnote text about the award.',
    ], 'text', 'Acme Corp.');
    expect(prepared.text).toBe('On May 1, 2024, John Roe resigned as Chief Financial Officer of the re-organised Company, effective immediately.');
  });

  it('keeps a pay sentence that reports a new role, drops one that does not', () => {
    const { text } = prepareSection(['Item 5.02', 'The Committee approved a salary increase for Jane Doe in connection with her new role as President. The Committee approved a bonus for John Roe, the Chief Financial Officer.'], 'html', null);
    expect(text).toBe('The Committee approved a salary increase for Jane Doe in connection with her new role as President.');
  });

  it('resolves "Mr. Spear", "Messrs." and pronouns to the full names the section gave', () => {
    const book = createPeopleBook();
    book.mentions('Greg B. Spear and Director Fred R. Miller, Jr. met Acme Bank.');
    const later = book.mentions('Mr. Spear said he would stay; Messrs. Spear and Miller agreed.');
    expect(later.map((m) => m.names)).toEqual([['Greg B. Spear'], ['Greg B. Spear'], ['Greg B. Spear', 'Fred R. Miller, Jr.']]);
  });
});
