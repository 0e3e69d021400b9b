import { REST } from 'discord.js';
import type { CircuitBreaker } from '../../notify/circuit-breaker.js';
import { watchResponses } from './channel-target.js';

/** The bot's REST client, watched by the breaker. */
export function createBotRest(token: string, apiBase: string, breaker?: CircuitBreaker): REST {
  const rest = new REST({ api: apiBase }).setToken(token);
  watchResponses(rest, breaker);
  return rest;
}
