import { z } from 'zod';
import { DirectionSchema, ReasonSchema, RoleCategorySchema, CounterpartSchema } from '../change.js';

/** The regulatory filing a report is (an SEC Form 8-K), when it is one rather than news. */
export const FilingRefSchema = z.object({
  form: z.string(),
  accession: z.string(),
  /** ISO date the filing was filed. */
  filed: z.string().nullable(),
  /** The items it reports ("5.02", "9.01"). */
  items: z.array(z.string()),
});
export type FilingRef = z.infer<typeof FilingRefSchema>;

/** One report of an event: which item said so, where, when, and in which words. */
export const EventSourceSchema = z.object({
  itemId: z.string(),
  url: z.string().nullable(),
  feed: z.string().nullable(),
  /** Who published it: the feed, else the link's host, else the item itself. */
  outlet: z.string(),
  /** The item's headline, for the alert's source list. */
  title: z.string().nullable().default(null),
  publishedAt: z.string().nullable(),
  evidence: z.string(),
  confidence: z.number().min(0).max(1),
  /** The names this report used, so that later alias learning can be explained. */
  personName: z.string(),
  roleTitle: z.string(),
  organizationName: z.string(),
  /**
   * The item also reported another post of this person here, as a separate change ("hands the
   * CEO role to Wu and the chair to Tsai"): evidence that two posts are two events.
   */
  separately: z.boolean().default(false),
  /** Set when the report is a filing (source kind 'sec'); null for news. */
  filing: FilingRefSchema.nullable().optional(),
});
export type EventSource = z.infer<typeof EventSourceSchema>;

/** A report that says the event did not (or will not) happen: a denial or a reversal. */
export const ContradictionSchema = z.object({
  kind: z.enum(['denial', 'reversal']),
  itemId: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  evidence: z.string(),
  /** For a reversal, the event that reverses this one. */
  eventId: z.string().nullable(),
});
export type Contradiction = z.infer<typeof ContradictionSchema>;

/**
 * One person making one move: in or out of one post at one organisation on one occasion,
 * however many outlets report it and in whatever words.
 */
export const ChangeEventSchema = z.object({
  id: z.string(),
  person: z.object({
    /** The fullest name reported (what alerts show). */
    name: z.string(),
    /** Every name any report used for this person, including learned aliases. */
    names: z.array(z.string()),
  }),
  direction: DirectionSchema,
  interim: z.boolean(),
  role: z.object({
    title: z.string(),
    categories: z.array(RoleCategorySchema),
  }),
  organization: z.object({
    name: z.string(),
    parent: z.string().nullable(),
    names: z.array(z.string()),
  }),
  effectiveDate: z.string().nullable(),
  reason: ReasonSchema.nullable(),
  counterpart: CounterpartSchema.nullable(),
  destination: z.string().nullable(),
  /** Publication time of the earliest and the latest report (ISO). */
  firstSeen: z.string(),
  lastSeen: z.string(),
  sources: z.array(EventSourceSchema),
  /** Corroborated confidence: rises with independent outlets. */
  confidence: z.number().min(0).max(1),
  contradictions: z.array(ContradictionSchema),
  /** Set when a later report showed that this event and another were one: read that one. */
  mergedInto: z.string().nullable(),
  /**
   * released: alerted (later reports edit that alert); held: waiting for a second source;
   * suppressed: recorded without alerting (a feed's first poll), so later reports stay quiet too.
   */
  alertState: z.enum(['released', 'held', 'suppressed']),
  /** Bumped on every change of the event, so an alert edit can tell it is stale. */
  revision: z.number().int(),
});
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

export interface EventOptions {
  /** Longest gap between two reports of one event (days); counted from the effective date too. */
  windowDays: number;
  /** Events below this confidence wait for a second source before they alert (0: never hold). */
  holdBelowConfidence: number;
}

export const DEFAULT_EVENT_OPTIONS: EventOptions = { windowDays: 14, holdBelowConfidence: 0 };
