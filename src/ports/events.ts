// Merged events: the merger's repository and the read queries the slash commands use.

import type { Direction } from '../core/change.js';
import type { ChangeEvent, EventRepository } from '../core/events/index.js';

export interface EventPageRequest {
  limit?: number;
  offset?: number;
}

export interface EventFilter extends EventPageRequest {
  days?: number;
  company?: string;
  person?: string;
  role?: string;
  direction?: Direction;
  /** The clock `days` counts back from. */
  now?: Date;
}

export interface EventPage {
  events: ChangeEvent[];
  /** Matching events, counted up to 1,000 (then `totalCapped`). */
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
}

export interface NameSuggestion {
  name: string;
  events: number;
}

export interface EventStore extends EventRepository {
  recentEvents(filter?: EventFilter): Promise<EventPage>;
  suggestOrganizations(query: string, limit?: number): Promise<NameSuggestion[]>;
  suggestPeople(query: string, limit?: number): Promise<NameSuggestion[]>;
  eventsForItem(ref: { itemId?: string; url?: string }): Promise<ChangeEvent[]>;
}
