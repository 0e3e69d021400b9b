import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NewsItem } from '../core/change.js';
import { loadConfig } from '../config/load.js';
import { goldItemToNewsItem, parseJsonl } from '../evaluation/gold.js';
import { extractChanges, isRelevant } from '../extract/index.js';
import { parseFeed } from '../feeds/parse.js';
import { estimateTokens, type EstimateItem, type TokenEstimate } from '../llm/estimate.js';
import { costUsd, formatUsd, priceFor, type TokenPrice } from '../llm/pricing.js';
import { toNewsItem } from '../pipeline/process-item.js';
import { openDatabase } from '../store/db.js';
import { createLlmStore, type LlmSummary } from '../store/llm-store.js';
import { createPipelineStats, type PipelineSummary } from '../store/pipeline-stats.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function costOf(summary: LlmSummary, prices: Record<string, TokenPrice>) {
  let usd = 0;
  const unpriced: string[] = [];
  for (const m of summary.byModel) {
    const price = priceFor(m.model, prices);
    if (price) usd += costUsd(price, m.promptTokens, m.completionTokens);
    else unpriced.push(m.model);
  }
  return { usd, unpriced };
}

export function formatStats(summary: LlmSummary, prices: Record<string, TokenPrice>): string {
  const { usd, unpriced } = costOf(summary, prices);
  const failures = Object.entries(summary.byOutcome).filter(([k]) => k !== 'ok');
  const fallbacks = failures.reduce((a, [, v]) => a + v, 0);
  const list = (entries: Array<[string, number]>) => entries.map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `LLM extraction ${summary.since ? `since ${summary.since}` : '(all time)'}`,
    `  calls                     ${n(summary.calls)}${summary.calls ? ` (${list(Object.entries(summary.byOutcome))})` : ''}`,
    `  tokens                    ${n(summary.promptTokens)} prompt + ${n(summary.completionTokens)} completion = ${n(summary.totalTokens)}`
      + (summary.estimatedUsageCalls ? ` (${summary.estimatedUsageCalls} timed-out calls counted by estimate)` : ''),
    `  estimated cost            ${formatUsd(usd)}${unpriced.length ? ` (no price for ${unpriced.join(', ')}: add extractor.prices)` : ''}`,
    `  fallbacks                 ${n(fallbacks)}${fallbacks ? ` (${list(failures)}): the built-in result stood` : ''}`,
    `  dropped ungrounded        ${n(summary.droppedUngrounded)} changes not borne out by the item text`,
    `  changes from the LLM      ${n(summary.changes)}`,
    `  cache hits                ${n(summary.cacheHits)} (no call made)`,
    `  skipped by the prefilter  ${n(summary.prefilterSkips)}`,
    `  skipped by the budget     ${n(summary.budgetSkips)}${summary.budgetExceededDays.length ? ` (budget reached on ${summary.budgetExceededDays.join(', ')})` : ''}`,
  ].join('\n');
}

export function formatPipeline(p: PipelineSummary): string {
  const list = (parts: Array<[string, number]>) => parts.filter(([, v]) => v).map(([k, v]) => `${n(v)} ${k}`).join(', ');
  const byExtractor = Object.entries(p.changes.byExtractor);
  const lines = [
    `Pipeline ${p.since ? `since ${p.since}` : '(all time)'}`,
    `  feeds                     ${n(p.feeds.total)} (${n(p.feeds.enabled)} enabled); ${p.feeds.failing.length} failing, ${p.feeds.disabled.length} disabled`,
    ...p.feeds.failing.map((f) => `    failing: ${f.name} since ${f.since} (${f.failures} failure${f.failures === 1 ? '' : 's'})${f.error ? `: ${f.error.slice(0, 160)}` : ''}`),
    ...p.feeds.disabled.map((f) => `    disabled: ${f.name}${f.reason ? `: ${f.reason.slice(0, 160)}` : ''}`),
    `  items                     ${n(p.items.total)}${p.items.total ? ` (${list([['read', p.items.processed], ['baseline', p.items.baseline], ['duplicates', p.items.duplicates], ['failed', p.items.failed]])})` : ''}`,
    `  changes                   ${n(p.changes.total)}${byExtractor.length > 1 ? ` (${byExtractor.map(([k, v]) => `${k} ${n(v)}`).join(', ')})` : ''}`,
    `  events                    ${n(p.events.total)}${p.events.total ? ` (${list([['alerted', p.events.alerted], ['held for a second source', p.events.held], ['recorded without alerting', p.events.recordedOnly]])})` : ''}`,
    `  alerts                    ${n(p.alerts.sent)} sent, ${n(p.alerts.failed)} failed, ${n(p.alerts.pending)} pending`,
    ...p.alerts.byTarget.map((t) => `    ${t.target.padEnd(23)} ${list([['sent', t.sent], ['failed', t.failed], ['pending', t.pending]]) || 'nothing'}`),
  ];
  return lines.join('\n');
}

