import { readFile } from 'node:fs/promises';
import { goldItemToNewsItem, parseJsonl } from '../eval/gold.js';
import { formatReport, scoreItems } from '../eval/score.js';
import { createBuiltinExtractor } from '../extract/index.js';
import { changeForJsonl } from './extract.js';
import { parseCommandArgs, UsageError, type CliCommand } from './command.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score the extractor against a gold JSONL file (as the shared score.mjs does)',
  usage: 'execwatch eval --gold F [--errors] [--json]\n\n  --errors   list misses (FN) and false alarms (FP) first\n  --json     the report as JSON',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { gold: { type: 'string' }, errors: { type: 'boolean' }, json: { type: 'boolean' } });
    if (!values.gold) throw new UsageError('--gold FILE is required');
    const gold = parseJsonl(await readFile(values.gold, 'utf8'), values.gold);
    const extractor = createBuiltinExtractor();
    const preds = new Map<string, { changes: unknown[] }>();
    for (const item of gold) {
      const changes = await extractor.extract(goldItemToNewsItem(item));
      preds.set(item.id, { changes: changes.map(changeForJsonl) });
    }
    const report = scoreItems(gold, preds, { errors: values.errors });
    io.out(values.json ? JSON.stringify(report) : formatReport(report, { errors: values.errors }));
    return 0;
  },
};
