import { primaryRoleCategory, roleCategories } from './memo.js';
import { personKey } from './memo.js';
import type { Extractor, LeadershipChange, NewsItem } from '../core/change.js';
import { cleanBody, cleanTitle } from './clean.js';
import { analyse, type Proto } from './engine.js';
import { splitSentences, type Sentence } from './text.js';

export { relevanceScore, isRelevant } from './prefilter.js';
export { htmlToText, cleanTitle, stripFeedBoilerplate } from './clean.js';

/**
 * The default of config `extraction.minConfidence`: changes below it are stored but do not alert
 * (src/pipeline/process-item.ts applies it). Scoring what alerts (eval, quality tests) uses it too.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** The item text extraction reads: cleaned title, then summary and content paragraphs. */
export function itemText(item: NewsItem): { title: string; body: string } {
  const title = cleanTitle(item.title ?? '');
  const summary = cleanBody(item.summary);
  const content = cleanBody(item.content);
  // Feeds often repeat the summary as the content's first paragraph: keep one copy.
  let body = content;
  if (summary && !(content && content.includes(summary.slice(0, 80)))) body = content ? `${summary}\n\n${content}` : summary;
  return { title, body };
}

/** All changes the item reports, with evidence and confidence (no threshold applied). */
export function extractChanges(item: NewsItem): LeadershipChange[] {
  const { title, body } = itemText(item);
  if (!title && !body) return [];
  const { sentences } = splitSentences(title, body);
  const { protos } = analyse(sentences, item.publishedAt);
  const fullText = sentences.map((s) => s.text).join(' ');
  const merged = mergeProtos(protos).filter((p) => !isPublicOffice(p, sentences, fullText) && !isVagueDeath(p));
  return merged.map((p) => toChange(p, sentences, item));
}

/**
 * Only the changes that would alert: what `eval` scores and `extract` prints, as the pipeline
 * alerts them (it stores the others).
 */
export function alertingOnly(extractor: Extractor, minConfidence = DEFAULT_MIN_CONFIDENCE): Extractor {
  return {
    name: extractor.name,
    extract: async (item) => (await extractor.extract(item)).filter((c) => c.confidence >= minConfidence),
  };
}

/** Every change, as `extractChanges`: the pipeline decides which alert (extraction.minConfidence). */
export function createBuiltinExtractor(): Extractor {
  return {
    name: 'builtin',
    extract(item: NewsItem): Promise<LeadershipChange[]> {
      return Promise.resolve(extractChanges(item));
    },
  };
}

const VAGUE = new Set(['Chief-other', 'Other', 'Head']);

function sameRole(a: Proto, b: Proto): boolean {
  if (!a.role || !b.role) return true;
  const x = roleCategories(a.role.title);
  const y = roleCategories(b.role.title);
  for (const c of x) if (y.has(c)) return true;
  // "retail chief" and "senior vice president of retail" at one company: one post, two wordings
  const vague = (s: ReadonlySet<string>): boolean => [...s].every((c) => VAGUE.has(c));
  return (vague(x) || vague(y)) && !x.has('Board') && !y.has('Board') && a.rule !== 'will-lead' && b.rule !== 'will-lead' && a.rule !== 'appointed-to-lead' && b.rule !== 'appointed-to-lead';
}

const RANK: Record<Proto['roleFrom'], number> = { explicit: 4, descriptor: 3, counterpart: 2, implied: 1, none: 0 };

