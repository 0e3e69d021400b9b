/** One entry of a feed, normalised: plain text, absolute canonical link, ISO date. */
export interface FeedEntry {
  id: string;
  title: string;
  summary: string | null;
  content: string | null;
  url: string | null;
  publishedAt: string | null;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  entries: FeedEntry[];
}

export interface FeedReadRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
}

export type FeedReadResult =
  | { status: 'not-modified'; etag: string | null; lastModified: string | null; maxAgeSeconds: number | null }
  | { status: 'ok'; feed: ParsedFeed; etag: string | null; lastModified: string | null; maxAgeSeconds: number | null };

export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'too-large' | 'not-a-feed' | 'parse' | 'blocked' | 'file';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** Seconds the server asked us to wait (429/503 Retry-After). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface FeedReader {
  /** Fetches and parses one feed; throws FeedError with a message a user can act on. */
  read(req: FeedReadRequest): Promise<FeedReadResult>;
}
