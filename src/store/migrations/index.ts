import type { Migration } from './types.js';
import { migration as m0001 } from './0001_init.js';

export type { Migration } from './types.js';

/** Every schema version this code knows, in order. */
export const migrations: readonly Migration[] = [
  m0001,
].sort((a, b) => a.version - b.version);
