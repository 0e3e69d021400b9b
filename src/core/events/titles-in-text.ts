import { foldLatin } from './fold.js';
import { relateOrganizations, type UnitBook } from './organizations.js';
import type { Report } from './report.js';
import { titlesInOnePhrase } from './roles.js';

// How the evidence words a report's title: as one phrase with another title, as a post of the
// report's own organisation, or as the person's title somewhere else.

// "… of Starbucks", "… at the cloud unit" after a title: whose post it is.
const PLACE = /^\s*(?:of|at)\s+(?:the\s+)?([a-z0-9][a-z0-9 .&'-]*)/;

// The organisation a folded text names right after a title, if any.
const placeAfter = (after: string): string | undefined => PLACE.exec(after)?.[1]?.split(/[,;:()]/)[0]?.trim();

const relation = (place: string, r: Report, units: UnitBook) =>
  relateOrganizations({ names: [place], parent: null }, { names: [r.org.name], parent: r.org.parent }, units);

/**
 * Two reports' titles given as one phrase in their evidence, said of their organisation ("chairman
 * and CEO" of Starbucks, not "chairman and CEO of the cloud unit" beside a change at the parent).
 */
export function inOnePhrase(a: Report, b: Report, units: UnitBook): boolean {
  const evidence = a.change.evidence === b.change.evidence ? a.change.evidence : `${a.change.evidence}\n${b.change.evidence}`;
  return titlesInOnePhrase(evidence, a.change.role.title, b.change.role.title).some((after) => {
    const place = placeAfter(after);
    if (!place) return true;
    const r = relation(place, a, units);
    return r !== 'unit' && r !== 'sibling';
  });
}

/**
 * Whether the report's title stands in its evidence as a post of its own organisation (the
 * item states two posts: "founder and chairman Boyd Jefferies has resigned … as chief
 * executive"), rather than as the person's title elsewhere ("Yaccarino, chairman of global
 * advertising at NBCUniversal, will run Twitter") or not at all: an extractor's reading then,
 * weighed beside the other post until outlets establish it.
 */
export function statedForItsOrganization(r: Report, units: UnitBook): boolean {
  const title = foldLatin(r.change.role.title).trim();
  const text = foldLatin(r.change.evidence);
  if (title.length < 2) return false;
  for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
    const place = placeAfter(text.slice(at + title.length, at + title.length + 80));
    if (!place) return true;
    const rel = relation(place, r, units);
    if (rel === 'same' || rel === 'unit') return true;
  }
  return false;
}
