// EDGAR's fair-access rule: no more than 10 requests in any second from one client, and a client
// that is told to slow down (403, 429, 503) waits. One limiter serves the whole process, so the
// poller, the watch list and anything else that reads EDGAR share the same budget.
//
// EDGAR counts requests when they reach it, which is some time after they leave: a request's
// slot is held from when it starts until a window after its answer came back (the answer comes
// after the request arrived), so however slow the network, no window of EDGAR's log holds more.

export interface RateLimiter {
  /** Resolves when one more request may start; call `done` when its answer has come. */
  acquire(): Promise<() => void>;
  /** Holds every request until `untilMs` (a server asked us to back off). */
  pauseUntil(untilMs: number): void;
  /** When requests may start again (0 when not paused). */
  readonly pausedUntil: number;
}

export interface RateLimiterOptions {
  /** Requests allowed in any window of `windowMs` (fractions: 0.5 is one per two windows). */
  perWindow: number;
  /** Default 1000 ms. */
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const perWindow = Math.max(1, Math.floor(opts.perWindow));
  const windowMs = (opts.windowMs ?? 1000) * (opts.perWindow >= 1 ? 1 : 1 / opts.perWindow);
  // Each slot: null while its request is in flight, else when its answer came.
  const slots: Array<{ done: number | null }> = [];
  let paused = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let released: () => void = () => undefined;
  let onRelease = new Promise<void>((resolve) => (released = resolve));

  async function waitTurn(): Promise<() => void> {
    for (;;) {
      const t = now();
      while (slots.length && slots[0]!.done !== null && slots[0]!.done <= t - windowMs) slots.shift();
      const finished = slots.filter((s) => s.done !== null).map((s) => s.done!);
      const full = slots.length >= perWindow;
      if (t >= paused && !full) {
        const slot = { done: null as number | null };
        slots.push(slot);
        return () => {
          if (slot.done !== null) return;
          slot.done = now();
          slots.sort((a, b) => (a.done ?? Infinity) - (b.done ?? Infinity));
          released();
          onRelease = new Promise<void>((resolve) => (released = resolve));
        };
      }
      const waits: Array<Promise<unknown>> = [];
      const until = Math.max(paused - t, full && finished.length ? Math.min(...finished) + windowMs - t : 0);
      // A margin of a millisecond: timers may fire a little early.
      if (until > 0) waits.push(sleep(until + 1));
      if (full && finished.length < slots.length) waits.push(onRelease);
      await Promise.race(waits.length ? waits : [sleep(1)]);
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