export function formatEstimate(e: TokenEstimate, source: string): string {
  const price = e.price ? `at $${e.price.input}/$${e.price.output} per 1M tokens (in/out)` : 'no price for this model (add extractor.prices)';
  return [
    `Estimate for ${source} with ${e.model} (tokenizer ${e.encoding})`,
    `  items                     ${n(e.items)}; sent to the LLM after the prefilter: ${n(e.relevant)} (${pct(e.relevantShare)})`,
    `  prompt tokens per call    mean ${n(e.promptTokens.mean)}, p50 ${n(e.promptTokens.p50)}, p95 ${n(e.promptTokens.p95)}, max ${n(e.promptTokens.max)}`
      + ` (system prompt ${n(e.systemPromptTokens)}, schema ${n(e.schemaTokens)})`,
    `  completion tokens / call  mean ${n(e.completionTokens.mean)}, max ${n(e.completionTokens.max)} (replies built from the expected changes)`,
    `  per 1,000 stream items    ${n(e.per1000.calls)} calls, ${n(e.per1000.promptTokens)} prompt + ${n(e.per1000.completionTokens)} completion tokens`,
    `  estimated cost / 1,000    ${e.per1000.costUsd === null ? '?' : formatUsd(e.per1000.costUsd)} ${price}`,
  ].join('\n');
}

/** Gold items, with their labelled changes as the expected replies. */
async function goldStream(path: string): Promise<EstimateItem[]> {
  return parseJsonl(await readFile(path, 'utf8'), path).map((g) => ({
    item: goldItemToNewsItem(g),
    expected: g.changes.map((c) => ({
      person: c.person ?? null,
      direction: c.direction,
      role: c.role ?? '',
      organization: c.organization ?? '',
      interim: c.interim ?? false,
    })),
  }));
}

/** Every item of every feed file in a folder; what the built-in extractor finds stands in for gold. */
async function feedStream(dir: string, warn: (line: string) => void): Promise<EstimateItem[]> {
  const out: EstimateItem[] = [];
  for (const name of (await readdir(dir)).sort()) {
    let items: NewsItem[];
    try {
      const feed = await parseFeed(await readFile(join(dir, name), 'utf8'));
      items = feed.entries.map((e) => toNewsItem(e, basename(name)));
    } catch (err) {
      warn(`skipped ${name}: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    for (const item of items) {
      const expected = extractChanges(item).map((c) => ({
        person: c.person.name, direction: c.direction, role: c.role.title, organization: c.organization.name, interim: c.interim,
      }));
      out.push({ item, expected });
    }
  }
  return out;
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'what the pipeline did (feeds failing, items, changes, events, alerts per target) and LLM use; --estimate: LLM cost before any call',
  usage: [
    'execwatch stats [--since YYYY-MM-DD] [--json]   feeds, items, changes, events, alerts per target; LLM use',
    'execwatch stats --estimate (--gold FILE | --feeds DIR) [--model M] [--json]',
    '',
    '  --since D      count from this UTC day (default: all time)',
    '  --estimate     count the prompt tokens the LLM would get, with the model\'s tokenizer, and the',
    '                 cost per 1,000 items of the stream after the prefilter',
    '  --gold FILE    items in the shared eval format (their gold changes size the replies)',
    '  --feeds DIR    every feed file in DIR as the stream (the built-in results size the replies)',
    '  --model M      the model to price (default: config extractor.model)',
    CONFIG_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      since: { type: 'string' },
      json: { type: 'boolean' },
      estimate: { type: 'boolean' },
      gold: { type: 'string' },
      feeds: { type: 'string' },
      model: { type: 'string' },
    });
    const loaded = loadConfig({ configPath: values.config, env: io.env });
    const prices = loaded.config.extractor.prices;
    if (values.estimate) {
      if ((values.gold === undefined) === (values.feeds === undefined)) throw new UsageError('--estimate needs one of --gold FILE or --feeds DIR');
      const source = values.gold ?? values.feeds ?? '';
      const stream = values.gold !== undefined ? await goldStream(values.gold) : await feedStream(source, io.err);
      const estimate = await estimateTokens(stream, { model: values.model ?? loaded.config.extractor.model, isRelevant, prices });
      io.out(values.json ? JSON.stringify(estimate) : formatEstimate(estimate, basename(source)));
      return 0;
    }
    if (values.gold !== undefined || values.feeds !== undefined || values.model !== undefined) {
      throw new UsageError('--gold, --feeds and --model go with --estimate');
    }
    if (values.since !== undefined && !ISO_DAY.test(values.since)) throw new UsageError(`--since expects YYYY-MM-DD, found ${JSON.stringify(values.since)}`);
    const db = openDatabase(loaded.databasePath);
    try {
      const pipeline = createPipelineStats(db).summary(values.since);
      const summary = createLlmStore(db).summary(values.since);
      // The LLM figures stay at the top level of the JSON, as before; the pipeline's are under `pipeline`.
      io.out(values.json ? JSON.stringify({ ...summary, estimatedCostUsd: costOf(summary, prices).usd, pipeline }) : `${formatPipeline(pipeline)}\n\n${formatStats(summary, prices)}`);
    } finally {
      db.close();
    }
    return 0;
  },
};
