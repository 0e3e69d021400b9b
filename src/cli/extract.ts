import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { toGoldChange, type Extractor, type LeadershipChange, type NewsItem } from '../core/change.js';
import { goldItemToNewsItem, parseJsonl } from '../evaluation/gold.js';
import { htmlToText } from '../extract/clean.js';
import { parseCommandArgs, UsageError, type CliCommand } from './command.js';
import { EXTRACTOR_OPTION, EXTRACTOR_USAGE, openCliExtractor } from './extractor-option.js';

/** The gold fields first (what the scorer reads), then the rest of the typed change. */
export function changeForJsonl(c: LeadershipChange) {
  return {
    ...toGoldChange(c),
    roleCategory: c.role.category,
    effectiveDate: c.effectiveDate,
    reason: c.reason,
    counterpart: c.counterpart,
    destination: c.destination,
    evidence: c.evidence,
    confidence: c.confidence,
  };
}

export async function extractJsonl(path: string, extractor: Extractor, write: (line: string) => void): Promise<void> {
  const items = parseJsonl(await readFile(path, 'utf8'), path);
  // All at once (an LLM extractor bounds its own concurrency), written in input order.
  const all = await Promise.all(items.map((item) => extractor.extract(goldItemToNewsItem(item))));
  items.forEach((item, i) => write(JSON.stringify({ id: item.id, changes: (all[i] ?? []).map(changeForJsonl) })));
}

/** A saved page or text file is one item with no title: the extractor reads its text. */
async function itemFromSource(values: { file?: string; url?: string; text?: string }): Promise<NewsItem> {
  const item = (id: string, text: string, url: string | null): NewsItem => ({ id, title: '', summary: null, content: text, url, feed: null, publishedAt: null });
  if (values.text !== undefined) return item('text', values.text, null);
  if (values.file !== undefined) {
    const raw = await readFile(values.file, 'utf8');
    return item(basename(values.file), /\.x?html?$/i.test(values.file) ? htmlToText(raw) : raw, null);
  }
  const url = values.url!;
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`--url needs an http(s) URL, got ${JSON.stringify(url)}`);
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000), headers: { 'user-agent': 'execwatch/0.1' } });
  if (!res.ok) throw new Error(`cannot fetch ${url}: HTTP ${res.status}`);
  return item(url, htmlToText(await res.text()), url);
}

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'extract leadership changes from a file, URL, text, or a JSONL file of items',
  usage: [
    'execwatch extract --file F | --url U | --text T     the typed changes as JSON',
    'execwatch extract --jsonl F                         one line per item: {"id", "changes": [...]}',
    '',
    '  --jsonl F   items in the format of the shared eval GUIDE.md',
    EXTRACTOR_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      file: { type: 'string' },
      url: { type: 'string' },
      text: { type: 'string' },
      jsonl: { type: 'string' },
      ...EXTRACTOR_OPTION,
    });
    const given = (['file', 'url', 'text', 'jsonl'] as const).filter((k) => values[k] !== undefined);
    if (given.length !== 1) throw new UsageError('give exactly one of --file, --url, --text, --jsonl');
    const { extractor, close } = openCliExtractor(values, io);
    try {
      if (values.jsonl !== undefined) {
        await extractJsonl(values.jsonl, extractor, io.out);
        return 0;
      }
      const changes = await extractor.extract(await itemFromSource(values));
      io.out(JSON.stringify(changes, null, 2));
      return 0;
    } finally {
      close();
    }
  },
};
