// What execwatch needs of discord.js, behind one module that is imported only when Discord is
// configured: loading discord.js costs about 50 MB and a second of start-up.
import { createDiscordApp } from './setup.js';
import { createBotRest } from './targets/rest.js';
import { createWebhookTarget } from './targets/webhook-target.js';

export { createBotRest, createDiscordApp, createWebhookTarget };

export interface DiscordKit {
  createDiscordApp: typeof createDiscordApp;
  createBotRest: typeof createBotRest;
  createWebhookTarget: typeof createWebhookTarget;
}