/** One change per person, direction and post; the better-supported reading wins, evidence is pooled. */
function mergeProtos(protos: Proto[]): Proto[] {
  const out: Proto[] = [];
  for (const p of protos) {
    if (!p.role) continue;
    const key = personKey(p.name);
    const alias = (q: Proto): boolean => q.aliases.some((a) => personKey(a) === key) || p.aliases.some((a) => personKey(a) === personKey(q.name));
    // an interim post and a permanent one are different posts
    const sameTenure = (q: Proto): boolean => q.interim === p.interim || q.roleFrom !== 'explicit' || p.roleFrom !== 'explicit';
    // "president of the company and president of Pellmark": two posts, each named by its complement
    const ofWhat = (q: Proto): string => {
      const t = (q.role?.title ?? '').toLowerCase();
      const at = t.indexOf(' of ');
      return at >= 0 ? t.slice(at + 4) : '';
    };
    const sameComplement = (q: Proto): boolean => !ofWhat(q) || !ofWhat(p) || ofWhat(q) === ofWhat(p) || q.sent !== p.sent;
    const twin = out.find((q) => q.direction === p.direction && (personKey(q.name) === key || sameLastAndFirst(q.name, p.name) || alias(q)) && sameRole(q, p) && sameOrgish(q, p) && sameTenure(q) && sameComplement(q));
    if (!twin) {
      out.push({ ...p, evidence: [...p.evidence] });
      continue;
    }
    // "Laura Chambers named interim chief" then "… will take over as interim CEO": the specific title wins
    const vagueTitle = (q: Proto): boolean => [...roleCategories(q.role?.title ?? null)].every((c) => VAGUE.has(c));
    const sharper = RANK[p.roleFrom] === RANK[twin.roleFrom] && vagueTitle(twin) && !/\s(?:of|for|at)\s/i.test(twin.role?.title ?? '') && !vagueTitle(p);
    const better = sharper || RANK[p.roleFrom] > RANK[twin.roleFrom] || (RANK[p.roleFrom] === RANK[twin.roleFrom] && (p.role?.title.length ?? 0) > (twin.role?.title.length ?? 0) && p.sent === twin.sent && !(vagueTitle(p) && !vagueTitle(twin)));
    if (better) {
      twin.role = p.role;
      twin.roleFrom = p.roleFrom;
      twin.interim = p.interim || twin.interim;
    }
    if (p.name.length > twin.name.length) twin.name = p.name;
    if ((!twin.org || twin.orgFrom === 'item') && p.org && p.orgFrom !== 'item') {
      twin.org = p.org;
      twin.orgFrom = p.orgFrom;
    }
    twin.counterpart = twin.counterpart ?? p.counterpart;
    twin.reason = twin.reason ?? p.reason;
    twin.aliases = [...new Set([...twin.aliases, ...p.aliases])];
    twin.confidence = Math.min(1, Math.max(twin.confidence, p.confidence) + 0.03);
    for (const e of p.evidence) if (!twin.evidence.includes(e)) twin.evidence.push(e);
  }
  // A role read off the other side of a succession yields to a role the item states for that person.
  const weak = (p: Proto): boolean => p.roleFrom === 'counterpart' || p.roleFrom === 'implied';
  const strong = (p: Proto): boolean => !weak(p) && p.rule !== 'will-lead' && p.rule !== 'appointed-to-lead';
  return out.filter((p) => {
    const key = personKey(p.name);
    const peers = out.filter((q) => q !== p && q.direction === p.direction && personKey(q.name) === key);
    if (weak(p) && !p.counterpart && peers.some((q) => strong(q) && q.sent === p.sent)) return false;
    // "He replaces Jeff Zhang, who stepped down as president of the cloud unit": the post the item states for
    // the predecessor, in the same sentence and at the same organisation, is the one left
    const stated = weak(p) && p.counterpart ? peers.find((q) => strong(q) && q.sent === p.sent && (q.org === p.org || !q.org)) : undefined;
    if (stated) {
      stated.counterpart = stated.counterpart ?? p.counterpart;
      if (!stated.org) {
        stated.org = p.org;
        stated.orgFrom = p.orgFrom;
      }
      return false;
    }
    if ((p.rule === 'will-lead' || (p.rule === 'appointed-to-lead' && p.confidence < 0.6)) && out.some((q) => q !== p && q.direction === 'in' && personKey(q.name) === key && q.rule !== p.rule)) return false;
    return true;
  });
}

function sameOrgish(a: Proto, b: Proto): boolean {
  const firm = (p: Proto): boolean => p.orgFrom === 'explicit' || p.orgFrom === 'agent' || p.orgFrom === 'descriptor';
  if (!a.org || !b.org || !firm(a) || !firm(b)) return true;
  const w = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const x = w(a.org);
  const y = w(b.org);
  const initials = (ws: string[]): string => ws.map((t) => t[0]).join('');
  const joined = (o: string): string => o.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return x.some((t) => y.includes(t)) || initials(x) === joined(b.org) || initials(y) === joined(a.org);
}

function sameLastAndFirst(a: string, b: string): boolean {
  const x = personKey(a).split(' ');
  const y = personKey(b).split(' ');
  const [small, big] = x.length <= y.length ? [x, y] : [y, x];
  return small.length > 0 && small.every((w) => big.includes(w));
}

