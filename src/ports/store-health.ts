// The store's health as the pipeline and readiness see it: failures explained, writability.

export type StoreFailureKind = 'full' | 'io' | 'corrupt' | 'readonly' | 'locked' | 'cantopen' | 'other';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(readonly kind: StoreFailureKind, readonly file: string, message: string, readonly code: string | null = null) {
    super(message);
  }
}

export interface StoreHealthState {
  /** False from a failed write until a write succeeds again; for good once the file is found damaged. */
  writable: boolean;
  /** The database was found damaged (stays true: only a restore fixes it). */
  corrupt: boolean;
  lastError: StoreError | null;
  lastErrorAt: number | null;
  /** Store failures seen since start. */
  failures: number;
}

export interface StoreHealth {
  readonly file: string;
  /** Records a store failure and returns it explained; null (and nothing recorded) for other errors. */
  failed(err: unknown): StoreError | null;
  /** A write went through: the store is writable again (unless the file was found damaged). */
  succeeded(): void;
  state(): StoreHealthState;
  /** The error to report: a SQLite error explained, anything else as it is. */
  explain(err: unknown): unknown;
}
