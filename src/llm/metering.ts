import { AsyncLocalStorage } from 'node:async_hooks';

// The SDK's parse() throws on a reply that breaks the schema or is cut off, and the completion
// (with its usage) goes with it; yet those tokens were billed. A fetch wrapper sees every HTTP
// exchange of a call (retries included), so the usage is recorded whatever parse() then does.
// AsyncLocalStorage ties each exchange to the call that made it when several run at once.

export interface ApiUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface CallMeter {
  attempts: number;
  statuses: number[];
  usage: ApiUsage | null;
  /** Body reads still running; awaited before the meter is read. */
  pending: Array<Promise<void>>;
}

export const newMeter = (): CallMeter => ({ attempts: 0, statuses: [], usage: null, pending: [] });

const current = new AsyncLocalStorage<CallMeter>();

export function runMetered<T>(meter: CallMeter, fn: () => Promise<T>): Promise<T> {
  return current.run(meter, fn);
}

export async function settled(meter: CallMeter): Promise<CallMeter> {
  await Promise.allSettled(meter.pending);
  return meter;
}

function readUsage(body: unknown): ApiUsage | null {
  const usage = (body as { usage?: Record<string, unknown> } | null)?.usage;
  if (!usage || typeof usage !== 'object') return null;
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const promptTokens = num(usage.prompt_tokens);
  const completionTokens = num(usage.completion_tokens);
  const totalTokens = num(usage.total_tokens) || promptTokens + completionTokens;
  return { promptTokens, completionTokens, totalTokens };
}

function retryAfterMs(headers: Headers): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && !Number.isNaN(parseFloat(ms))) return parseFloat(ms);
  const s = headers.get('retry-after');
  if (s === null) return null;
  const seconds = parseFloat(s);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(s);
  return Number.isNaN(date) ? null : date - Date.now();
}

export interface MeteredFetchOptions {
  /** A 429 asking to wait longer than this is not retried (the SDK would sleep as told). */
  maxRetryAfterMs: number;
}

/** A fetch for the OpenAI client that meters usage and bounds Retry-After waits. */
export function createMeteredFetch(base: typeof fetch, options: MeteredFetchOptions): typeof fetch {
  return async (input, init) => {
    const meter = current.getStore();
    const response = await base(input, init);
    if (!meter) return response;
    meter.attempts += 1;
    meter.statuses.push(response.status);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      meter.pending.push(
        response
          .clone()
          .json()
          .then((body: unknown) => {
            const usage = readUsage(body);
            if (usage) meter.usage = usage;
          })
          .catch(() => undefined),
      );
    }
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers);
      if (wait !== null && wait > options.maxRetryAfterMs) {
        // x-should-retry is the SDK's own switch for "do not retry this one".
        const headers = new Headers(response.headers);
        headers.set('x-should-retry', 'false');
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
    }
    return response;
  };
}
