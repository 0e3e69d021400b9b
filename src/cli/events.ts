import { readFile } from 'node:fs/promises';
import { evaluateMerge, goldChangeSource, misreadChangeSource, runMerge, toEventLine, type ChangeSource } from '../evaluation/event-evaluation.js';
import { goldItemToNewsItem, parseGoldEventItems } from '../evaluation/event-gold.js';
import type { EventOptions } from '../core/events/index.js';
import { parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { EXTRACTOR_OPTION, EXTRACTOR_USAGE, openCliExtractor } from './extractor-option.js';

function numberOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} expects a number from ${min} to ${max}; found ${JSON.stringify(value)}`);
  return n;
}

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: 'merge the changes of a JSONL file of items into events (one line per event)',
  usage: [
    'execwatch events --jsonl F [--gold | --misread] [--evaluate] [--window-days N] [--hold-below C]',
    '',
    'Reads items in the format of the shared eval GUIDE.md, takes them in published order through',
    'extraction and merging, and prints one line per event:',
    '  {"event", "person", "direction", "role", "organization", "interim", "sources": [item ids], "confidence"}',
    '',
    '  --gold            merge the file\'s gold changes instead of extracting (the merger alone)',
    '  --misread         merge each item\'s `misread` changes (gold changes with extraction errors;',
    '                    test streams carry them), its gold changes where it has none',
    '  --evaluate        print how the events compare with the gold `event` ids (found, duplicates,',
    '                    wrong merges; strict and loose matching) instead of the events',
    '  --window-days N   longest gap between two reports of one event (default 14)',
    '  --hold-below C    confidence below which an event waits for a second source (default 0)',
    EXTRACTOR_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      jsonl: { type: 'string' },
      gold: { type: 'boolean' },
      misread: { type: 'boolean' },
      evaluate: { type: 'boolean' },
      'window-days': { type: 'string' },
      'hold-below': { type: 'string' },
      ...EXTRACTOR_OPTION,
    });
    if (!values.jsonl) throw new UsageError('--jsonl FILE is required');
    if ([values.gold, values.misread, values.extractor].filter(Boolean).length > 1) throw new UsageError('give one of --gold, --misread and --extractor');
    const options: Partial<EventOptions> = {};
    const windowDays = numberOption(values['window-days'], '--window-days', 1, 365);
    const hold = numberOption(values['hold-below'], '--hold-below', 0, 1);
    if (windowDays !== undefined) options.windowDays = windowDays;
    if (hold !== undefined) options.holdBelowConfidence = hold;

    const items = parseGoldEventItems(await readFile(values.jsonl, 'utf8'), values.jsonl);
    const cli = values.gold || values.misread ? null : openCliExtractor(values, io);
    try {
      const source: ChangeSource = cli ? (item) => cli.extractor.extract(goldItemToNewsItem(item)) : values.misread ? misreadChangeSource : goldChangeSource;
      const run = await runMerge(items, source, options);
      if (values.evaluate) {
        for (const level of ['strict', 'loose'] as const) io.out(JSON.stringify({ level, ...evaluateMerge(items, run, { level }) }));
        return 0;
      }
      for (const event of run.events) io.out(JSON.stringify(toEventLine(event)));
      return 0;
    } finally {
      cli?.close();
    }
  },
};
