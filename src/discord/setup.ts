import type { Logger } from '../core/log.js';
import type { FeedReader } from '../feeds/types.js';
import type { ChangeStore } from '../ports/changes.js';
import type { DeliveryStore } from '../ports/deliveries.js';
import type { EventStore } from '../ports/events.js';
import type { FeedStore } from '../ports/feeds.js';
import type { ItemStore } from '../ports/items.js';
import type { SecFilingStore } from '../ports/sec-filings.js';
import type { SubscriptionStore } from '../ports/subscriptions.js';
import type { RecordsQuery } from '../timeline/records-query.js';
import { createDiscordBot, type DiscordBot } from './client.js';
import type { CommandContext, SlashCommand } from './command.js';
import { commands as allCommands } from './commands/index.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { createFeedChecker, type AddressGuard } from './feed-check.js';
import { createEventLookupAdapter, type Lookup } from './lookup.js';
import { createPageCache } from './paging.js';

export interface DiscordSetupDeps {
  token: string;
  apiBase: string;
  stores: { feeds: FeedStore; items: ItemStore; changes: ChangeStore; deliveries: DeliveryStore; subscriptions: SubscriptionStore; events: EventStore; filings?: SecFilingStore; records?: RecordsQuery };
  reader: FeedReader;
  guard: AddressGuard;
  logger: Logger;
  now: () => Date;
  minConfidence: number;
  /** Defaults to the stored events, what the pipeline writes. */
  lookup?: Lookup;
  commands?: readonly SlashCommand[];
  /** See DispatcherOptions: tests shorten it. */
  autocompleteDeadlineMs?: number;
  /** Gateway shards (discord.shards): null or unset for one. */
  shards?: 'auto' | number | null;
}

/** The gateway bot with its commands, dispatcher and their context, ready to start. */
export function createDiscordApp(deps: DiscordSetupDeps): { bot: DiscordBot; dispatcher: Dispatcher; context: CommandContext } {
  const context: CommandContext = {
    lookup: deps.lookup ?? createEventLookupAdapter(deps.stores.events, deps.now),
    events: deps.stores.events,
    subscriptions: deps.stores.subscriptions,
    feeds: deps.stores.feeds,
    items: deps.stores.items,
    changes: deps.stores.changes,
    deliveries: deps.stores.deliveries,
    checkFeed: createFeedChecker({ reader: deps.reader, guard: deps.guard }),
    pages: createPageCache(),
    logger: deps.logger,
    now: deps.now,
    minConfidence: deps.minConfidence,
    filings: deps.stores.filings ?? null,
    records: deps.stores.records ?? null,
  };
  const dispatcher = createDispatcher(deps.commands ?? allCommands, context, { autocompleteDeadlineMs: deps.autocompleteDeadlineMs });
  const inner = createDiscordBot({ token: deps.token, apiBase: deps.apiBase, dispatcher, logger: deps.logger, shards: deps.shards });
  const bot: DiscordBot = {
    ...inner,
    async start() {
      await inner.start();
      // Build the autocomplete name index now: Discord drops an autocomplete answer after 3 s.
      await context.lookup.suggest('person', '', 1);
    },
  };
  return { bot, dispatcher, context };
}
