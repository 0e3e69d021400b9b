/** Runs at most `n` of the given tasks at once. */
export function createLimiter(n: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= n) return;
    const run = queue.shift();
    if (run) run();
  };
  const limit = function limit<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        active++;
        let p: Promise<T>;
        try {
          p = task();
        } catch (err) {
          p = Promise.reject(err as Error);
        }
        p.then(resolve, reject).finally(() => {
          active--;
          next();
        });
      });
      next();
    });
  };
  return Object.assign(limit, {
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  });
}

/** One limiter of `n` per key (per host), created on first use and dropped when idle. */
export function createKeyedLimiter(n: number) {
  const limiters = new Map<string, ReturnType<typeof createLimiter>>();
  return function limitFor<T>(key: string, task: () => Promise<T>): Promise<T> {
    let l = limiters.get(key);
    if (!l) {
      l = createLimiter(n);
      limiters.set(key, l);
    }
    const own = l;
    return own(task).finally(() => {
      if (own.active === 0 && own.queued === 0 && limiters.get(key) === own) limiters.delete(key);
    });
  };
}
