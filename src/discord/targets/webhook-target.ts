import { WebhookClient } from 'discord.js';
import type { Alert, AlertTarget } from '../../notify/alert.js';
import type { CircuitBreaker } from '../../notify/circuit-breaker.js';
import { watchResponses } from './channel-target.js';
import { renderEmbed } from './embed.js';
import { discordFailure } from './errors.js';
import { targetId } from '../../notify/target-id.js';
import { parseWebhookUrl } from './webhook-url.js';

/** Posts to one webhook, on the host its URL names (discord.com, a compatible server, a test emulator). */
export function createWebhookTarget(url: string, breaker?: CircuitBreaker): AlertTarget & { destroy(): void } {
  const parts = parseWebhookUrl(url);
  const client = new WebhookClient({ id: parts.id, token: parts.token }, { rest: { api: parts.apiBase } });
  watchResponses(client.rest, breaker);
  return {
    // The id, never the token: target ids end up in the database and in logs.
    id: targetId({ kind: 'webhook', webhookId: parts.id }),
    async send(alert: Alert) {
      const msg = await client.send({ embeds: [renderEmbed(alert)], allowedMentions: { parse: [] } });
      return msg.id;
    },
    async edit(messageId: string, alert: Alert) {
      await client.editMessage(messageId, { embeds: [renderEmbed(alert)], allowedMentions: { parse: [] } });
    },
    payload: renderEmbed,
    failure: discordFailure,
    destroy: () => client.destroy(),
  };
}
