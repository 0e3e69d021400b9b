import type { Reason } from '../core/change.js';
import { roleCategories } from '../core/roles.js';
import { sameCompany } from './company.js';
import { appositiveText } from './appositive.js';
import { createPeopleBook, type Mention } from './people.js';
import { splitSentences } from './sentences.js';

// The formal wording of Item 5.02, read by rule. 8-K English is narrow: a person (often with an
// appositive title) "notified the Board of his decision to retire from his position as …", "has
// been appointed …", "the Board elected … as a director", "will not stand for re-election",
// "…’s employment as … will terminate", "transitioned from the role of A to B", "X will succeed
// Y as …". These rules find who, which way, which post and at which organisation, and leave
// biographies, pay and hypotheticals alone.

export interface FilingChange {
  person: string;
  direction: 'in' | 'out';
  role: string;
  organization: string | null;
  interim: boolean;
  effectiveDate: string | null;
  reason: Reason | null;
  counterpart: { name: string; relation: 'succeeds' | 'succeeded_by' } | null;
  evidence: string;
}

type Slot = 'subject' | 'object';
interface Trigger {
  re: RegExp;
  direction: 'in' | 'out';
  slot: Slot;
  reason: Reason | null;
  /** The post, when the wording implies it ("to the Board", "re-election"). */
  impliedRole?: string;
}

const AUX = String.raw`(?:(?:has|have|had|will|would|shall|is|are|was|were|to|also|then|each|both|not)\s+)*(?:been\s+|be\s+|being\s+)?`;

const TRIGGERS: Trigger[] = [
  { re: new RegExp(String.raw`\b${AUX}(?:appointed|named|designated|selected)\b(?:\s+to\s+serve)?`, 'g'), direction: 'in', slot: 'subject', reason: null },
  { re: new RegExp(String.raw`\b${AUX}(?:elected|re-?elected)\b(?:\s+to\s+serve)?`, 'g'), direction: 'in', slot: 'subject', reason: 'elected' },
  { re: new RegExp(String.raw`\b${AUX}promoted\b`, 'g'), direction: 'in', slot: 'subject', reason: 'promoted' },
  { re: new RegExp(String.raw`\b${AUX}hired\b(?:\s+to\s+serve)?`, 'g'), direction: 'in', slot: 'subject', reason: 'hired' },
  { re: /\b(?:appointed|named|designated|selected)(?=\s+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}))/gu, direction: 'in', slot: 'object', reason: null },
  { re: /\b(?:elected|re-?elected)(?=\s+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}))/gu, direction: 'in', slot: 'object', reason: 'elected' },
  { re: /\bpromoted(?=\s+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}))/gu, direction: 'in', slot: 'object', reason: 'promoted' },
  { re: /\bhired(?=\s+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}))/gu, direction: 'in', slot: 'object', reason: 'hired' },
  { re: /\b(?:appointment|election|promotion|hiring)\s+of(?=\s)/gi, direction: 'in', slot: 'object', reason: null },
  { re: /\b(?:became|becomes|has become|will become|to become|will (?:then )?serve as|shall serve as|to serve as|will assume|assumed|assumes|has assumed|to assume|will take over as|took over as)\b/g, direction: 'in', slot: 'subject', reason: null },
  { re: /\b(?:will join|joined|has joined|to join|will rejoin|rejoined)\b(?=[^.;]{1,120}?\bas\b)/g, direction: 'in', slot: 'subject', reason: 'hired' },
  { re: /\bin connection with (?:his|her|their) (?:new|anticipated|expected|recent) (?:role|position|appointment|title)s?\b/g, direction: 'in', slot: 'subject', reason: 'promoted' },
  { re: /\b(?:resign(?:ed|s|ing)?|resignation)\b/g, direction: 'out', slot: 'subject', reason: 'resigned' },
  { re: /\b(?:retir(?:e|ed|es|ing))\b/g, direction: 'out', slot: 'subject', reason: 'retired' },
  { re: /\b(?:step(?:ped|s|ping)?|will step)\s+down\b/g, direction: 'out', slot: 'subject', reason: 'resigned' },
  { re: /\b(?:depart(?:ed|s|ing)?|will leave|to leave|is leaving|left)(?=\s+(?:as|from|the|his|her|its|\p{Lu}))/gu, direction: 'out', slot: 'subject', reason: 'resigned' },
  { re: /\b(?:will no longer serve|no longer serves|ceased to serve|ceased to be|will cease to (?:serve|be))\b/g, direction: 'out', slot: 'subject', reason: null },
  { re: /\b(?:was|were|has been|had been|will be|is being)\s+(?:terminated|removed|dismissed|relieved of (?:his|her) duties)\b/g, direction: 'out', slot: 'subject', reason: 'fired' },
  // "Brett Kaufman’s employment as the Chief Financial Officer … will terminate": the post is inside.
  { re: /[’']s\s+employment\b(?=[^.;]{1,160}?\b(?:will terminate|terminated|will end|ended|will cease|ceased|was terminated|is terminated)\b)/g, direction: 'out', slot: 'subject', reason: 'other' },
  { re: /\b(?:not to stand|not stand|will not stand|declined to stand|decided not to stand|not seek|will not seek|decided not to seek)\s+for\s+re-?election\b/g, direction: 'out', slot: 'subject', reason: 'other', impliedRole: 'director' },
  { re: /\b(?:resignation|retirement|departure|removal|termination)\s+of(?=\s)/gi, direction: 'out', slot: 'object', reason: null },
  { re: /\b(?:terminated|ended)\s+the\s+employment\s+of(?=\s)|\b(?:removed|dismissed|terminated)(?=\s+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}))/gu, direction: 'out', slot: 'object', reason: 'fired' },
  { re: /\b(?:passed away|died)\b/g, direction: 'out', slot: 'subject', reason: 'died' },
];

