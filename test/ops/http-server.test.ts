import { afterEach, describe, expect, it } from 'vitest';
import { createOpsServer, type OpsServer, type Readiness } from '../../src/ops/http-server.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { parsePrometheusText, sampleValue } from '../support/prom-text.js';

let server: OpsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(readiness: () => Readiness) {
  const metrics = createMetrics();
  server = createOpsServer({ port: 0, host: '127.0.0.1', metrics, readiness });
  const { url } = await server.listen();
  return { metrics, url };
}

describe('ops HTTP server', () => {
  it('answers /healthz at once and /readyz with 503 until everything is ready', async () => {
    const state: Readiness = { store: true, scheduler: false, discord: null };
    const { url } = await start(() => state);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    let ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', checks: { scheduler: false } });

    state.scheduler = true;
    ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    // Discord configured but not connected is not ready.
    state.discord = false;
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    state.discord = true;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('serves /metrics in Prometheus text format and its counters move with work', async () => {
    const { url, metrics } = await start(() => ({ store: true, scheduler: true, discord: null }));

    const before = await fetch(`${url}/metrics`);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const fams0 = parsePrometheusText(await before.text());
    expect(fams0.get('execwatch_feed_polls_total')?.type).toBe('counter');
    expect(fams0.get('execwatch_poll_cycle_duration_seconds')?.type).toBe('histogram');
    expect(sampleValue(fams0, 'execwatch_feed_polls_total', { outcome: 'ok' })).toBe(0);
    expect(sampleValue(fams0, 'execwatch_poll_cycle_duration_seconds_count')).toBe(0);

    metrics.feedPolled('ok');
    metrics.feedPolled('ok');
    metrics.feedPolled('error');
    metrics.feedFailed('timeout');
    metrics.itemsSeen(12);
    metrics.changesExtracted('builtin', 2);
    metrics.changesExtracted('openai', 1);
    metrics.alertSent('webhook:123');
    metrics.alertFailed('channel:456');
    metrics.llmCall('gpt-4o-mini', 'ok');
    metrics.llmTokens('gpt-4o-mini', 900, 120);
    metrics.observePollCycle(1.7);

    const fams = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
    expect(sampleValue(fams, 'execwatch_feed_polls_total', { outcome: 'ok' })).toBe(2);
    expect(sampleValue(fams, 'execwatch_feed_polls_total', { outcome: 'error' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_feed_failures_total', { reason: 'timeout' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_items_seen_total')).toBe(12);
    expect(sampleValue(fams, 'execwatch_changes_extracted_total', { extractor: 'builtin' })).toBe(2);
    expect(sampleValue(fams, 'execwatch_changes_extracted_total', { extractor: 'openai' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_alerts_sent_total', { target: 'webhook:123' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_alerts_failed_total', { target: 'channel:456' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_llm_calls_total', { model: 'gpt-4o-mini', outcome: 'ok' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_llm_tokens_total', { model: 'gpt-4o-mini', kind: 'prompt' })).toBe(900);
    expect(sampleValue(fams, 'execwatch_poll_cycle_duration_seconds_count')).toBe(1);
    expect(sampleValue(fams, 'execwatch_poll_cycle_duration_seconds_bucket', { le: '2.5' })).toBe(1);
    expect(sampleValue(fams, 'execwatch_poll_cycle_duration_seconds_bucket', { le: '1' })).toBe(0);
    // Process metrics share the registry.
    expect(fams.has('execwatch_process_resident_memory_bytes')).toBe(true);
  });

  it('keeps registries apart: two apps in one process do not share counters', async () => {
    const a = createMetrics({ processMetrics: false });
    const b = createMetrics({ processMetrics: false });
    a.alertSent('console');
    const fa = parsePrometheusText(await a.render());
    const fb = parsePrometheusText(await b.render());
    expect(sampleValue(fa, 'execwatch_alerts_sent_total', { target: 'console' })).toBe(1);
    expect(sampleValue(fb, 'execwatch_alerts_sent_total', { target: 'console' })).toBeUndefined();
  });

  it('answers 404 for unknown paths and 405 for other methods', async () => {
    const { url } = await start(() => ({ store: true, scheduler: true, discord: null }));
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const post = await fetch(`${url}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('reports a busy port as a clear error', async () => {
    const { url } = await start(() => ({ store: true, scheduler: true, discord: null }));
    const port = Number(new URL(url).port);
    const second = createOpsServer({ port, host: '127.0.0.1', metrics: createMetrics({ processMetrics: false }), readiness: () => ({ store: true, scheduler: true, discord: null }) });
    await expect(second.listen()).rejects.toThrow(new RegExp(`could not listen on 127.0.0.1:${port}`));
  });
});

describe('Prometheus text parser', () => {
  it('reads names, labels with escapes, special values and histograms', () => {
    const fams = parsePrometheusText([
      '# HELP a_total A counter with a \\\\ backslash',
      '# TYPE a_total counter',
      'a_total{path="/x\\"y",note="line\\nbreak",} 3 1700000000000',
      '# TYPE h histogram',
      'h_bucket{le="1"} 1',
      'h_bucket{le="+Inf"} 2',
      'h_sum 3.5',
      'h_count 2',
      'g NaN',
      '',
    ].join('\n'));
    expect(fams.get('a_total')?.help).toBe('A counter with a \\ backslash');
    expect(fams.get('a_total')?.samples[0]).toEqual({ name: 'a_total', labels: { path: '/x"y', note: 'line\nbreak' }, value: 3, timestamp: 1700000000000 });
    expect(fams.get('h')?.samples).toHaveLength(4);
    expect(Number.isNaN(fams.get('g')?.samples[0]?.value)).toBe(true);
  });

  it.each([
    ['a bad value', 'x 1,5\n'],
    ['an unterminated label', 'x{a="b} 1\n'],
    ['a negative counter', '# TYPE c counter\nc -1\n'],
    ['split samples of one metric', 'x 1\ny 1\nx 2\n'],
    ['a histogram without +Inf', '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n'],
    ['an unknown type', '# TYPE x countr\nx 1\n'],
    ['no trailing newline', 'x 1'],
  ])('rejects %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
