import { createHash } from 'node:crypto';
import type { FaultSpec } from './types.js';

export interface RateLimitOptions {
  /** Requests allowed per bucket and window (Discord's message bucket is 5 per 5 s; tests want more). */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Seconds to wait when the bucket is exhausted, else null. */
  retryAfter: number | null;
}

const seconds = (ms: number): string => (Math.max(ms, 0) / 1000).toFixed(3);

/**
 * Discord's buckets: one per route template and major parameter (channel, guild, webhook).
 * Returns the same X-RateLimit-* headers Discord sends, and a 429 when a client ignores them.
 */
export function createRateLimiter(options: RateLimitOptions) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    take(template: string, majorParameter: string, now = Date.now()): RateLimitDecision {
      const key = `${template}:${majorParameter}`;
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + options.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      const remaining = Math.max(options.limit - window.count, 0);
      const headers = {
        'X-RateLimit-Limit': String(options.limit),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Reset': (window.resetAt / 1000).toFixed(3),
        'X-RateLimit-Reset-After': seconds(window.resetAt - now),
        'X-RateLimit-Bucket': bucketHash(template),
      };
      const over = window.count > options.limit;
      return { headers, retryAfter: over ? Math.max((window.resetAt - now) / 1000, 0.001) : null };
    },
  };
}

export function bucketHash(template: string): string {
  return createHash('sha1').update(template).digest('hex').slice(0, 16);
}

/** One-shot faults injected by tests; each matches method and path and fires `times` times. */
export function createFaults() {
  const pending: Array<FaultSpec & { left: number }> = [];
  return {
    add(spec: FaultSpec): void {
      pending.push({ ...spec, left: spec.times ?? 1 });
    },
    clear(): void {
      pending.length = 0;
    },
    take(method: string, path: string): FaultSpec | null {
      const index = pending.findIndex((f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
      if (index < 0) return null;
      const fault = pending[index]!;
      fault.left -= 1;
      if (fault.left <= 0) pending.splice(index, 1);
      return fault;
    },
    get pendingCount(): number {
      return pending.reduce((n, f) => n + f.left, 0);
    },
  };
}
