import { z } from 'zod';
import { DirectionSchema, RoleCategorySchema } from '../core/change.js';

// What timelines, digests and exports read from the store: one stored change event, reduced to
// the fields a person looks at. Any store (SQLite today, Postgres later) can produce it, and
// changeRecordFromEvent does so from today's ChangeEvent.

const IsoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const InstantSchema = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO date-time');

/** One report of a change, as far as a reader needs it: where to click. */
export const SourceRefSchema = z.object({
  url: z.string().nullable(),
  /** Who published it (feed title or host); shown as the link text. */
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ChangeRecordSchema = z.object({
  id: z.string().min(1),
  person: z.string().min(1),
  direction: DirectionSchema,
  role: z.object({
    title: z.string().min(1),
    /** Role categories (src/core/roles.ts); empty means "derive them from the title". */
    categories: z.array(RoleCategorySchema),
  }),
  organization: z.string().min(1),
  interim: z.boolean(),
  /** The day the change takes (or took) effect, when a report said so. */
  effectiveDate: IsoDaySchema.nullable(),
  /** When the change was first reported (publication time of the earliest report). */
  firstReported: InstantSchema,
  sources: z.array(SourceRefSchema),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/** The UTC day of an instant, or null for a string that is not a date. */
export function utcDay(instant: string): string | null {
  const t = Date.parse(instant);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

/**
 * The day the change happened as far as the reports tell: the effective date when one was
 * given, else the day it was first reported.
 */
export function changeDay(record: ChangeRecord): { day: string; basis: 'effective' | 'reported' } {
  if (record.effectiveDate) return { day: record.effectiveDate, basis: 'effective' };
  return { day: utcDay(record.firstReported) ?? '1970-01-01', basis: 'reported' };
}
