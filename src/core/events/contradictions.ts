import type { NewsItem } from '../change.js';
import { findDenialSentences } from './denials.js';
import { foldedWords } from './matcher.js';
import type { ChangeEvent } from './model.js';
import type { OrgRelation } from './organizations.js';
import { bestNameMatch, identityNames, NameMatch, nameTokens, personWords, significantWords } from './person-names.js';
import type { Report } from './report.js';
import type { EventRepository } from './repository.js';

// A user told about an event must learn when an outlet disputes it: a denial in a later item, or
// the opposite move at the same post within the window (a reversal). Both are noted on the event.

export interface ContradictionDeps {
  repository: EventRepository;
  windowMs: number;
  save: (event: ChangeEvent) => Promise<void>;
  /** The two events are at one organisation. */
  relateEvents: (a: ChangeEvent, b: ChangeEvent) => OrgRelation;
  /** The two events are about one post. */
  samePostEvents: (a: ChangeEvent, b: ChangeEvent) => boolean;
}

type Item = Pick<NewsItem, 'id'> & Partial<NewsItem>;
const itemText = (item: Item): string => [item.title, item.summary, item.content].filter(Boolean).join('\n');

export function createContradictionNotes(deps: ContradictionDeps) {
  const { repository, windowMs, save, relateEvents, samePostEvents } = deps;

  /** Notes on stored events of the opposite move that `event` (just created from `r`) reverses. */
  const noteReversal = async (event: ChangeEvent, r: Report): Promise<ChangeEvent[]> => {
    const opposite = r.change.direction === 'in' ? 'out' : 'in';
    const since = new Date(r.atMs - windowMs).toISOString();
    const noted: ChangeEvent[] = [];
    for (const other of await repository.findCandidates({ tokens: r.expanded.flatMap(nameTokens), since, direction: opposite })) {
      if (other.mergedInto || other.interim !== r.interim || relateEvents(other, event) !== 'same') continue;
      if (!samePostEvents(other, event)) continue;
      if (bestNameMatch(r.expanded, identityNames(other.person.names)) < NameMatch.Contained) continue;
      if (other.contradictions.some((x) => x.eventId === event.id)) continue;
      const updated: ChangeEvent = {
        ...other,
        contradictions: [...other.contradictions, {
          kind: 'reversal', itemId: r.change.source.itemId, url: r.change.source.url,
          publishedAt: r.change.source.publishedAt, evidence: r.change.evidence, eventId: event.id,
        }],
        revision: other.revision + 1,
      };
      await save(updated);
      noted.push(updated);
    }
    return noted;
  };

  /** Notes the item's denials on the stored events they name. */
  const noteDenials = async (item: Item, atMs: number): Promise<ChangeEvent[]> => {
    const text = itemText(item);
    const noted: ChangeEvent[] = [];
    const since = new Date(atMs - windowMs).toISOString();
    const itemWords = foldedWords(text);
    for (const sentence of findDenialSentences(text)) {
      const words = personWords(sentence);
      for (const event of await repository.findCandidates({ tokens: [...new Set(significantWords(words).flatMap(nameTokens))], since })) {
        if (event.mergedInto || event.contradictions.some((x) => x.itemId === item.id)) continue;
        if (event.sources.some((s) => s.itemId === item.id)) continue;
        const people = identityNames(event.person.names);
        // The full name in the denial, or the surname there and the organisation in the item.
        const full = people.some((n) => {
          const sig = significantWords(personWords(n));
          return sig.length >= 2 && sig.every((w) => words.includes(w));
        });
        const surnameAndOrg = people.some((n) => {
          const last = significantWords(personWords(n)).at(-1);
          return last !== undefined && words.includes(last);
        }) && event.organization.names.some((o) => {
          const ow = personWords(o);
          return ow.length > 0 && itemWords.includes(` ${ow.join(' ')} `);
        });
        if (!full && !surnameAndOrg) continue;
        const updated: ChangeEvent = {
          ...event,
          contradictions: [...event.contradictions, {
            kind: 'denial', itemId: item.id, url: item.url ?? null, publishedAt: item.publishedAt ?? null,
            evidence: sentence, eventId: null,
          }],
          revision: event.revision + 1,
        };
        await save(updated);
        noted.push(updated);
      }
    }
    return noted;
  };

  return { noteReversal, noteDenials };
}
