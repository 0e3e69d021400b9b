import type {
  AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from '../core/log.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DeliveryStore } from '../store/delivery-store.js';
import type { EventStore } from '../store/event-store.js';
import type { FeedStore } from '../store/feed-store.js';
import type { ItemStore } from '../store/item-store.js';
import type { SecFilingStore } from '../store/sec-filing-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { FeedChecker } from './feed-check.js';
import type { Lookup } from './lookup.js';
import type { PageCache } from './paging.js';

/** Everything a command may read or change; built once in src/main.ts. */
export interface CommandContext {
  lookup: Lookup;
  subscriptions: SubscriptionStore;
  feeds: FeedStore;
  items: ItemStore;
  changes: ChangeStore;
  deliveries: DeliveryStore;
  /** Merged events: what /why explains alerts by. */
  events: Pick<EventStore, 'eventsForItem'>;
  checkFeed: FeedChecker;
  pages: PageCache;
  logger: Logger;
  now: () => Date;
  /** Changes below this confidence are stored but do not alert (what /why explains). */
  minConfidence: number;
  /** SEC filings the EDGAR source read, when it is set up: /why explains filings too. */
  filings?: Pick<SecFilingStore, 'get' | 'byItem'> | null;
}

export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Buttons whose custom id starts with "<command name>:"; `args` is the rest, split on ':'. */
  button?(interaction: ButtonInteraction, ctx: CommandContext, args: string[]): Promise<void>;
}

/** A problem the user can fix: shown to them (ephemeral) as it is, never logged as a failure. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
