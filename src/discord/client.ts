import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../core/log.js';
import type { Dispatcher } from './dispatcher.js';

export interface DiscordBot {
  readonly client: Client;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
  isReady(): boolean;
}

/**
 * The gateway bot: only the Guilds intent (no privileged intents — it reads no messages), and a
 * client-wide "never ping" default on top of the one every message sets.
 */
export function createDiscordBot(deps: { token: string; apiBase: string; dispatcher: Dispatcher; logger: Logger; shards?: 'auto' | number | null }): DiscordBot {
  // Sharding (discord.js's internal sharding, one process): 'auto' asks Discord how many shards
  // the bot's guild count needs; a number fixes it. Unset: one shard (up to 2,500 guilds).
  const shards = deps.shards === 'auto' ? 'auto' : deps.shards ? Array.from({ length: deps.shards }, (_, i) => i) : undefined;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards ? { shards, ...(shards !== 'auto' ? { shardCount: shards.length } : {}) } : {}),
    rest: { api: deps.apiBase },
    allowedMentions: { parse: [] },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void deps.dispatcher.handle(interaction).catch((err: Error) => deps.logger.error({ err: err.message }, 'interaction handling failed'));
  });
  client.on(Events.Error, (err) => deps.logger.warn({ err: err.message }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => deps.logger.warn({ code: event.code, shard }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => deps.logger.info({ shard }, 'discord gateway reconnecting'));
  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(deps.token);
      await ready;
      deps.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
    },
    async stop() {
      await client.destroy();
    },
    isReady: () => client.isReady(),
  };
}
