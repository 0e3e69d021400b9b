import { WebhookClient } from 'discord.js';
import type { Alert, AlertTarget } from './alert.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { watchResponses } from './discord-channel-target.js';
import { renderEmbed } from './embed.js';

export interface WebhookParts { id: string; token: string }

/** WebhookClient({ url }) accepts only discord.com URLs, so the id and token are read here. */
export function parseWebhookUrl(url: string): WebhookParts {
  const m = /\/webhooks\/(\d+)\/([\w-]+)\/?(?:\?.*)?$/.exec(url);
  if (!m) throw new Error('DISCORD_WEBHOOK_URL: expected a URL ending in /webhooks/<id>/<token>');
  return { id: m[1]!, token: m[2]! };
}

export function splitWebhookUrls(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

export function createWebhookTarget(url: string, apiBase: string, breaker?: CircuitBreaker): AlertTarget & { destroy(): void } {
  const parts = parseWebhookUrl(url);
  const client = new WebhookClient(parts, { rest: { api: apiBase } });
  watchResponses(client.rest, breaker);
  return {
    // The id, never the token: target ids end up in the database and in logs.
    id: `webhook:${parts.id}`,
    async send(alert: Alert) {
      const msg = await client.send({ embeds: [renderEmbed(alert)], allowedMentions: { parse: [] } });
      return msg.id;
    },
    async edit(messageId: string, alert: Alert) {
      await client.editMessage(messageId, { embeds: [renderEmbed(alert)], allowedMentions: { parse: [] } });
    },
    destroy: () => client.destroy(),
  };
}
