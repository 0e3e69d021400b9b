import { createHash } from 'node:crypto';
import type { REST } from 'discord.js';
import type { Alert, AlertTarget, SendContext } from '../../notify/alert.js';
import type { CircuitBreaker } from '../../notify/circuit-breaker.js';
import { renderEmbed, renderMessage } from './embed.js';
import { discordFailure } from './errors.js';
import { targetId } from '../../notify/target-id.js';

/**
 * Discord keeps a message nonce unique per channel for a few minutes when enforce_nonce is set:
 * a retry after a crash between "posted" and "recorded" gets the first message back, not a second.
 */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 25);
}

/** Posts to one channel through the bot's REST client (no gateway needed just to post). */
export function createChannelTarget(rest: REST, channelId: string): AlertTarget {
  return {
    id: targetId({ kind: 'channel', channelId }),
    dedupes: true,
    async send(alert: Alert, context?: SendContext) {
      const body = { ...renderMessage(alert), ...(context ? { nonce: nonceFor(context.idempotencyKey), enforce_nonce: true } : {}) };
      const msg = (await rest.post(`/channels/${channelId}/messages`, { body })) as { id: string };
      return msg.id;
    },
    async edit(messageId: string, alert: Alert) {
      await rest.patch(`/channels/${channelId}/messages/${messageId}`, { body: renderMessage(alert) });
    },
    payload: renderEmbed,
    failure: discordFailure,
  };
}

/** Feeds every response status to the breaker (401/403/429 count as invalid requests). */
export function watchResponses(rest: REST, breaker: CircuitBreaker | undefined): void {
  if (!breaker) return;
  rest.on('response', (_request, response) => {
    breaker.record(response.status, response.headers.get('x-ratelimit-scope'));
  });
}
