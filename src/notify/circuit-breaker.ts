/**
 * Discord bans an IP that makes 10,000 invalid requests (401, 403, 429) in 10 minutes. The breaker
 * counts them (from the REST clients' responses) and stops delivery well before that; what was not
 * sent stays pending and goes out when the breaker closes.
 */
export interface CircuitBreaker {
  /** Called with the HTTP status of every Discord response. */
  record(status: number, scope?: string | null): void;
  isOpen(): boolean;
  /** Milliseconds until the breaker closes again (0 when closed). */
  retryInMs(): number;
}

export interface CircuitBreakerOptions {
  /** Invalid responses within the window that open the breaker. */
  threshold?: number;
  windowMs?: number;
  cooldownMs?: number;
  now?: () => number;
  onOpen?: (invalidCount: number) => void;
}

export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.threshold ?? 1000;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const cooldownMs = options.cooldownMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const hits: number[] = [];
  let openUntil = 0;
  return {
    record(status, scope) {
      // A 429 on a shared resource bucket is not held against the bot.
      const invalid = status === 401 || status === 403 || (status === 429 && scope !== 'shared');
      if (!invalid) return;
      const t = now();
      hits.push(t);
      while (hits.length && hits[0]! <= t - windowMs) hits.shift();
      if (status === 401 || hits.length >= threshold) {
        if (openUntil <= t) options.onOpen?.(hits.length);
        openUntil = t + cooldownMs;
      }
    },
    isOpen: () => now() < openUntil,
    retryInMs: () => Math.max(openUntil - now(), 0),
  };
}
