// The watched feeds: what the scheduler polls, /feeds manages and the poller records results on.

export interface FeedRecord {
  id: number;
  url: string;
  name: string;
  origin: 'config' | 'user';
  guildId: string | null;
  intervalMinutes: number | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failingSince: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  itemCount: number;
  baselineDone: boolean;
  disabled: boolean;
  /** HTTP status of the last poll (null for files and network failures). */
  lastStatus: number | null;
  lastDurationMs: number | null;
  disabledAt: string | null;
  disabledReason: string | null;
  /**
   * A config feed that moved (a permanent redirect): the address the config still names, so that
   * the config and the stored feed stay one feed until the operator updates the config.
   */
  movedFrom: string | null;
}

export interface FeedSuccess {
  at: string;
  etag: string | null;
  lastModified: string | null;
  itemCount: number | null;
  nextPollAt: string;
  status?: number | null;
  durationMs?: number | null;
}

export interface FeedFailure {
  at: string;
  error: string;
  nextPollAt: string;
  disable: boolean;
  status?: number | null;
  durationMs?: number | null;
}

export interface FeedStore {
  /** Adds the feed if its URL is new, else refreshes its name/interval; returns the record. */
  upsert(feed: { url: string; name: string; origin?: 'config' | 'user'; guildId?: string | null; intervalMinutes?: number | null }, now: string): Promise<FeedRecord>;
  get(id: number): Promise<FeedRecord | undefined>;
  getByUrl(url: string): Promise<FeedRecord | undefined>;
  list(): Promise<FeedRecord[]>;
  remove(id: number): Promise<boolean>;
  /** A permanent redirect: the feed's address is now `url` (false when another feed has it). */
  moveUrl(id: number, url: string): Promise<boolean>;
  /** The config names the feed's new address: nothing to remember any more. */
  clearMovedFrom(id: number): Promise<void>;
  recordSuccess(id: number, s: FeedSuccess): Promise<void>;
  recordFailure(id: number, f: FeedFailure): Promise<void>;
  markBaselineDone(id: number): Promise<void>;
  /** Disables (with the reason shown in `feeds list`) or re-enables a feed; re-enabling polls it soon. */
  setDisabled(id: number, disabled: boolean, reason?: string | null, now?: string): Promise<void>;
}
