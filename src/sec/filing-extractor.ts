import { LeadershipChangeSchema, type Extractor, type LeadershipChange, type NewsItem } from '../core/change.js';
import { HONORIFICS, sameName } from '../core/names.js';
import { primaryRoleCategory } from '../core/roles.js';
import type { FilingAnalysis } from './analyse.js';
import { sameCompany } from './company.js';
import { organisationFor, readFilingChanges, type FilingChange } from './filing-rules.js';

/** Where the filing came from, as the changes' source. */
export interface FilingSource {
  itemId: string;
  url: string | null;
  feed: string | null;
}

/** A change read by the filing rules: the filing is the company's own word, so it is trusted. */
const RULE_CONFIDENCE = 0.9;

function fromRule(c: FilingChange, analysis: FilingAnalysis, source: FilingSource & { publishedAt: string | null }): LeadershipChange | null {
  const organization = organisationFor(c, analysis.organization);
  if (!organization) return null;
  return LeadershipChangeSchema.parse({
    person: { name: c.person, aliases: [] },
    organization,
    role: { title: c.role, category: primaryRoleCategory(c.role) },
    direction: c.direction,
    interim: c.interim,
    effectiveDate: c.effectiveDate,
    reason: c.reason,
    counterpart: c.counterpart,
    destination: null,
    evidence: c.evidence,
    confidence: RULE_CONFIDENCE,
    source,
  });
}

/**
 * The general extractor names organisations from news headlines; in a filing the post is the
 * registrant's unless the sentence names a unit of it ("CEO of Consumer & Community Banking").
 */
function attribute(change: LeadershipChange, company: string | null): LeadershipChange {
  if (!company) return change;
  const org = change.organization.name;
  const unit = !sameCompany(org, company) && new RegExp(`\\bof (?:the )?${org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(change.evidence) && /^\p{Lu}/u.test(org) && org.split(/\s+/).length > 1;
  return unit
    ? { ...change, organization: { name: org, parent: change.organization.parent ?? company } }
    : { ...change, organization: { name: company, parent: null } };
}

/**
 * The changes an Item 5.02 section reports: the configured extractor's reading of the prepared
 * prose, joined with the filing rules' (a rule's reading of a person's move wins over the
 * general extractor's), every post attributed to the registrant or its named unit.
 */
export async function extractFilingChanges(analysis: FilingAnalysis, extractor: Extractor | null, source: FilingSource): Promise<LeadershipChange[]> {
  if (!analysis.prepared) return [];
  // A bare document has no filing date: its cover's date of report dates the news instead.
  const when = analysis.filed ?? analysis.reportDate;
  const item: NewsItem = { id: source.itemId, title: '', summary: null, content: analysis.prepared, url: source.url, feed: source.feed, publishedAt: when };
  const general = extractor ? await extractor.extract(item) : [];
  const rules = readFilingChanges(analysis.prepared, { filed: when })
    .map((c) => fromRule(c, analysis, { ...source, publishedAt: when }))
    .filter((c): c is LeadershipChange => c !== null);
  const out = [...rules];
  // The general extractor reads "Acme Foods, Inc.’s Senior Vice President …" as a person at times.
  const notAPerson = (name: string): boolean =>
    (analysis.organization !== null && sameCompany(name, analysis.organization)) || /\b(?:Inc|Corp|Co|LLC|Ltd|Company|Corporation|Foods|Bank)\.?$/.test(name);
  for (const g of general.filter((c) => !notAPerson(c.person.name)).map((c) => attribute(c, analysis.organization))) {
    const covered = out.some((r) => r.direction === g.direction && sameName(r.person.name, g.person.name, HONORIFICS));
    if (!covered) out.push({ ...g, source: { ...g.source, ...source, publishedAt: when } });
  }
  return out;
}
