/** Raw JSON as it travels on the wire; the emulator keeps Discord's snake_case shapes. */
export type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** Files of a multipart/form-data body (the message itself is `body`, from `payload_json`). */
  files: RecordedFile[];
  status: number;
  at: number;
}

export interface RecordedFile {
  /** The form field: `files[0]`, `files[1]` … */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** An attachment of a stored message with the bytes that were uploaded for it. */
export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface StoredMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
}

export type ChannelState = 'ok' | 'forbidden' | 'deleted';

export interface FaultSpec {
  method?: string;
  /** Matches the path after /api/v10. */
  path: RegExp | string;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  status: number;
  /** Discord JSON error code for 4xx faults (50013, 10003 …). */
  code?: number;
  message?: string;
  /** Seconds; set for 429s (discord.js only waits when Retry-After is set). */
  retryAfter?: number;
  global?: boolean;
  /**
   * With status 200: the request succeeds as usual but its response is held this long — the window
   * in which a client that dies has posted without learning the message id.
   */
  delayMs?: number;
}
