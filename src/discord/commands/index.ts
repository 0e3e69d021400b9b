import type { SlashCommand } from '../command.js';
import { changesCommand } from './changes.js';
import { feedsCommand } from './feeds.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { timelineCommand } from './timeline.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { whyCommand } from './why.js';

/** Every slash command: what deploy-commands registers and the dispatcher routes to. */
export const commands: readonly SlashCommand[] = [
  changesCommand,
  timelineCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  feedsCommand,
  whyCommand,
];
