/** One entry of a feed, normalised: plain text, absolute canonical link, ISO date. */
export interface FeedEntry {
  id: string;
  title: string;
  summary: string | null;
  content: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** The family of a feed document, named as in the fixtures' MANIFEST.tsv. */
export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  /** The version the document claims or implies ('2.0', '0.91', '1.0', '0.3', '1.1' …). */
  version: string | null;
  title: string | null;
  /** The site the feed belongs to, when it says. */
  link: string | null;
  /** The character encoding the bytes were read with (null for text given directly). */
  encoding: string | null;
  entries: FeedEntry[];
  /**
   * Ids (guids, mostly) that several different items of this document carried: those items were
   * told apart by their links instead (see separateSharedIds). Absent when there were none.
   */
  sharedIds?: SharedId[];
}

export interface SharedId {
  id: string;
  /** How many items carried it. */
  items: number;
}

export interface FeedReadRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
}

interface ReadMeta {
  etag: string | null;
  lastModified: string | null;
  /** Cache-Control max-age (or s-maxage) of the response, in seconds. */
  maxAgeSeconds: number | null;
  /** HTTP status of the last response (null for files). */
  httpStatus: number | null;
  /** The URL the document came from after redirects. */
  finalUrl: string;
  /** The feed's new address when it moved permanently (every redirect a 301 or 308). */
  movedTo?: string | null;
}

export type FeedReadResult =
  | ({ status: 'not-modified' } & ReadMeta)
  | ({ status: 'ok'; feed: ParsedFeed } & ReadMeta);

export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'too-large' | 'not-a-feed' | 'parse' | 'blocked' | 'file' | 'redirect';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** Seconds the server asked us to wait (429/503 Retry-After). */
    readonly retryAfterSeconds: number | null = null,
    /** The HTTP status that caused it, if any. */
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

export interface FeedReader {
  /** Fetches and parses one feed; throws FeedError with a message a user can act on. */
  read(req: FeedReadRequest): Promise<FeedReadResult>;
}