const ROLE_WORD = /\b(?:chief|officers?|presidents?|vice[- ]chair(?:man)?|chair(?:man|woman|person)?s?|directors?|board|treasurer|secretary|controller|comptroller|counsel|head|ceos?|cfos?|coos?|ctos?|cios?|cmos?|cao|cpo|ciso|clo|evp|svp|trustees?|general manager|managing partner|founder|leader)\b/i;
const GENERIC_ROLE = /^(?:an?\s+)?(?:officer|employee|executive|officer and (?:an )?employee|officer and director|executive officer|all (?:of )?(?:his|her) (?:positions|roles|offices))$/i;
const ROLE_INTRO = /^\s*(?:(?:to|will|shall)\s+(?:succeed|replace)(?:\s+[^,;\s][^,;]{0,59}?\s+as\s+|\s{3,}as\s+)|(?:from|as|of)\s+(?:(?:all\s+(?:of\s+)?)?(?:his|her|their|its)\s+)?(?:positions?|roles?|posts?|offices?|duties|titles?)\s+(?:as|of|with)\s+|(?:from|as)\s+(?:(?:his|her|their)\s+)?position\s+|(?:as|to serve as|to act as|to the (?:positions?|roles?|posts?|offices?|title)\s+of|to become|from the (?:positions?|roles?|posts?|offices?) of|to|from|of)\s+)?(?:(?:an?|the|its|our|their|his|her)\s+)?/i;
const ROLE_END = /,\s*(?=[a-z(])|(?<!\s)\s+(?:will|would|shall|has|have|had|is|are|was|were|effective|on|upon|until|following|beginning|commencing|as of|subject to|pending|in connection|with effect|to (?:pursue|focus|accept|join|become|spend|serve|devote)|after|for (?!(?:the|its)\s+\p{Lu})|due to|because|and (?:will|has|is|was|to|would|shall|had|have|in)|but|in order|at the|at (?:its|the|their)|which|who|while|where|so that|since|through|by|when|if|unless|pursuant|according|and (?:now|currently|also|then|later|thereafter|subsequently|its|his|her|their|that|with|on)|and (?:as|from)\s+(?!(?:a|the)\s+(?:member|director)))\b|[.;:()“”"]|(?<!\s)\s*—|(?<!\s)\s+-\s+/u;

const DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const isoDate = (m: RegExpExecArray | null): string | null =>
  m ? `${m[3]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;

/** "effective June 30, 2015" after the trigger, if the sentence says when. */
function effectiveDate(rest: string): string | null {
  const m = /\beffective(?:\s+as\s+of)?\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4})/.exec(rest);
  return m ? isoDate(DATE.exec(m[1]!)) : null;
}

// Full stops that do not end a post's name ("Acme, Inc.", "Bank, N.A.").
const ABBREVIATION = /\b(Inc|Corp|Co|Ltd|L\.P|N\.A|S\.A|Jr|Sr|St|U\.S)\./g;
const HIDDEN_DOT = '\u2024';

/** The post named at the start of `rest` ("as Chief Financial Officer of Acme, effective …"). */
function readRoles(rest: string): string[] {
  const intro = ROLE_INTRO.exec(rest)?.[0] ?? '';
  const body = rest.slice(intro.length).replace(ABBREVIATION, `$1${HIDDEN_DOT}`);
  const end = body.search(ROLE_END);
  const phrase = trimCommas((end === -1 ? body : body.slice(0, end)).trim()).replaceAll(HIDDEN_DOT, '.');
  if (!phrase) return [];
  // "as Chief Executive Officer of Acme and as a member of its board": two posts.
  return phrase.split(/(?<!\s)\s+and\s+as\s+(?:(?:a|an|the)\s+)?/).map((p) => p.trim()).filter(Boolean);
}

interface Post {
  role: string;
  organization: string | null;
}

const BOARD = /^(?:(?:the\s+)?(?:member\s+of\s+(?:the\s+)?)?board(?:\s+of\s+directors)?|directors?)$/i;

/** Trailing commas and white space dropped. */
function trimCommas(s: string): string {
  let end = s.length;
  while (end > 0 && /[,\s]/.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const OF_NAME = /\sof\s+(?:the\s+)?(?=\p{Lu})/gu;

/**
 * The last " of [the] Name" in `tail` with no line break before it: what is before it and the
 * name after it. A loop over the occurrences, not `^(.*)\s+of…`, which backtracks quadratically.
 */
function lastOf(tail: string): { before: string; after: string } | null {
  const lineBreak = tail.search(LINE_BREAK);
  let found: { before: string; after: string } | null = null;
  OF_NAME.lastIndex = 0;
  for (let m = OF_NAME.exec(tail); m && (lineBreak === -1 || m.index <= lineBreak); m = OF_NAME.exec(tail)) {
    found = { before: tail.slice(0, m.index), after: tail.slice(m.index + m[0].length) };
  }
  return found;
}

/** "Chief Financial Officer and Treasurer of AFC Gamma, Inc." -> the post and the organisation. */
function splitPost(phrase: string): Post | null {
  let role = phrase.replace(/(?<!\s)\s+and\s+(?:its|their|all)\s+committees\b.*$/i, '').trim()
    // "member of Acme, Inc.’s board of directors" -> "member of the board of directors of Acme, Inc."
    .replace(/^(.*?\bof\s+)(\p{Lu}[^’']*)[’']s\s+(\S.*|[^\S\n\r\u2028\u2029])$/u, '$1the $3 of $2');
  let organization: string | null = null;
  const possessive = /^(.+?)[’']s\s+(\S.*|[^\S\n\r\u2028\u2029])$/.exec(role);
  if (possessive && /^\p{Lu}/u.test(possessive[1]!)) {
    organization = possessive[1]!;
    role = possessive[2]!;
  } else {
    const of = /^(.*?\S)\s+of\s+(?:the\s+|its\s+|our\s+|their\s+)?(\p{Lu}[\s\S]*)$/u.exec(role);
    if (of && !/^(?:directors?|the board|board)$/i.test(of[2]!.trim())) {
      const tail = of[2]!.trim();
      // "member of the Board of Directors of Meta": the organisation follows the last "of".
      const last = lastOf(tail);
      if (last && ROLE_WORD.test(last.before)) {
        role = `${of[1]} of ${last.before}`;
        organization = last.after;
      } else {
        role = of[1]!;
        organization = tail;
      }
    }
  }
  role = role.replace(/^(?:the|its|our|a|an)\s+/i, '').trim();
  if (organization) {
    organization = trimCommas(organization.replace(/(?<!\s)\s+and\s+\p{Lu}.*$/u, ''))
      // "its Industrial Solutions segment": the unit's name.
      .replace(/(?<!\s)\s+(?:segment|division|business unit|business|unit|subsidiary)$/i, '').trim();
  }
  // Advisers, consultants and emeriti hold no leadership post.
  if (/\b(?:advis[eo]r|consultant|emerit(?:us|a))\b/i.test(role)) return null;
  if (!role || !ROLE_WORD.test(role) || /\bcommittee\b/i.test(role) || role.split(/\s+/).length > 12) return null;
  if (BOARD.test(role)) role = 'member of the Board of Directors';
  // "Co-Presidents" of a plural subject is each one's "Co-President".
  if (!/\sof\s/.test(role)) role = role.replace(/\b(Presidents|Officers|Directors|CEOs|Chairs|Chairmen)$/, (w) => (w === 'Chairmen' ? 'Chairman' : w.slice(0, -1)));
  return { role, organization };
}

/** The appositive title after a name: "Stephen L. Gibbs, Senior Vice President … of Tyson Foods, Inc.,". */
function appositivePost(between: string): Post | null {
  const title = appositiveText(between);
  if (title === null || /^(?:age\s+)?\d/.test(title.trim())) return null;
  return splitPost(title.replace(/,\s*(?:age\s+)?\d{1,3}$/, ''));
}

// What may stand between a subject and its verb: appositives, "notified the Board of his
// decision to", auxiliaries. Another person or a new clause may not.
const LINK_BREAK = /[;]|\b(?:and that|which|whereas|while|although|but)\b/;
// A move that is only a possibility, a condition or a denial.
const HYPOTHETICAL = /\b(?:if|unless|in the event|should|whether|upon (?:his|her|their|a|any|such)|in case|would be entitled|no (?:plans?|intention)|not (?:be|been)?\s*$|did not|does not|has not|have not|no longer intends)\b[^.]*$/i;
// A post kept, not taken: "will continue to serve as a director".
const CONTINUING = /\b(?:continue|continues|continued|remain|remains)\s+(?:to\s+)?$/i;
// Biography: history, not news.
const BIOGRAPHY = /\b(?:prior to (?:joining|that|his|her)|previously (?:served|was|held|worked)|most recently|before joining|career|experience|age \d{2}|graduated|degree|from \d{4} (?:to|until|through)|since \d{4})\b/;
const IN_YEAR = /\bin (?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})\b/g;

/** A sentence of someone's history: bio wording, or a year before the filing's ("joined in 2019"). */
function isBiography(sentence: string, filed: string | null): boolean {
  if (BIOGRAPHY.test(sentence)) return true;
  const year = filed ? Number(filed.slice(0, 4)) : Number.POSITIVE_INFINITY;
  return [...sentence.matchAll(IN_YEAR)].some((m) => Number(m[1]) < year);
}

function subjectOf(mentions: Mention[], sentence: string, at: number): Mention[] {
  const before = mentions.filter((m) => m.end <= at);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    const between = sentence.slice(m.end, at);
    if (between.length > 240 || LINK_BREAK.test(between)) return [];
    if (before.slice(i + 1).some((o) => o.kind !== 'pronoun')) return [];
    const group = [m];
    // "Doug Petno, 61, and Troy Rohrbaugh, 56, …": coordinated subjects share the verb.
    for (let j = i - 1; j >= 0; j--) {
      const gap = sentence.slice(before[j]!.end, group[0]!.start);
      if (!/^(?:,\s*(?:age\s+)?\d{1,3})?,?\s+and\s+$|^,\s+$/.test(gap)) break;
      group.unshift(before[j]!);
    }
    return group;
  }
  return [];
}

function objectOf(mentions: Mention[], sentence: string, at: number): Mention[] {
  const next = mentions.find((m) => m.start >= at);
  if (!next || sentence.slice(at, next.start).trim().length > 12) return [];
  const group = [next];
  for (const m of mentions.filter((x) => x.start > next.start)) {
    const gap = sentence.slice(group.at(-1)!.end, m.start);
    if (!/^,?\s+and\s+$|^,\s+$/.test(gap)) break;
    group.push(m);
  }
  return group;
}

/** Who left which post in the successor clause: "He is to replace Richard P. Jacobson who has been acting as the interim CFO". */
const SUCCESSION = /\b(?:will|to|is to|shall)?\s*(?:succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing)\s+/g;

export interface RuleContext {
  /** When the filing was filed (ISO date): years before it are history. */
  filed: string | null;
}

/** Changes the formal wording of the prepared section reports. */
export function readFilingChanges(text: string, ctx: RuleContext): FilingChange[] {
  const people = createPeopleBook();
  const found: FilingChange[] = [];
  const cancelled: Array<{ person: string; board: boolean | null }> = [];
  const coHolders: CoHolder[] = [];
  const titles = new Map<string, Post>();
  for (const paragraph of text.split(/\n{2,}/)) {
    for (const sentence of splitSentences(paragraph)) {
      if (sentence.length > 1500) continue;
      const mentions = people.mentions(sentence);
      if (!mentions.length) continue;
      noteCancellations(sentence, mentions, cancelled);
      noteTitles(sentence, mentions, titles);
      const bio = isBiography(sentence, ctx.filed);
      for (const t of TRIGGERS) {
        t.re.lastIndex = 0;
        for (let m = t.re.exec(sentence); m; m = t.re.exec(sentence)) {
          const at = m.index;
          const after = at + m[0].length;
          if (HYPOTHETICAL.test(sentence.slice(Math.max(0, at - 60), at))) continue;
          if (t.direction === 'in' && bio && /\b(?:joined|became|assumed|was (?:appointed|named|promoted|elected))\b/.test(m[0])) continue;
          if (CONTINUING.test(sentence.slice(Math.max(0, at - 30), at))) continue;
          const who = t.slot === 'subject' ? subjectOf(mentions, sentence, at) : objectOf(mentions, sentence, after);
          if (!who.length) continue;
          // "appointed Alan Poe, the Company’s Senior Vice President, to serve as …": past the appositive.
          let rest = sentence.slice(t.slot === 'object' ? who.at(-1)!.end : after);
          if (t.slot === 'object') rest = rest.replace(/^,\s*[^;]{1,160}?,\s*(?=(?:as|to (?:serve|act|succeed|replace|become|the)|effective)\b)/, ' ');
          let posts = readRoles(rest).map(splitPost).filter((p): p is Post => p !== null);
          if (/^\s*(?:to|from|on|of)\s+(?:the\s+)?(?:[\p{Lu}][\w.,&’' -]*?[’']s\s+)?board\b/iu.test(rest) && !posts.length) posts = [{ role: 'member of the Board of Directors', organization: null }];
          const generic = !posts.length || posts.every((p) => GENERIC_ROLE.test(p.role));
          if (generic && t.direction === 'out') {
            const appositive = appositivePost(sentence.slice(who.at(-1)!.end, at)) ?? who.flatMap((w) => w.names).map((n) => titles.get(n)).find((p) => p);
            posts = appositive ? [appositive] : t.impliedRole ? [{ role: t.impliedRole, organization: null }] : [];
          }
          if (!posts.length && t.impliedRole) posts = [{ role: t.impliedRole, organization: null }];
          // "elected Robert Smith to fill the resulting vacancy" on an enlarged board.
          if (!posts.length && t.direction === 'in' && /\bvacanc/i.test(sentence) && /\b(?:board|directors)\b/i.test(sentence)) posts = [{ role: 'director', organization: null }];
          for (const post of posts) {
            for (const person of who.flatMap((w) => w.names)) {
              found.push({
                person,
                direction: t.direction,
                role: post.role,
                organization: post.organization,
                interim: /\b(?:interim|acting)\b/i.test(post.role) || /\bon an interim basis\b/i.test(rest),
                effectiveDate: effectiveDate(rest),
                reason: t.reason,
                counterpart: null,
                evidence: sentence,
              });
            }
          }
          people.setLast(who.at(-1)?.names.at(-1) ?? null);
        }
      }
      found.push(...successions(sentence, mentions, found), ...transitions(sentence, mentions));
      noteCoHolders(sentence, mentions, coHolders);
    }
  }
  found.push(...soleSuccessors(found, coHolders));
  return dedupe(found.filter((c) => !isCancelled(c, cancelled)));
}

const change = (person: string, direction: 'in' | 'out', post: Post, evidence: string, rest: string, reason: Reason | null = null): FilingChange => ({
  person, direction, role: post.role, organization: post.organization,
  interim: /\b(?:interim|acting)\b/i.test(post.role), effectiveDate: effectiveDate(rest), reason, counterpart: null, evidence,
});

const TRANSITION = /\btransition(?:ed|s|ing)?\s+from\s+(?:(?:the|his|her|their)\s+)?(?:(?:roles?|positions?|posts?|offices?)\s+(?:of|as)\s+)?/g;

/** "transitioned from the role of Chief Financial Officer to Vice Chairman": out of one, into the other. */
function transitions(sentence: string, mentions: Mention[]): FilingChange[] {
  const out: FilingChange[] = [];
  TRANSITION.lastIndex = 0;
  for (let m = TRANSITION.exec(sentence); m; m = TRANSITION.exec(sentence)) {
    const who = subjectOf(mentions, sentence, m.index);
    const rest = sentence.slice(m.index + m[0].length);
    const to = /(?<!\s)\s+to\s+(?:(?:the|a|an)\s+)?(?:(?:new\s+)?(?:roles?|positions?|posts?|offices?)\s+(?:of|as)\s+)?/.exec(rest);
    if (!who.length || !to) continue;
    const from = splitPost(rest.slice(0, to.index));
    const into = readRoles(`as ${rest.slice(to.index + to[0].length)}`).map(splitPost).find((p) => p);
    for (const person of who.flatMap((w) => w.names)) {
      if (from) out.push(change(person, 'out', from, sentence, rest, 'reassigned'));
      if (into) out.push(change(person, 'in', into, sentence, rest, 'reassigned'));
    }
  }
  return out;
}

interface CoHolder { person: string; post: Post }

/** People introduced as co-holders of a post: "Doug Petno, 61, and Troy Rohrbaugh, 56, Co-CEOs of the CIB, …". */
function noteCoHolders(sentence: string, mentions: Mention[], into: CoHolder[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const gap = sentence.slice(m.end, mentions[i + 1]?.start ?? sentence.length);
    const app = /^(?:,\s*(?:age\s+)?\d{1,3})?,\s*((?:the\s+)?Co-[^,;]+),/.exec(gap);
    if (!app) continue;
    const post = splitPost(app[1]!);
    if (!post) continue;
    // The appositive belongs to every person coordinated before it.
    let j = i;
    while (j > 0 && /^(?:,\s*(?:age\s+)?\d{1,3})?,?\s+and\s+$/.test(sentence.slice(mentions[j - 1]!.end, mentions[j]!.start))) j--;
    for (const k of mentions.slice(j, i + 1)) for (const person of k.names) into.push({ person, post });
  }
}

const sameUnit = (a: string | null, b: string | null): boolean =>
  (a ?? '').replace(/^the\s+/i, '').toLowerCase() === (b ?? '').replace(/^the\s+/i, '').toLowerCase();

/** "X will become sole CEO of the unit": the unit's other co-CEOs leave that post. */
function soleSuccessors(found: readonly FilingChange[], coHolders: readonly CoHolder[]): FilingChange[] {
  const out: FilingChange[] = [];
  for (const c of found) {
    const sole = c.direction === 'in' ? /^sole\s+(\S.*|[^\S\n\r\u2028\u2029])$/i.exec(c.role) : null;
    if (!sole) continue;
    for (const h of coHolders) {
      if (h.person === c.person || !sameUnit(h.post.organization, c.organization)) continue;
      if (h.post.role.toLowerCase().replace(/s$/, '') !== `co-${sole[1]!.toLowerCase()}`) continue;
      out.push({ ...c, person: h.person, direction: 'out', role: h.post.role.replace(/s$/, ''), reason: null });
    }
  }
  return out;
}

/** "X will succeed Y as CEO" / "to replace Y who has been acting as the interim CFO": Y leaves. */
function successions(sentence: string, mentions: Mention[], found: readonly FilingChange[]): FilingChange[] {
  const out: FilingChange[] = [];
  SUCCESSION.lastIndex = 0;
  for (let m = SUCCESSION.exec(sentence); m; m = SUCCESSION.exec(sentence)) {
    const leaving = objectOf(mentions, sentence, m.index + m[0].length);
    if (leaving.length !== 1) continue;
    const rest = sentence.slice(leaving[0]!.end);
    const role = /^,?\s*who\s+(?:has been|had been|is|was|currently serves|has served)\s+(?:(?:acting|serving)\s+)?as\s+/i.exec(rest);
    const roleText = role ? rest.slice(role[0].length) : /^\s+as\s+/i.test(rest) ? rest : '';
    let post = roleText ? readRoles(/^\s*as\s/i.test(roleText) ? roleText : `as ${roleText}`).map(splitPost).find((p) => p) ?? null : null;
    // "Mr. Rivera succeeds Helen Brooks" / "…named President of X, succeeding Victor Hale": the successor's post.
    const successor = subjectOf(mentions, sentence, m.index)[0]?.names[0] ?? null;
    const theirs = [...found].reverse().find((c) => c.direction === 'in' && (successor ? c.person === successor : c.evidence === sentence));
    if (!post && theirs) post = { role: theirs.role, organization: theirs.organization };
    if (!post) continue;
    const by = successor ?? theirs?.person ?? null;
    for (const person of leaving[0]!.names) {
      if (person === by) continue;
      out.push({
        person, direction: 'out', role: post.role, organization: post.organization,
        interim: /\b(?:interim|acting)\b/i.test(post.role) || /\bacting as\b/i.test(role?.[0] ?? ''),
        effectiveDate: effectiveDate(rest), reason: null,
        counterpart: by ? { name: by, relation: 'succeeded_by' } : null, evidence: sentence,
      });
    }
  }
  return out;
}

/** Titles given beside a name ("Frank Ortiz, the Company’s Chief Commercial Officer, …"), kept for the section. */
function noteTitles(sentence: string, mentions: Mention[], into: Map<string, Post>): void {
  for (const m of mentions) {
    if (m.kind !== 'full') continue;
    const post = appositivePost(sentence.slice(m.end).replace(/^(,[^,;]{3,160}),.*$/, '$1,'));
    if (post) for (const n of m.names) if (!into.has(n)) into.set(n, post);
  }
}

// A move reported and then called off: "defer his retirement", "will remain on the Board".
const CALLED_OFF = /\b(?:defer|postpone|rescind|withdr[ae]w|revers)\w*\s+(?:his|her|their|the)\s+(?:retirement|resignation|decision|departure|notice)|\bdecided not to (?:retire|resign|step down|leave)/i;
const REMAINS = /\bwill (?:continue to )?remain (?:on the board|as (?:a )?(?:member of the board|director))/i;

function noteCancellations(sentence: string, mentions: Mention[], cancelled: Array<{ person: string; board: boolean | null }>): void {
  const subject = mentions[0]?.names[0];
  if (!subject) return;
  if (CALLED_OFF.test(sentence)) cancelled.push({ person: subject, board: null });
  else if (REMAINS.test(sentence) && !/\b(?:step|resign|retire)\w*\s+(?:down\s+)?(?:as|from)\b/i.test(sentence)) cancelled.push({ person: subject, board: true });
}

function isCancelled(c: FilingChange, cancelled: ReadonlyArray<{ person: string; board: boolean | null }>): boolean {
  if (c.direction !== 'out') return false;
  return cancelled.some((x) => x.person === c.person && (x.board === null || roleCategories(c.role).has('Board') === x.board));
}

/** One change per person, direction and post; the most specific wording of the post wins. */
function dedupe(changes: FilingChange[]): FilingChange[] {
  const out: FilingChange[] = [];
  for (const c of changes) {
    const cats = roleCategories(c.role);
    const twin = out.find((o) => o.person === c.person && o.direction === c.direction && [...roleCategories(o.role)].some((x) => cats.has(x)));
    if (!twin) {
      out.push(c);
      continue;
    }
    if (c.role.length > twin.role.length && !/^member of the Board/.test(twin.role)) twin.role = c.role;
    twin.organization ??= c.organization;
    twin.effectiveDate ??= c.effectiveDate;
    twin.reason ??= c.reason;
    twin.interim ||= c.interim;
  }
  return out;
}

/** The organisation a change belongs to: the registrant unless the post is in a named unit. */
export function organisationFor(c: Pick<FilingChange, 'organization'>, company: string | null): { name: string; parent: string | null } | null {
  const org = c.organization?.replace(/^the\s+/i, '').trim() || null;
  if (!org || (company && sameCompany(org, company))) return company ? { name: company, parent: null } : org ? { name: org, parent: null } : null;
  return { name: org, parent: company };
}
