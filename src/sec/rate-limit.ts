// EDGAR's fair-access rule: no more than 10 requests in any second from one client, and a client
// that is told to slow down (403, 429, 503) waits. One limiter serves the whole process, so the
// poller, the watch list and anything else that reads EDGAR share the same budget.

export interface RateLimiter {
  /** Resolves when one more request may start; requests start in the order they asked. */
  acquire(): Promise<void>;
  /** Holds every request until `untilMs` (a server asked us to back off). */
  pauseUntil(untilMs: number): void;
  /** When requests may start again (0 when not paused). */
  readonly pausedUntil: number;
}

export interface RateLimiterOptions {
  /** Requests allowed in any window of `windowMs`. */
  perWindow: number;
  /** Default 1100 ms: 10 per 1.1 s keeps under 10 per second as the server counts, network jitter included. */
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * A sliding window: a request starts only when fewer than `perWindow` requests started in the
 * last `windowMs`. Fractional rates (0.5 per second) become one request per 2 s.
 */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const perWindow = Math.max(1, Math.floor(opts.perWindow >= 1 ? opts.perWindow : 1));
  const windowMs = (opts.windowMs ?? 1100) * (opts.perWindow >= 1 ? 1 : 1 / opts.perWindow);
  const starts: number[] = [];
  let paused = 0;
  let queue: Promise<void> = Promise.resolve();

  async function waitTurn(): Promise<void> {
    for (;;) {
      const t = now();
      while (starts.length && starts[0]! <= t - windowMs) starts.shift();
      const wait = Math.max(paused - t, starts.length >= perWindow ? starts[0]! + windowMs - t : 0);
      if (wait <= 0) {
        starts.push(t);
        return;
      }
      // A margin of a millisecond: timers may fire a little early.
      await sleep(wait + 1);
    }
  }

  return {
    acquire() {
      const turn = queue.then(waitTurn);
      queue = turn.catch(() => undefined);
      return turn;
    },
    pauseUntil(untilMs) {
      paused = Math.max(paused, untilMs);
    },
    get pausedUntil() {
      return paused > now() ? paused : 0;
    },
  };
}
