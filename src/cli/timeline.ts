import { writeFileSync } from 'node:fs';
import type { RecordNameKind } from '../timeline/records-query.js';
import { timelineSubject } from '../timeline/subject.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { openRecords, unknownName } from './records.js';

const MAX_RECORDS = 2000;

export const timelineCommand: CliCommand = {
  name: 'timeline',
  summary: 'draw the leadership timeline of an organisation or a person as a PNG (what /timeline posts)',
  usage: [
    'execwatch timeline (--company X | --person Y) --out FILE.png',
    '',
    'Draws who held which post and since when, from the stored events, as /timeline does.',
    '',
    '  --company X     an organisation (its units too), matched as /changes company matches',
    '  --person Y      a person: the posts they held, across organisations',
    '  --out FILE      where the PNG goes',
    CONFIG_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, { company: { type: 'string' }, person: { type: 'string' }, out: { type: 'string' } });
    if ((values.company === undefined) === (values.person === undefined)) throw new UsageError('give either --company or --person (one of them)');
    if (!values.out) throw new UsageError('--out FILE.png is required');
    const kind: RecordNameKind = values.company !== undefined ? 'organization' : 'person';
    const name = (values.company ?? values.person ?? '').trim();
    if (!name) throw new UsageError(`--${kind === 'organization' ? 'company' : 'person'} is empty`);

    const now = new Date();
    const { records, close } = openRecords(values.config, io, () => now);
    try {
      const found = await (kind === 'organization' ? records.forOrganization(name, MAX_RECORDS) : records.forPerson(name, MAX_RECORDS));
      if (found.records.length === 0) throw await unknownName(records, kind, name);
      const { drawTimeline } = await import('../render/timeline-picture.js');
      const { timeline, chart } = await drawTimeline(found.records, { view: kind, subject: timelineSubject(found.records, kind, name), now });
      writeFileSync(values.out, chart.png);
      io.err(`${values.out}: ${chart.width}×${chart.height} px, ${timeline.bars.length} terms of ${timeline.holders} people in ${timeline.rows.length} rows`
        + `${found.truncated ? ` (the newest ${MAX_RECORDS} changes)` : ''}`);
      return 0;
    } finally {
      await close();
    }
  },
};
