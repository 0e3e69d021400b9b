import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { reply, startOpenAIEmulator, type OpenAIEmulator, type RecordedRequest } from '../support/openai-emulator.js';
import { llmChange } from './fixtures.js';

// Three gold items; the emulator plays a model that answers each with its gold changes.
const gold = [
  {
    id: 'g1', kind: 'summary', title: 'Acme names Jane Roe chief financial officer', published: '2024-02-12',
    summary: 'Acme Corp. said on Monday that Jane Roe will become its chief financial officer on March 1.',
    content: null,
    changes: [{ person: 'Jane Roe', direction: 'in', role: 'chief financial officer', organization: 'Acme', interim: false }],
  },
  {
    id: 'g2', kind: 'headline', title: 'Globex CEO Hank Scorpio steps down', published: '2024-02-13', summary: null, content: null,
    changes: [{ person: 'Hank Scorpio', direction: 'out', role: 'CEO', organization: 'Globex', interim: false }],
  },
  {
    id: 'g3', kind: 'headline', title: 'Initech quarterly revenue rises 8% on cloud demand', published: '2024-02-14',
    summary: null, content: null, changes: [],
  },
];

function oracle(request: RecordedRequest) {
  const user = String(request.body?.messages?.[1]?.content ?? '');
  if (user.includes('Jane Roe')) {
    return reply.json({ changes: [llmChange({ counterpart: null, evidence: 'Acme names Jane Roe chief financial officer' })] }, { prompt_tokens: 1000, completion_tokens: 100 });
  }
  if (user.includes('Hank Scorpio')) {
    return reply.json({
      changes: [llmChange({
        person: 'Hank Scorpio', direction: 'out', role: 'CEO', organization: 'Globex', counterpart: null, effectiveDate: null,
        evidence: 'Globex CEO Hank Scorpio steps down',
      })],
    }, { prompt_tokens: 1000, completion_tokens: 100 });
  }
  return reply.json({ changes: [] });
}

describe('the CLI with --extractor openai', () => {
  let emulator: OpenAIEmulator;
  let dir: string;
  let configPath: string;
  let goldPath: string;
  let env: NodeJS.ProcessEnv;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    emulator = await startOpenAIEmulator({ apiKey: 'sk-cli-test', defaultReply: oracle });
    dir = mkdtempSync(join(tmpdir(), 'execwatch-llm-cli-'));
    configPath = join(dir, 'execwatch.yaml');
    goldPath = join(dir, 'gold.jsonl');
    writeFileSync(goldPath, `${gold.map((g) => JSON.stringify(g)).join('\n')}\n`);
    writeFileSync(configPath, [
      `dataDir: ${join(dir, 'data')}`,
      'extractor:',
      '  model: gpt-4o-mini',
      '  timeoutMs: 2000',
      '  maxRetries: 0',
      '  prices:',
      '    gpt-4o-mini: { input: 1, output: 10 }',
      'feeds: []',
      '',
    ].join('\n'));
    env = { OPENAI_API_KEY: 'sk-cli-test', OPENAI_BASE_URL: emulator.baseURL, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('extract --jsonl and eval go through the configured endpoint; a re-run costs nothing', async () => {
    const extracted = await run('extract', '--jsonl', goldPath, '--extractor', 'openai', '--config', configPath);
    expect(extracted.code).toBe(0);
    const lines = extracted.out.split('\n').map((l) => JSON.parse(l) as { id: string; changes: Array<{ person: string }> });
    expect(lines.map((l) => [l.id, l.changes.map((c) => c.person)])).toEqual([
      ['g1', ['Jane Roe']],
      ['g2', ['Hank Scorpio']],
      ['g3', []],
    ]);
    const calls = emulator.completionRequests().length;
    expect(calls).toBeGreaterThanOrEqual(2); // the prefilter may keep the earnings headline away

    const evaluated = await run('eval', '--gold', goldPath, '--extractor', 'openai', '--json', '--config', configPath);
    expect(evaluated.code).toBe(0);
    const report = JSON.parse(evaluated.out) as { loose: { f1: number } };
    expect(report.loose.f1).toBe(1);
    expect(emulator.completionRequests()).toHaveLength(calls);
  });

  it('stats reports calls, tokens, cost, fallbacks and cache hits from the call log', async () => {
    const { code, out } = await run('stats', '--json', '--config', configPath);
    expect(code).toBe(0);
    const stats = JSON.parse(out) as Record<string, unknown>;
    expect(stats).toMatchObject({ byOutcome: { ok: emulator.completionRequests().length }, changes: 2, droppedUngrounded: 0 });
    expect(stats.promptTokens).toBeGreaterThanOrEqual(2000);
    expect(stats.cacheHits).toBe(emulator.completionRequests().length); // each item again in eval
    // At least 2,000 prompt tokens at $1/M and 200 completion tokens at $10/M.
    expect(stats.estimatedCostUsd).toBeGreaterThanOrEqual(0.004);
    const text = await run('stats', '--config', configPath);
    expect(text.out).toMatch(/calls\s+\d+ \(ok \d+\)/);
    expect(text.out).toMatch(/estimated cost\s+\$0\.0\d+/);
  });

  it('stats --estimate counts prompt tokens with the model tokenizer and prices 1,000 stream items', async () => {
    const { code, out } = await run('stats', '--estimate', '--gold', goldPath, '--json', '--config', configPath);
    expect(code).toBe(0);
    const e = JSON.parse(out) as {
      encoding: string; items: number; relevant: number; systemPromptTokens: number;
      promptTokens: { mean: number }; per1000: { calls: number; promptTokens: number; costUsd: number };
    };
    expect(e.encoding).toBe('o200k_base');
    expect(e.items).toBe(3);
    expect(e.relevant).toBeGreaterThanOrEqual(2);
    expect(e.promptTokens.mean).toBeGreaterThan(e.systemPromptTokens);
    expect(e.per1000.calls).toBe(Math.round((e.relevant / 3) * 1000));
    expect(e.per1000.costUsd).toBeCloseTo(e.per1000.promptTokens / 1e6 + (e.per1000 as unknown as { completionTokens: number }).completionTokens * 10 / 1e6, 6);
  });

  it('kind openai without a key or a server is a configuration error that names the key', async () => {
    const { code, err } = await (async () => {
      const saved = env;
      env = { LOG_LEVEL: 'silent' };
      try {
        return await run('extract', '--text', 'Acme names Jane Roe CFO', '--extractor', 'openai', '--config', configPath);
      } finally {
        env = saved;
      }
    })();
    expect(code).toBe(78);
    expect(err).toMatch(/OPENAI_API_KEY/);
  });
});
