/** Runs tasks one at a time per key (per channel or webhook), so alerts keep their order there. */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task, task);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
    /** Resolves when everything queued so far has finished. */
    async idle(): Promise<void> {
      while (tails.size) await Promise.all([...tails.values()]);
    },
  };
}
