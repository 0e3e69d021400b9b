import { readFile } from 'node:fs/promises';
import { goldItemToNewsItem, parseJsonl } from '../evaluation/gold.js';
import { formatReport, scoreItems } from '../evaluation/score.js';
import { HALVES, inHalf, type Half } from '../evaluation/half.js';
import { changeForJsonl } from './extract.js';
import { createProgress } from '../ops/progress.js';
import { EXTRACTOR_OPTION, EXTRACTOR_USAGE, openCliExtractor } from './extractor-option.js';
import { parseCommandArgs, UsageError, type CliCommand } from './command.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score the extractor against a gold JSONL file (as the shared score.mjs does)',
  usage: `execwatch eval --gold F [--half dev|check] [--errors] [--json] [--extractor K]\n\n  --half     score one half of the file only: sha1(id) first hex digit even = dev, odd = check\n  --errors   list misses (FN) and false alarms (FP) first\n  --json     the report as JSON\n${EXTRACTOR_USAGE}`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { gold: { type: 'string' }, half: { type: 'string' }, errors: { type: 'boolean' }, json: { type: 'boolean' }, ...EXTRACTOR_OPTION });
    if (!values.gold) throw new UsageError('--gold FILE is required');
    if (values.half !== undefined && !(HALVES as readonly string[]).includes(values.half)) throw new UsageError(`--half must be one of ${HALVES.join(', ')}, got ${JSON.stringify(values.half)}`);
    const gold = inHalf(parseJsonl(await readFile(values.gold, 'utf8'), values.gold), values.half as Half | undefined);
    const { extractor, close } = openCliExtractor(values, io);
    const preds = new Map<string, { changes: unknown[] }>();
    try {
      // All at once: an LLM extractor bounds its own concurrency; the built-in one is synchronous.
      const progress = createProgress({ label: 'eval', total: gold.length });
      const all = await Promise.all(gold.map((item) => extractor.extract(goldItemToNewsItem(item)).finally(() => progress.tick())));
      progress.done();
      gold.forEach((item, i) => preds.set(item.id, { changes: (all[i] ?? []).map(changeForJsonl) }));
    } finally {
      close();
    }
    const report = scoreItems(gold, preds, { errors: values.errors });
    io.out(values.json ? JSON.stringify(report) : formatReport(report, { errors: values.errors }));
    return 0;
  },
};
