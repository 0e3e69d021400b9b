/**
 * An item that ran past its time budget or killed the worker extracting it. It is recorded as
 * failed once and never retried: retrying it would cost the same again, at every restart.
 */
export class PoisonItemError extends Error {
  override readonly name = 'PoisonItemError';
}

export const isPoisonItem = (err: unknown): err is PoisonItemError => err instanceof Error && err.name === 'PoisonItemError';

/** The process is stopping: the item was not read and is left for the next start. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

export const isInterrupted = (err: unknown): err is InterruptedError => err instanceof Error && err.name === 'InterruptedError';
