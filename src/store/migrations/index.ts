import type { Migration } from './types.js';
import { migration as m0001 } from './0001_init.js';
import { migration as m0002 } from './0002_feeds.js';
import { migration as m0003 } from './0003_events.js';
import { migration as m0004 } from './0004_llm.js';
import { migration as m0005 } from './0005_discord.js';
import { migration as m0006 } from './0006_ops.js';
import { migration as m0007 } from './0007_event_roles.js';
import { migration as m0008 } from './0008_sec_filings.js';
import { migration as m0009 } from './0009_event_keys.js';
import { migration as m0010 } from './0010_digests.js';

export type { Migration } from './types.js';

/** Every schema version this code knows, in order. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
].sort((a, b) => a.version - b.version);
