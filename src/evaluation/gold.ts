import { z } from 'zod';
import { newsItemFromGold } from './gold-item.js';
import type { NewsItem } from '../core/change.js';
import { parseJsonlWith } from '../core/jsonl.js';

/** One change as ../shared/eval/GUIDE.md writes it. `person` is null when the item names nobody. */
export const GoldChangeSchema = z.looseObject({
  person: z.string().nullable(),
  aliases: z.array(z.string()).optional(),
  direction: z.enum(['in', 'out']),
  role: z.string().nullable().optional(),
  organization: z.string().nullable().optional(),
  organizationAliases: z.array(z.string()).optional(),
  interim: z.boolean().optional(),
  /** merge-dev.jsonl only: changes with one id are one real-world event. */
  event: z.string().optional(),
});
export type GoldItemChange = z.infer<typeof GoldChangeSchema>;

export const GoldItemSchema = z.looseObject({
  id: z.string().min(1),
  kind: z.enum(['headline', 'summary', 'article']).optional(),
  title: z.string(),
  summary: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  feed: z.string().nullable().optional(),
  changes: z.array(GoldChangeSchema).default([]),
});
export type GoldItem = z.infer<typeof GoldItemSchema>;

/** A line of a predictions file: `{"id": …, "changes": [ … ]}`; changes are checked by the scorer. */
export const PredictionLineSchema = z.looseObject({
  id: z.string(),
  changes: z.array(z.unknown()).default([]),
});

export { JsonlError } from '../core/jsonl.js';

/** Parses JSON Lines of gold items (or, given a schema, of anything) naming `where:line` on error. */
export function parseJsonl<T>(text: string, where: string, schema: z.ZodType<T>): T[];
export function parseJsonl(text: string, where: string): GoldItem[];
export function parseJsonl(text: string, where: string, schema: z.ZodType = GoldItemSchema): unknown[] {
  return parseJsonlWith(text, where, schema);
}

export const goldItemToNewsItem = (item: GoldItem): NewsItem => newsItemFromGold(item);
