import { z } from 'zod';
import {
  DirectionSchema,
  ReasonSchema,
  type LeadershipChange,
  type NewsItem,
} from '../core/change.js';
import { primaryRoleCategory } from '../core/roles.js';

// The change model in the shape OpenAI's strict Structured Outputs accept: every field required,
// absent values null, no length or pattern keywords (strict mode rejects several of them; the
// checks happen after parsing instead). `source` and `confidence` are not asked of the model:
// the item gives the first and grounding decides the second.
export const LlmChangeSchema = z.object({
  person: z.string().describe('Full name of the person as the item gives it.'),
  personAliases: z.array(z.string()).describe('Other names the item uses for the same person (no pronouns).'),
  direction: DirectionSchema.describe('"in": takes up the post; "out": leaves it.'),
  role: z.string().describe('The title as written in the item, e.g. "chief financial officer".'),
  organization: z.string().describe('The organisation or unit that holds the post, as the item names it.'),
  parentOrganization: z.string().nullable().describe('The parent company when the post is in a unit, else null.'),
  interim: z.boolean().describe('True for acting or interim posts.'),
  effectiveDate: z.string().nullable().describe('YYYY-MM-DD when the item gives the exact date, else null.'),
  reason: ReasonSchema.nullable(),
  counterpart: z
    .object({
      name: z.string(),
      relation: z.enum(['succeeds', 'succeeded_by']),
    })
    .nullable()
    .describe('The predecessor ("succeeds") or successor ("succeeded_by") the item names, else null.'),
  destination: z.string().nullable().describe('Where a departing person goes, when the item says, else null.'),
  evidence: z.string().describe('The sentence or sentences of the item text that report the change, copied exactly.'),
});
export type LlmChange = z.infer<typeof LlmChangeSchema>;

export const LlmExtractionSchema = z.object({
  changes: z.array(LlmChangeSchema),
});
export type LlmExtraction = z.infer<typeof LlmExtractionSchema>;

/** The name the schema goes by in `response_format`. */
export const LLM_SCHEMA_NAME = 'leadership_changes';

/** Confidence of a change that the model reported and grounding confirmed. */
export const LLM_CHANGE_CONFIDENCE = 0.9;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cleanName(s: string | null | undefined): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/** Maps a grounded model change onto the project's change model for one item. */
export function toLeadershipChange(c: LlmChange, item: NewsItem): LeadershipChange {
  const name = cleanName(c.person);
  const aliases = [...new Set(c.personAliases.map(cleanName))].filter((a) => a && a !== name);
  const date = c.effectiveDate && ISO_DATE.test(c.effectiveDate.trim()) ? c.effectiveDate.trim() : null;
  const counterpartName = cleanName(c.counterpart?.name);
  const parent = cleanName(c.parentOrganization);
  const destination = cleanName(c.destination);
  const role = cleanName(c.role);
  return {
    person: { name, aliases },
    organization: { name: cleanName(c.organization), parent: parent || null },
    role: { title: role, category: primaryRoleCategory(role) },
    direction: c.direction,
    interim: c.interim,
    effectiveDate: date,
    reason: c.reason,
    counterpart: c.counterpart && counterpartName ? { name: counterpartName, relation: c.counterpart.relation } : null,
    destination: destination || null,
    evidence: c.evidence,
    confidence: LLM_CHANGE_CONFIDENCE,
    source: { itemId: item.id, url: item.url, feed: item.feed, publishedAt: item.publishedAt },
  };
}
