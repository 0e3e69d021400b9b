/** Where a progress bar draws; process.stderr by default, so stdout stays clean for piping. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** What is being done: "import", "eval" … */
  label: string;
  /** Unknown totals show a counter instead of a bar. */
  total?: number | null;
  stream?: ProgressStream;
  /** Minimum time between redraws. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** Adds `n` (default 1) done units. */
  tick(n?: number): void;
  /** Sets the done count. */
  update(done: number): void;
  /** Draws the final state and ends the line (or clears it). */
  done(message?: string): void;
}

const NOOP: Progress = { tick: () => {}, update: () => {}, done: () => {} };

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * A one-line progress bar for long jobs (OPML import, eval over a large file, backfill). It draws
 * only on a TTY: in a pipe, a log file or a container it writes nothing at all.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return NOOP;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 100;
  const total = options.total && options.total > 0 ? options.total : null;
  const started = now();
  let count = 0;
  let lastDraw = -Infinity;
  let finished = false;

  function line(): string {
    const width = Math.max(40, Math.min(stream.columns ?? 80, 120));
    const elapsed = now() - started;
    if (total === null) return `${options.label} ${count} done, ${formatDuration(elapsed)}`;
    const ratio = Math.min(1, count / total);
    const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
    const eta = count > 0 && ratio < 1 ? ` eta ${formatDuration((elapsed / count) * (total - count))}` : '';
    const tail = ` ${pct} ${count}/${total}${eta}`;
    const barWidth = Math.max(10, width - options.label.length - tail.length - 4);
    const filled = Math.round(ratio * barWidth);
    return `${options.label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`;
  }

  function draw(force: boolean) {
    const t = now();
    if (!force && t - lastDraw < interval) return;
    lastDraw = t;
    // \r returns to the line start; \x1b[K clears what a longer previous line left behind.
    stream.write(`\r${line()}\x1b[K`);
  }

  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      draw(total !== null && count >= total);
    },
    update(done) {
      if (finished) return;
      count = done;
      draw(false);
    },
    done(message) {
      if (finished) return;
      finished = true;
      draw(true);
      stream.write(message ? `\r${message}\x1b[K\n` : '\n');
    },
  };
}
