import { confirmedByFiling, filingOf } from '../core/events/filing.js';
import type { ChangeEvent } from '../core/events/model.js';
import { filingLabel } from '../notify/alert.js';
import type { SecFilingRecord } from '../ports/sec-filings.js';
import { accessionIn } from './edgar-urls.js';
import { isAmendment } from './items.js';

// What /why says about SEC filings: what the EDGAR source did with one, and which events a
// filing reported or confirmed.

/** The accession a filing link names (index page, document, viewer or complete submission). */
export const accessionOfUrl = (url: string): string | null => (/sec\.gov|\/Archives\/edgar\//i.test(url) ? accessionIn(url) : null);

export function explainFiling(f: SecFilingRecord): string[] {
  const what = `SEC ${f.form} of ${f.company ?? `CIK ${f.cik ?? '?'}`}, filed ${f.filedAt ?? 'on an unknown date'}${f.items.length ? ` (items ${f.items.join(', ')})` : ''}.`;
  switch (f.status) {
    case 'baseline':
      return [what, 'It was listed when the EDGAR source was first read, so it was recorded without being read (adding a source never floods a channel).'];
    case 'no-502':
      return [what, `It reports no Item 5.02, so there was nothing to read: ${f.note ?? 'no Item 5.02'}.`];
    case 'failed':
      return [what, `Reading it failed: ${f.note ?? 'unknown error'}.`];
    case 'read': {
      const lines = [what, `Its Item 5.02 section was read (${f.sectionChars ?? 0} characters${f.droppedSentences ? `; ${f.droppedSentences} sentences about pay or boilerplate left out` : ''}): ${f.changeCount} change${f.changeCount === 1 ? '' : 's'} found.`];
      if (!f.preparedChars) lines.push('The section is only about pay or agreements, which are not leadership changes, so nothing alerted.');
      if (isAmendment(f.form)) lines.push('It is an amendment: its changes confirm the events of the original filing and never start a new alert.');
      return lines;
    }
  }
}

/** "confirmed by SEC filing …" / "from SEC 8-K, Item 5.02 …" for an event a filing reported. */
export function filingLine(event: Pick<ChangeEvent, 'sources'>): string | null {
  const found = filingOf(event);
  if (!found) return null;
  const label = filingLabel(found.filing);
  const link = found.source.url ? `[${label}](${found.source.url})` : label;
  const filed = found.filing.filed ? `, filed ${found.filing.filed}` : '';
  return confirmedByFiling(event) ? `  ↳ confirmed by SEC filing: ${link}${filed}` : `  ↳ from ${link}${filed}`;
}
