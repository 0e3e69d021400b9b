import { z } from 'zod';
import { newsItemFromGold } from './gold-item.js';
import { DirectionSchema, type LeadershipChange, type NewsItem } from '../core/change.js';
import { parseJsonlWith } from '../core/jsonl.js';
import { primaryRoleCategory } from '../core/roles.js';
import { namesPartOf, orgWords } from '../core/events/organizations.js';
import { personWords, significantWords } from '../core/events/person-names.js';

/** A change as ../shared/eval/GUIDE.md writes it, with the `event` id of merge-dev.jsonl. */
export const GoldEventChangeSchema = z.object({
  person: z.string().nullable(),
  aliases: z.array(z.string()).optional(),
  direction: DirectionSchema,
  role: z.string(),
  organization: z.string(),
  organizationAliases: z.array(z.string()).optional(),
  interim: z.boolean(),
  event: z.string().optional(),
});
export type GoldEventChange = z.infer<typeof GoldEventChangeSchema>;

export const GoldEventItemSchema = z.object({
  id: z.string().min(1),
  kind: z.string().optional(),
  title: z.string(),
  summary: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  changes: z.array(GoldEventChangeSchema).optional(),
  /**
   * The item's changes as an extractor that misreads gives them (a role read twice, a surname
   * alone, the parent for the unit, a denial read as a change): test streams carry it to measure
   * how merging holds up against extraction errors. Absent: the gold changes.
   */
  misread: z.array(GoldEventChangeSchema.omit({ event: true })).optional(),
});
export type GoldEventItem = z.infer<typeof GoldEventItemSchema>;

/** Reads JSON Lines of gold items; a bad line is an error that names it. */
export function parseGoldEventItems(text: string, name = 'input'): GoldEventItem[] {
  return parseJsonlWith(text, name, GoldEventItemSchema);
}

/** Items in published order; items of one day keep their order in the file. */
export function inPublishedOrder<T extends { published?: string | null }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => String(a.item.published ?? '').localeCompare(String(b.item.published ?? '')) || a.i - b.i)
    .map(({ item }) => item);
}

export const goldItemToNewsItem = (item: GoldEventItem): NewsItem => newsItemFromGold(item);

// Sentences of the item; a line break inside a paragraph (wire copy wraps its lines) is a space.
const sentencesOf = (item: GoldEventItem): string[] =>
  [item.title, item.summary, item.content]
    .filter((t): t is string => Boolean(t))
    .flatMap((t) => t.replace(/\s+/g, ' ').split(/(?<=[.!?;])\s/))
    .map((s) => s.trim())
    .filter(Boolean);

// GUIDE.md's organizationAliases mix other names of the same organisation ("Advanced Micro
// Devices" for AMD, "Walt Disney Co" for Disney, "Chipotle" for Chipotle Mexican Grill) with the
// parent of a unit ("Alibaba Group" for Alibaba Cloud). A parent is an alias that is not an
// acronym of the name, does not contain it, and is not a short form of it (a name inside the
// organisation's that is not followed by words naming a part); of several, the shortest.
function parentAmong(organization: string, aliases: readonly string[]): string | null {
  const org = orgWords(organization);
  let best: { name: string; size: number } | null = null;
  for (const alias of aliases) {
    const words = orgWords(alias);
    if (words.length === 0) continue;
    const sameWords = words.length === org.length && words.every((w) => org.includes(w));
    const containsOrg = org.every((w) => words.includes(w));
    const acronym = (a: readonly string[], b: readonly string[]): boolean =>
      a.length === 1 && b.length > 1 && b.map((w) => w[0]).join('') === a[0];
    const shortForm = words.every((w) => org.includes(w)) && !namesPartOf(org, words);
    if (sameWords || containsOrg || shortForm || acronym(words, org) || acronym(org, words)) continue;
    if (!best || words.length < best.size) best = { name: alias, size: words.length };
  }
  return best?.name ?? null;
}

function toChange(item: GoldEventItem, gold: Omit<GoldEventChange, 'person'> & { person: string }, sentences: readonly string[], confidence: number): LeadershipChange {
  const aliases = (gold.aliases ?? []).filter((a) => a !== gold.person);
  const words = new Set(significantWords([gold.person, ...aliases].flatMap(personWords)));
  const mentioning = sentences.filter((s) => personWords(s).some((w) => words.has(w))).slice(0, 3);
  return {
    person: { name: gold.person, aliases },
    organization: { name: gold.organization, parent: parentAmong(gold.organization, gold.organizationAliases ?? []) },
    role: { title: gold.role, category: primaryRoleCategory(gold.role) },
    direction: gold.direction,
    interim: gold.interim,
    effectiveDate: null,
    reason: null,
    counterpart: null,
    destination: null,
    evidence: (mentioning.length ? mentioning.join(' ') : item.title) || item.id,
    confidence,
    source: { itemId: item.id, url: item.url ?? null, feed: null, publishedAt: item.published ?? null },
  };
}

/**
 * The gold changes of an item as the extractor would give them, for developing and testing the
 * merger without extraction errors. Evidence is the item's sentences that name the person (the
 * merger reads effective dates from it); gold changes without a person are skipped.
 */
export function goldChangesOf(item: GoldEventItem, confidence = 0.8): Array<{ change: LeadershipChange; gold: GoldEventChange }> {
  const sentences = sentencesOf(item);
  return (item.changes ?? []).flatMap((gold) =>
    gold.person ? [{ gold, change: toChange(item, { ...gold, person: gold.person }, sentences, confidence) }] : []);
}

/** The item's `misread` changes (its gold changes when it has none), built as `goldChangesOf` builds them. */
export function misreadChangesOf(item: GoldEventItem, confidence = 0.8): LeadershipChange[] {
  if (!item.misread) return goldChangesOf(item, confidence).map((g) => g.change);
  const sentences = sentencesOf(item);
  return item.misread.flatMap((m) => (m.person ? [toChange(item, { ...m, person: m.person }, sentences, confidence)] : []));
}
