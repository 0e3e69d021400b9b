import { REST, Routes } from 'discord.js';
import type { Alert, AlertTarget } from './alert.js';
import { renderEmbed } from './embed.js';

/** Posts to one channel through the bot's REST client (no gateway needed just to post). */
export function createChannelTarget(rest: REST, channelId: string): AlertTarget {
  return {
    id: `channel:${channelId}`,
    async send(alert: Alert) {
      const msg = (await rest.post(Routes.channelMessages(channelId), {
        body: { embeds: [renderEmbed(alert)], allowed_mentions: { parse: [] } },
      })) as { id: string };
      return msg.id;
    },
    async edit(messageId: string, alert: Alert) {
      await rest.patch(Routes.channelMessage(channelId, messageId), {
        body: { embeds: [renderEmbed(alert)], allowed_mentions: { parse: [] } },
      });
    },
  };
}

export function createBotRest(token: string, apiBase: string): REST {
  return new REST({ api: apiBase }).setToken(token);
}
