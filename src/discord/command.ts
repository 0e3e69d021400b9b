import type {
  AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from '../core/log.js';
import type { ChangeStore } from '../ports/changes.js';
import type { DeliveryStore } from '../ports/deliveries.js';
import type { EventStore } from '../ports/events.js';
import type { FeedStore } from '../ports/feeds.js';
import type { ItemStore } from '../ports/items.js';
import type { SecFilingStore } from '../ports/sec-filings.js';
import type { SubscriptionStore } from '../ports/subscriptions.js';
import type { RecordsQuery } from '../timeline/records-query.js';
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
  /** Stored events as change records, when the event store is there: /timeline and exports. */
  records?: RecordsQuery | null;
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