/** Words just before a title that place the post in a government ("White House communications director"). */
const PUBLIC_NEAR = /\b(?:White House|Pentagon|Kremlin|Homeland Security|State Department|Treasury|federal|government|Cabinet|presidential|Reagan's|Bush's|Clinton's|Obama's|Trump's|Biden's|the president's)\s+(?:[a-z-]+\s+)?$/i;
/** A sentence that reports a government acting on its own posts. */
const GOVERNMENT_ACT = /\b(?:parliament|politburo|the cabinet|the government|Prime Minister|Security Department|Homeland Security)\b|(?<![A-Z][\w-]* )\b(?:Congress|Parliament|Senate)\b/;

/** "ICCO" stands for "International Cocoa Organization" where the text spells it out before "(ICCO)". */
function expandAcronym(org: string, text: string): string {
  if (!/^[A-Z]{2,6}$/.test(org)) return org;
  const at = text.indexOf(`(${org})`);
  return at > 0 ? text.slice(Math.max(0, at - 80), at) : org;
}

// execwatch follows companies: posts in legislatures, governments, courts and armed forces are out of scope.
const PUBLIC_BODY = /\b(?:International [A-Z][a-z]+ Organi[sz]ation|Organi[sz]ation of|Department|Homeland|Congress|Parliament|Politburo|Senate|House of (?:Representatives|Commons|Lords)|Assembly|Government|Ministry|Cabinet|Army|Navy|Air Force|Military|Police|Supreme Court|Court|White House|Kremlin|Party|(?:Central|Party|Select|Standing|Senate|House|Congressional|Parliamentary) Committee|(?:City|Security|State|European|National Security|Legislative) Council|Council of Ministers|Federal Reserve|Central Bank|Department of|State Department|Pentagon|NATO|United Nations|UN)\b/;
const PUBLIC_ROLE = /\b(?:prime minister|minister|senator|governor|mayor|ambassador|secretary of state|speaker|admiral|chief of staff|chief justice|judge|lawmaker|congressman|congresswoman|MP)\b|^general\b|\b(?:brigadier|major|lieutenant) general\b/i;

/** A death is a change only for a named corporate post ("chairman Tom Lindqvist dies"), not a "civil rights leader". */
function isVagueDeath(p: Proto): boolean {
  if (p.reason !== 'died') return false;
  const cats = roleCategories(p.role?.title ?? null);
  const vague = [...cats].every((c) => c === 'Head' || c === 'Other' || c === 'Chief-other');
  return vague || p.orgFrom === 'item' || p.orgFrom === 'none';
}

function isPublicOffice(p: Proto, sentences: Sentence[], fullText: string): boolean {
  if (p.org && (PUBLIC_BODY.test(p.org) || PUBLIC_BODY.test(expandAcronym(p.org, fullText)))) return true;
  // "White House communications director X", "resigned his position with the Homeland Security Department",
  // "the parliament sacked Prime Minister X and President Y": the post is in a government
  const s = sentences[p.sent]?.text ?? '';
  const title = p.role?.title ?? '';
  const at = title ? s.indexOf(title) : -1;
  if (at >= 0 && PUBLIC_NEAR.test(s.slice(Math.max(0, at - 40), at))) return true;
  if (GOVERNMENT_ACT.test(s) && (!p.org || p.orgFrom === 'item' || p.orgFrom === 'none')) return true;
  if (p.role && PUBLIC_ROLE.test(p.role.title)) return true;
  if (p.role && namesPublicBody(p.role.title)) return true;
  if (/^(?:General|Gen\.?|Admiral|Adm\.?|Colonel|Col\.?|Major|Lt\.?|Lieutenant|Senator|Sen\.?|Governor|Gov\.?|President|Prime Minister|Minister)\s/.test(p.name)) return true;
  return false;
}

const TITLE_BODY = /\b(?:house|senate|(?:central|party|congressional|senate|house|select) committee|alliance|coalition|parliament|army|navy|forces)\b/i;

/**
 * A title naming a public body after an "of", on one line: "chairman of the Senate select
 * committee". Read from the first "of" of each line, as one regex with ".*" between them would
 * rescan the rest of the line from every "of".
 */
export function namesPublicBody(title: string): boolean {
  return title.split(/[\n\r\u2028\u2029]/).some((line) => {
    const of = /\bof\b/i.exec(line);
    return of !== null && TITLE_BODY.test(line.slice(of.index + 2));
  });
}

const MONTH_NUM: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function effectiveDate(text: string, publishedAt: string | null): string | null {
  const pub = publishedAt && /^\d{4}-\d{2}-\d{2}/.test(publishedAt) ? publishedAt.slice(0, 10) : null;
  if (/\b(?:effective immediately|with immediate effect|takes over immediately|immediately)\b/i.test(text) && pub) return pub;
  const m = /\b(?:effective|on|from|as of|starting|beginning)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i.exec(text);
  if (!m) return null;
  const mon = MONTH_NUM[(m[1] ?? '').toLowerCase()];
  const day = Number(m[2]);
  if (!mon || day < 1 || day > 31) return null;
  let year = m[3] ? Number(m[3]) : pub ? Number(pub.slice(0, 4)) : null;
  if (!year) return null;
  if (!m[3] && pub) {
    const pubMon = Number(pub.slice(5, 7));
    if (mon < pubMon - 2) year += 1;
  }
  return `${year}-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function destinationFor(p: Proto, sentences: Sentence[]): string | null {
  if (p.direction !== 'out') return null;
  const last = p.name.split(' ').pop() ?? p.name;
  const first = p.name.split(' ')[0] ?? p.name;
  const nameRe = new RegExp(`\\b(?:${escapeRe(last)}|${escapeRe(first)})\\b`);
  for (let s = p.sent; s < Math.min(sentences.length, p.sent + 8); s++) {
    const text = (sentences[s] as Sentence).text;
    if (!/\b(?:join|joins|joining|focus|concentrate|moves?|lead|run)\b/.test(text)) continue;
    const named = nameRe.test(text);
    if (!named && !(s <= p.sent + 1 && /\b(?:he|she)\b/i.test(text))) continue;
    const m = /\b(?:to join|will join|joins|joining|to focus on|will focus on|will concentrate on|to concentrate on|moves to|move to|to lead|to run)\s+((?:[A-Z][\w&.'\u2019-]*(?:'s|\u2019s)?\s*){1,5})/.exec(text);
    if (m?.[1]) {
      const d = m[1].trim().replace(/(?<!\s)\s+(?:as|in|on|at)$/, '');
      const parts = d.split(/\s+/);
      const lastPart = parts.filter((w) => !/['\u2019]s$/.test(w));
      const dest = lastPart.length && lastPart.length < parts.length ? lastPart.join(' ') : d.replace(/['\u2019]s$/, '');
      const clean = dest.replace(/(?<![.,;:])[.,;:]+$/, '').trim();
      if (clean && !p.name.includes(clean)) return clean;
    }
  }
  return null;
}

function escapeRe(x: string): string {
  return x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toChange(p: Proto, sentences: Sentence[], item: NewsItem): LeadershipChange {
  const idx = [...new Set(p.evidence)].sort((a, b) => a - b);
  // adjacent sentences read on as one passage; a gap is marked with an ellipsis
  let evidence = '';
  idx.forEach((i, k) => {
    const text = (sentences[i] as Sentence).text;
    evidence += k === 0 ? text : idx[k - 1] === i - 1 ? ` ${text}` : ` \u2026 ${text}`;
  });
  const title = (p.role?.title ?? 'executive').replace(/\s+/g, ' ').trim();
  const org = p.org ?? 'unknown';
  const parent = unitParent(org, p, sentences);
  const orgName = cleanOrg(org);
  let conf = p.confidence;
  if (titleOnlyName(p, sentences)) conf = Math.min(conf, 0.45);
  if (p.roleFrom === 'counterpart' || p.roleFrom === 'implied') conf -= 0.05;
  if (p.orgFrom === 'item') conf -= 0.03;
  if (!p.org) conf -= 0.1;
  return {
    person: { name: p.name, aliases: p.aliases.filter((a) => a !== p.name) },
    organization: { name: orgName, parent },
    role: { title, category: primaryRoleCategory(title) },
    direction: p.direction,
    interim: p.interim,
    effectiveDate: effectiveDate(idx.map((i) => (sentences[i] as Sentence).text).join(' '), item.publishedAt),
    reason: p.reason,
    counterpart: p.counterpart,
    destination: destinationFor(p, sentences),
    evidence,
    confidence: Math.max(0, Math.min(1, Math.round(conf * 100) / 100)),
    source: { itemId: item.id, url: item.url, feed: item.feed, publishedAt: item.publishedAt },
  };
}

/**
 * "KMart Names Yum Marketing Maven as CEO" over a story that never names anyone: in a headline
 * whose words are all capitalised, a "name" the story does not repeat is more likely a description.
 */
function titleOnlyName(p: Proto, sentences: Sentence[]): boolean {
  const title = sentences[0];
  if (!title?.isTitle || p.evidence.some((i) => i !== 0)) return false;
  const body = sentences.slice(1).map((s) => s.text).join(' ').toLowerCase();
  if (body.length < 100) return false;
  const words = title.tokens.filter((t) => !t.punct && /^\p{L}/u.test(t.text));
  if (words.filter((t) => t.cap).length < words.length * 0.7) return false;
  return !p.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && body.includes(w));
}

function cleanOrg(org: string): string {
  return org.replace(/^(?:the)\s+/i, '').replace(/['\u2019]s$/, '').trim() || org;
}

/** A unit's parent company: "Alibaba Cloud Intelligence" under "Alibaba" when the item names both. */
function unitParent(org: string, p: Proto, sentences: Sentence[]): string | null {
  const words = org.split(/\s+/);
  if (words.length < 2) return null;
  const head = words[0] as string;
  const text = sentences.map((s) => s.text).join(' ');
  if (!/^(?:Group|Cloud|Intelligence|Academy|Labs?|Studios?|Division|Unit|Services|Web|Products|Commercial|Airplanes|Mobility|Commerce|Research|Entertainment|Technologies|Sports|Platforms|Games|Devices|Business|Digital|Media|Health|Financial|Capital|Ventures|Consumer)$/i.test(words[words.length - 1] ?? '')) return null;
  if (!new RegExp(`\\b${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!\\s+${(words[1] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).test(text)) return null;
  void p;
  return head;
}
