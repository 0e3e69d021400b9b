import type { DeliveryFailure, DeliveryFailureKind } from '../../ports/deliveries.js';

// Recognised by shape rather than instanceof (@discordjs/rest names its errors
// `DiscordAPIError[code]` and `HTTPError`), for the REST client and the webhook client alike.
interface ApiErrorShape { name: string; message: string; code: unknown; status: number }
const isDiscordApiError = (err: unknown): err is ApiErrorShape =>
  err instanceof Error && err.name.startsWith('DiscordAPIError') && typeof (err as { status?: unknown }).status === 'number';
const isHttpError = (err: unknown): err is Error & { status: number } =>
  err instanceof Error && err.name === 'HTTPError' && typeof (err as { status?: unknown }).status === 'number';

/**
 * unreachable: the bot may not or cannot post there any more (missing permissions or access, the
 * channel or webhook is gone) — pause, tell the admin, do not retry.
 * invalid: Discord refused the request itself — a bug on our side; counts toward the breaker.
 * transient: 5xx after the REST client's own retries, timeouts, network — retry later.
 */
export type DiscordFailure = DeliveryFailureKind;

export const UNREACHABLE_CODES: ReadonlySet<number> = new Set([
  50013, // Missing Permissions
  50001, // Missing Access
  10003, // Unknown Channel
  10015, // Unknown Webhook
]);

export function classifyDiscordError(err: unknown): { kind: DiscordFailure; code: number | null; message: string } {
  if (isDiscordApiError(err)) {
    const code = typeof err.code === 'number' ? err.code : null;
    if (code !== null && UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', code, message: `${err.message} (${code})` };
    if (err.status === 401) return { kind: 'unreachable', code, message: 'the bot token was rejected (401)' };
    if (err.status >= 500) return { kind: 'transient', code, message: err.message };
    return { kind: 'invalid', code, message: `${err.message}${code !== null ? ` (${code})` : ''}` };
  }
  if (isHttpError(err)) return { kind: 'transient', code: null, message: `HTTP ${err.status} ${err.message}` };
  return { kind: 'transient', code: null, message: (err as Error)?.message ?? String(err) };
}

/** What the Discord targets tell delivery about a failed post (src/notify reads no Discord errors). */
export function discordFailure(err: unknown): DeliveryFailure {
  const { kind, message } = classifyDiscordError(err);
  return { kind, message };
}
