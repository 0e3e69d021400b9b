import { writeFileSync } from 'node:fs';
import { parseSince } from '../export/duration.js';
import { formatCsv, formatJsonl } from '../export/rows.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { openRecords, unknownName } from './records.js';

const DEFAULT_LIMIT = 100_000;
const MAX_LIMIT = 10_000_000;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write stored changes as CSV or JSONL (person, direction, post, organisation, dates, sources) for a CRM',
  usage: [
    'execwatch export [--since 30d|YYYY-MM-DD] [--company X] [--person Y] [--format csv|jsonl] [--out FILE] [--bom] [--limit N]',
    '',
    'One row per change (stored event), newest first reported first. Columns: person, direction,',
    'post, organization, interim, effective_date, first_reported, sources (docs/timeline.md).',
    '',
    '  --since S       first reported since: 12h, 30d, 2w back from now, or a day (UTC)',
    '  --company X     only this organisation (its units too), matched as /changes company matches',
    '  --person Y      only this person (aliases too)',
    '  --format F      csv (RFC 4180, the default) or jsonl',
    '  --out FILE      write to FILE instead of standard output',
    '  --bom           start a CSV with a byte-order mark (Excel needs it to show accents)',
    `  --limit N       at most N changes (default ${DEFAULT_LIMIT.toLocaleString('en-US')})`,
    CONFIG_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      since: { type: 'string' }, company: { type: 'string' }, person: { type: 'string' },
      format: { type: 'string' }, out: { type: 'string' }, bom: { type: 'boolean' }, limit: { type: 'string' },
    });
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format is csv or jsonl; found ${JSON.stringify(format)}`);
    if (values.bom && format !== 'csv') throw new UsageError('--bom is for --format csv');
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit expects a whole number from 1 to ${MAX_LIMIT}; found ${JSON.stringify(values.limit)}`);
    for (const name of ['company', 'person'] as const) {
      if (values[name] !== undefined && !values[name].trim()) throw new UsageError(`--${name} is empty`);
    }
    const now = new Date();
    let since: Date | null = null;
    try {
      since = values.since === undefined ? null : parseSince(values.since, now);
    } catch (err) {
      throw new UsageError(`--since: ${(err as Error).message}`);
    }

    const { records, close } = openRecords(values.config, io, () => now);
    try {
      const found = await records.matching({ since, company: values.company, person: values.person }, limit);
      if (found.records.length === 0) {
        if (values.company && (await records.forOrganization(values.company, 1)).records.length === 0) throw await unknownName(records, 'organization', values.company);
        if (values.person && (await records.forPerson(values.person, 1)).records.length === 0) throw await unknownName(records, 'person', values.person);
      }
      const text = format === 'csv' ? formatCsv(found.records, { bom: values.bom }) : formatJsonl(found.records);
      if (values.out) writeFileSync(values.out, text);
      else if (io.write) io.write(text);
      else io.out(text.replace(/\r?\n$/, ''));
      const where = values.out ? ` to ${values.out}` : '';
      io.err(`exported ${found.records.length} change${found.records.length === 1 ? '' : 's'}${where}${found.truncated ? ` (the newest ${limit}: --limit for more)` : ''}`);
      return 0;
    } finally {
      await close();
    }
  },
};
