import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error';

/** Every way a call can fail; in each case the built-in extractor's result stands. */
export const FAILURE_KINDS = [
  'timeout', // no answer within timeoutMs (after the SDK's retries)
  'rate_limit', // 429 after retries, or a Retry-After longer than allowed
  'server', // 5xx after retries
  'connection', // refused, reset, DNS
  'auth', // 401/403: a bad or unauthorised key
  'bad_request', // another 4xx: unknown model, bad parameter
  'refusal', // the model refused (message.refusal)
  'length', // finish_reason "length": the reply was cut off
  'content_filter', // finish_reason "content_filter"
  'invalid_json', // the content is not JSON
  'schema', // JSON that breaks the change schema
  'other',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A failure the extractor raises itself (refusal, empty reply, JSON-mode checks). */
export class LlmReplyError extends Error {
  override readonly name = 'LlmReplyError';
  constructor(readonly kind: FailureKind, message: string) {
    super(message);
  }
}

export function classifyFailure(err: unknown): FailureKind {
  if (err instanceof LlmReplyError) return err.kind;
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof RateLimitError) return 'rate_limit';
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) return 'auth';
  if (err instanceof APIError && typeof err.status === 'number') {
    if (err.status >= 500) return 'server';
    if (err.status === 408) return 'timeout';
    return 'bad_request';
  }
  if (err instanceof LengthFinishReasonError) return 'length';
  if (err instanceof ContentFilterFinishReasonError) return 'content_filter';
  if (err instanceof SyntaxError) return 'invalid_json';
  if (err instanceof Error && err.name === 'ZodError') return 'schema';
  return 'other';
}

/** A 400 that says the server does not do `response_format: json_schema` (JSON mode may work). */
export function isJsonSchemaUnsupported(err: unknown): boolean {
  if (!(err instanceof BadRequestError)) return false;
  const param = String(err.param ?? '');
  return param.startsWith('response_format') || /response_format|json_schema|structured output/i.test(err.message);
}

/** A short description for logs and the call log, never containing credentials. */
export function describeFailure(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, '$1…').slice(0, 300);
}
