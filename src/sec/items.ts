// Form 8-K items as numbered since 23 August 2004, and the words of their titles that EDGAR's
// headers (`ITEM INFORMATION:`) and index pages use instead of the numbers.

export const ITEM_502 = '5.02';

/** The day the current item numbering took effect (SEC Release 33-8400). */
export const NUMBERING_SINCE = '2004-08-23';

const TITLES: ReadonlyArray<[string, RegExp]> = [
  ['1.01', /entry into a material definitive agreement/],
  ['1.02', /termination of a material definitive agreement/],
  ['1.03', /bankruptcy or receivership/],
  ['1.04', /mine safety/],
  ['1.05', /cybersecurity incident/],
  ['2.01', /completion of acquisition or disposition/],
  ['2.02', /results of operations and financial condition/],
  ['2.03', /creation of a direct financial obligation/],
  ['2.04', /triggering events/],
  ['2.05', /exit or disposal/],
  ['2.06', /material impairments?/],
  ['3.01', /delisting|continued listing rule/],
  ['3.02', /unregistered sales? of equity/],
  ['3.03', /material modifications? (?:to|of) (?:the )?rights of security holders/],
  ['4.01', /certifying accountant/],
  ['4.02', /non ?reliance on previously issued/],
  ['5.01', /changes? in control of (?:the )?registrant/],
  [ITEM_502, /departure of directors|appointment of (?:certain|principal) officers|compensatory arrangements of certain officers/],
  ['5.03', /amendments? to articles of incorporation|change in fiscal year/],
  ['5.04', /temporary suspension of trading/],
  ['5.05', /code of ethics/],
  ['5.06', /shell company status/],
  ['5.07', /submission of matters to a vote/],
  ['5.08', /shareholder director nominations/],
  ['6.01', /abs informational/],
  ['6.02', /change of servicer or trustee/],
  ['6.03', /change in credit enhancement/],
  ['6.04', /failure to make a required distribution/],
  ['6.05', /securities act updating disclosure/],
  ['7.01', /regulation fd/],
  ['8.01', /other events/],
  ['9.01', /financial statements and exhibits/],
];

/** The item number an EDGAR item title stands for ("Regulation FD Disclosure" -> "7.01"), or null. */
export function itemFromTitle(title: string): string | null {
  const t = title.toLowerCase().replace(/[^a-z]+/g, ' ');
  for (const [item, re] of TITLES) if (re.test(t)) return item;
  return null;
}

/** "5.02", "5.2" or "Item 5.02" as "5.02"; an old single-number item ("5") as it is. */
export function normaliseItem(raw: string): string | null {
  const m = /(\d{1,2})(?:\.(\d{1,2}))?/.exec(raw);
  if (!m) return null;
  return m[2] === undefined ? m[1]! : `${Number(m[1])}.${m[2].padStart(2, '0')}`;
}

/** Item numbers from an EDGAR list ("5.02,9.01"), in order, without repeats. */
export function parseItemList(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(/[,;\s]+/)) {
    const item = normaliseItem(part);
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

/** Whether a form type is a current report (8-K and its variants: 8-K/A, 8-K12B …). */
export const isCurrentReport = (form: string): boolean => /^8-K/i.test(form.trim());

export const isAmendment = (form: string): boolean => /\/A$/i.test(form.trim());
