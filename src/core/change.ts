import { z } from 'zod';

/** Role categories exactly as ../shared/eval/GUIDE.md scores them. */
export const ROLE_CATEGORIES = [
  'CEO', 'President', 'Chair', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'CPO', 'CISO',
  'Chief-other', 'Board', 'General counsel', 'VP', 'Head', 'Founder', 'Other',
] as const;
export const RoleCategorySchema = z.enum(ROLE_CATEGORIES);
export type RoleCategory = z.infer<typeof RoleCategorySchema>;

export const DIRECTIONS = ['in', 'out'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

export const REASONS = [
  'resigned', 'retired', 'fired', 'promoted', 'reassigned', 'hired', 'elected', 'died', 'other',
] as const;
export const ReasonSchema = z.enum(REASONS);
export type Reason = z.infer<typeof ReasonSchema>;

export const PersonSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
});

export const OrganizationSchema = z.object({
  name: z.string().min(1),
  /** The parent company when the post is in a unit (AWS -> Amazon). */
  parent: z.string().nullable(),
});

export const RoleSchema = z.object({
  title: z.string().min(1),
  category: RoleCategorySchema,
});

export const CounterpartSchema = z.object({
  name: z.string().min(1),
  relation: z.enum(['succeeds', 'succeeded_by']),
});

export const ChangeSourceSchema = z.object({
  itemId: z.string(),
  url: z.string().nullable(),
  feed: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const LeadershipChangeSchema = z.object({
  person: PersonSchema,
  organization: OrganizationSchema,
  role: RoleSchema,
  direction: DirectionSchema,
  interim: z.boolean(),
  /** ISO date (YYYY-MM-DD) when the item gives one. */
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  reason: ReasonSchema.nullable(),
  counterpart: CounterpartSchema.nullable(),
  /** Where a departing person goes next. */
  destination: z.string().nullable(),
  /** The verbatim sentence or sentences of the item that report the change. */
  evidence: z.string().min(1),
  confidence: z.number().min(0).max(1),
  source: ChangeSourceSchema,
});
export type LeadershipChange = z.infer<typeof LeadershipChangeSchema>;

/** The news item as the core sees it: already normalised, no HTML. */
export const NewsItemSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().nullable(),
  content: z.string().nullable(),
  url: z.string().nullable(),
  feed: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type NewsItem = z.infer<typeof NewsItemSchema>;

/** What every extractor (built-in, LLM) offers the pipeline. */
export interface Extractor {
  readonly name: string;
  extract(item: NewsItem): Promise<LeadershipChange[]>;
}

/** A change in the gold format of ../shared/eval/GUIDE.md (what `extract --jsonl` prints). */
export interface GoldChange {
  person: string;
  aliases: string[];
  direction: Direction;
  role: string;
  organization: string;
  organizationAliases: string[];
  interim: boolean;
}

export function toGoldChange(change: LeadershipChange): GoldChange {
  return {
    person: change.person.name,
    aliases: change.person.aliases,
    direction: change.direction,
    role: change.role.title,
    organization: change.organization.name,
    organizationAliases: change.organization.parent ? [change.organization.parent] : [],
    interim: change.interim,
  };
}
