// Chunking a sentence into mentions: roles ("interim chief executive of Intel Products"),
// people, organisations and places; the rest stays as lower-cased words. Person/organisation
// decisions use the words around a capitalised phrase (a title before it means a person, a
// title after it an employer, a possessive before a person an employer), then name lists.
import {
  EAST_ASIAN_SURNAMES, EPONYMOUS_ORGS, FUNCTION_WORDS, GIVEN_NAMES, MONTHS, ORG_HEADS, PLACES, WEEKDAYS,
} from './lexicon.js';
import type { Sentence, Token } from './text.js';

export type UnitType = 'P' | 'O' | 'R' | 'L' | 'Y' | 'M' | 'W';

export interface RoleInfo {
  title: string;
  interim: boolean;
  /** Text of an "of X" complement naming a capitalised unit or company. */
  orgText: string | null;
  /** True when the complement is a plural ("co-CEOs"). */
  plural: boolean;
  /** "founder"/"co-founder": describes a person, is not a post that changes hands. */
  descriptive: boolean;
}

export interface Unit {
  type: UnitType;
  /** Token range [s, e) in the sentence. */
  s: number;
  e: number;
  text: string;
  /** The symbol the rule patterns see. */
  sym: string;
  role?: RoleInfo;
  /** Person: other names given in the same mention ("Andrew 'Boz' Bosworth"). */
  aliases?: string[];
}

const CSUITE = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'cpo', 'ciso', 'cso', 'cro', 'chro', 'cco', 'cdo', 'cao', 'clo', 'cxo', 'cco',
  'ceos', 'cfos', 'co-ceo', 'co-ceos', 'co-cfo', 'co-president', 'co-presidents',
]);
const CHIEF_ADJ = new Set([
  'executive', 'financial', 'operating', 'technology', 'technical', 'information', 'marketing', 'product', 'people',
  'legal', 'security', 'revenue', 'growth', 'commercial', 'digital', 'data', 'strategy', 'strategic', 'investment',
  'scientific', 'human', 'resources', 'creative', 'design', 'engineering', 'business', 'customer', 'medical', 'ai',
  'administrative', 'accounting', 'risk', 'compliance', 'communications', 'communication', 'brand', 'sustainability',
  'transformation', 'innovation', 'content', 'privacy', 'diversity', 'experience', 'software', 'hardware', 'research',
  'science', 'partnership', 'partnerships', 'platform', 'sales', 'client', 'clinical', 'public', 'policy', 'trust',
  'safety', 'quality', 'supply', 'chain', 'transformation', 'talent', 'culture', 'corporate', 'development', 'global',
]);
const CHIEF_NOUN = new Set([
  'officer', 'officers', 'technologist', 'architect', 'scientist', 'economist', 'strategist', 'engineer', 'executives',
]);
const ROLE_MODS = new Set([
  'interim', 'acting', 'co', 'executive', 'non-executive', 'nonexecutive', 'independent', 'senior', 'deputy', 'vice',
  'group', 'lead', 'sole', 'rotating', 'permanent', 'founding', 'managing', 'associate', 'global', 'corporate',
  'co-chief', 'joint', 'chief', 'division', 'regional', 'country', 'area', 'general', 'full-time', 'presiding',
]);
/** Lower-case nouns that can precede "chief"/"head"/"boss" as its field: "design chief". */
const FIELD_NOUNS = new Set([
  'design', 'retail', 'finance', 'financial', 'product', 'products', 'marketing', 'ai', 'technology', 'tech', 'software',
  'hardware', 'cloud', 'search', 'sales', 'hr', 'operations', 'engineering', 'security', 'legal', 'policy', 'research',
  'gaming', 'games', 'devices', 'services', 'chip', 'chips', 'consumer', 'enterprise', 'ads', 'advertising', 'media',
  'news', 'content', 'commerce', 'e-commerce', 'payments', 'communications', 'strategy', 'data', 'privacy', 'europe',
  'asia', 'china', 'india', 'japan', 'us', 'u.s.', 'international', 'brand', 'creative', 'people', 'talent', 'investment',
  'business', 'unit', 'division', 'studio', 'platform', 'mobile', 'android', 'ios', 'windows', 'xbox', 'office',
  'automotive', 'autonomous', 'self-driving', 'robotics', 'health', 'science', 'customer', 'supply', 'chain',
]);

export const APPOINT_VERBS = new Set([
  'names', 'named', 'name', 'naming', 'taps', 'tapped', 'tap', 'appoints', 'appointed', 'appoint', 'appointing', 'hires',
  'hired', 'hire', 'hiring', 'picks', 'picked', 'pick', 'promotes', 'promoted', 'promote', 'promoting', 'elevates',
  'elevated', 'elevate', 'elects', 'elected', 'elect', 'nominates', 'nominated', 'nominate', 'selects', 'selected',
  'chooses', 'chose', 'chosen', 'poaches', 'poached', 'recruits', 'recruited', 'makes', 'made', 'installs', 'installed',
  'ousts', 'ousted', 'oust', 'fires', 'fired', 'removes', 'removed', 'replaces', 'replaced', 'replacing', 'replace',
  'succeeds', 'succeed', 'succeeded', 'succeeding', 'dismisses', 'dismissed', 'sacks', 'sacked', 'welcomes', 'adds',
  'lands', 'lures', 'enlists', 'brings', 'announces', 'confirms', 'hand', 'hands', 'handed', 'handing', 'to', 'from', 'with',
  'cedes', 'cede', 'ceded', 'and', 'as', 'by', 'than', 'after',
]);

/** Verbs and nouns whose capitalised title-case forms must not be read as names. */
const NOT_NAME = new Set([
  ...APPOINT_VERBS, 'steps', 'step', 'stepping', 'resigns', 'resign', 'resigned', 'quits', 'quit', 'retires', 'retire',
  'retiring', 'departs', 'depart', 'leaves', 'leave', 'leaving', 'exits', 'exit', 'joins', 'join', 'joining', 'returns',
  'return', 'takes', 'take', 'taking', 'took', 'becomes', 'become', 'became', 'remain', 'remains', 'stays', 'over', 'down',
  'out', 'helm', 'reins', 'job', 'role', 'post', 'top', 'says', 'say', 'said', 'tells', 'told', 'plans', 'amid', 'after',
  'shake-up', 'shakeup', 'reshuffle', 'overhaul', 'exclusive', 'report', 'sources', 'deal', 'board', 'directors', 'chief',
  'executive', 'executives', 'successor', 'succession', 'heir', 'new', 'next', 'interim', 'acting', 'former', 'ex',
  'investors', 'analysts', 'shares', 'customers', 'employees', 'officials', 'regulators', 'people', 'workers', 'staff',
  'critics', 'prosecutors', 'lawmakers', 'insiders', 'users', 'speaking', 'meanwhile', 'earlier', 'later', 'separately',
  'previously', 'currently', 'today', 'yesterday', 'tomorrow', 'together', 'under', 'inside', 'in', 'on', 'why', 'how',
  'ceo', 'cfo', 'cto', 'coo', 'president', 'chairman', 'chairwoman', 'chair', 'founder', 'co-founder', 'cofounder',
  'head', 'leader', 'boss', 'is', 'are', 'named', 'more', 'cuts', 'cut', 'layoffs', 'lays', 'sues', 'buys', 'raises',
  'launches', 'unveils', 'shares', 'ousts', 'fires', 'mr', 'ms', 'mrs', 'dr', 'sir', 'dame', 'both', 'it', 'its',
  'appointment', 'appointments', 'resignation', 'departure', 'retirement', 'promotion', 'promotions', 'exits', 'hires',
  'change', 'changes', 'shuffle', 'leadership', 'management', 'executive', 'transition', 'succeeds', 'replaces', 'taps',
  'week', 'weekly', 'daily', 'roundup', 'wrap', 'notebook', 'briefing', 'newsletter', 'digest', 'recap', 'podcast', 'live',
]);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'bin', 'al', 'la', 'le', 'ter', 'st.']);
const HONORIFIC = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'prof', 'lord', 'lady', 'gen', 'adm', 'col', 'lt', 'sen', 'senator', 'rep', 'gov', 'rev', 'sheikh']);

const TITLE_CASE_LOWER = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'than', 'that', 'amid', 'about', 'after', 'like', 'near', 'under', 'via', 'versus', 'says']);
const TIME_PREP = new Set(['in', 'on', 'since', 'until', 'till', 'last', 'next', 'this', 'early', 'late', 'mid', 'of', 'through', 'during', 'from', 'before', 'after', 'end', 'to', 'between', 'and', 'or', '-']);
const TIME_ZONE = /^(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|BST|CET|CEST|UTC|JST|HKT|IST)$/;

/** A romanised Korean given name: two syllables joined by a hyphen, the second in lower case. */
const KOREAN_GIVEN = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{2,5}$/u;

function isCamel(t: string): boolean {
  if (/^(?:Mc|Mac|O'|D'|De|Di|La|Le|Van|Von)[A-Z]/.test(t)) return false;
  return /[a-z][A-Z]/.test(t) || /^[a-z]+[A-Z]/.test(t);
}
function isAcronym(t: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,5}$/.test(t) && !/^(?:I|II|III|IV|VI|JR|SR)$/.test(t);
}
function isInitials(t: string): boolean {
  return /^(?:[A-Z]\.)+$/.test(t);
}

/** Where a role phrase starting at token i ends (exclusive), with what it says; null if none. */
const ROLE_START_WORD = /^(?:c\.e\.o\.|c\.f\.o\.|c\.o\.o\.|c\.t\.o\.|interim|acting|co|co-.*|executive|non-executive|nonexecutive|independent|senior|deputy|vice|vice-.*|group|lead|sole|rotating|permanent|founding|managing|associate|global|corporate|chief|division|regional|country|area|general|full-time|presiding|joint|ceos?|cfos?|coos?|ctos?|cios?|cmos?|cpos?|cisos?|csos?|cros?|chros?|ccos?|cdos?|caos?|clos?|cxos?|president|presidents|presidency|chairman|chairmen|chairmanship|chairwoman|chairperson|chairs?|vp|svp|evp|board|directors?|head|leaders?|founders?|cofounder|members?|bosse?s?|prime|minister|ministers|senator|mayor|ambassador|editor|editor-in-chief|director-general|directors-general|[a-z]+-(?:elect|designate)|chief-executive)$/;

/** A title with a hyphenated tail: "CEO-elect", "president-designate", "vice president-finance". */
const HYPHEN_TAIL = /^((?:vice-)?(?:president|chairman|chairwoman|chair|ceo|cfo|coo|cto|director))-([a-z]{3,20})$/;

export function readRole(toks: Token[], i: number, depth = 0): { end: number; info: RoleInfo } | null {
  if (!ROLE_START_WORD.test(toks[i]?.lower ?? '')) return null;
  let j = i;
  const lw = (k: number): string => lowerAt(toks, k);
  // field noun + chief/head/boss ("design chief", "retail head")
  let core = -1;
  let descriptive = false;
  const startMods = j;
  while (j < toks.length && (ROLE_MODS.has(lw(j)) || (lw(j) === 'vice' && /^(?:president|chair)/.test(lw(j + 1)))) && !((lw(j) === 'chief' || lw(j) === 'co-chief') && isChiefCore(toks, j))) {
    if (lw(j) === 'co' && lw(j + 1) !== '-') break;
    j++;
    if (lw(j) === '-') j++;
  }
  // "C.E.O.", "C.F.O.": old-style spelling of the same titles; "president-elect" reads as its core
  const raw = /^(?:[a-z]\.){2,4}$/.test(lw(j)) ? lw(j).replace(/\./g, '') : lw(j);
  const tail = HYPHEN_TAIL.exec(raw);
  const w = raw === 'chief-executive' ? 'ceo' : tail && tail[1] !== 'director' ? (tail[1] ?? raw) : raw;
  let end = -1;
  if (/^(?:minister|ministers|senator|mayor|ambassador)$/.test(w) || (w === 'prime' && lw(j + 1) === 'minister')) {
    // public offices: read as titles so that they are neither names nor employers (and then set aside)
    end = w === 'prime' ? j + 2 : j + 1;
    core = j;
  } else if (/^directors?-general$/.test(w) || w === 'editor-in-chief' || (w === 'director' && lw(j + 1) === 'general' && lw(j + 2) !== 'counsel')) {
    // "director-general" of an institute or a trade body; "editor-in-chief"
    end = w === 'director' ? j + 2 : j + 1;
    core = j;
  } else if (w === 'editor' && lw(j + 1) === 'in' && lw(j + 2) === 'chief') {
    end = j + 3;
    core = j;
  } else if (/^bosse?s?$/.test(w) && (j > i || toks[i - 1]?.cap || /^(?:new|the|its|their|as|former|ex-|outgoing|incoming)$/.test(lw(i - 1)))) {
    // "BBC boss Mark Thompson", "the new boss": a British newsroom's word for the chief executive
    end = j + 1;
    core = j;
  } else if (CSUITE.has(w) || /^co-(?:ceo|cfo|coo|cto|president|chair\w*|head|leader)s?$/.test(w)) {
    end = j + 1;
    core = j;
  } else if (w === 'chief' || w === 'co-chief') {
    const r = chiefEnd(toks, j);
    if (r > 0) {
      end = r;
      core = j;
    }
  } else if (/^(?:vice-)?(?:president|chairman|chairwoman|chairperson|chair|chairs|chairmen|presidents|chairmanship|presidency)$/.test(w)) {
    end = j + 1;
    core = j;
  } else if ((w === 'vp' || w === 'svp' || w === 'evp') && toks[j]?.text !== 'vp') {
    end = j + 1;
    core = j;
  } else if (w === 'general' && lw(j + 1) === 'counsel') {
    end = j + 2;
    core = j;
  } else if (w === 'board' && /^(?:member|director|seat)s?$/.test(lw(j + 1))) {
    end = j + 2;
    core = j;
  } else if (/^(?:director|directors|head)$/.test(w) && j === i && i > 0 && FIELD_NOUNS.has(lw(i - 1)) && !/^(?:of)$/.test(lw(j + 1))) {
    // "finance director David Zinsner", "product head Michelle Johnston Holthaus"
    end = j + 1;
    core = j;
  } else if (/^(?:director|directors)$/.test(w) && (j > startMods || (j === i && (lw(i - 1) === 'as' || ((lw(j + 1) === 'and' || lw(j + 1) === '&') && !!readRole(toks, j + 2))) && !/^(?:of|for|at|general)$/.test(lw(j + 1))))) {
    // "non-executive director", a bare "as directors" (a board seat: "named X and Y as directors"),
    // and "director and vice-chairman"
    end = j + 1;
    core = j;
  } else if (w === 'managing' && lw(j + 1) === 'director') {
    end = j + 2;
    core = j;
  } else if (w === 'head' && lw(j + 1) === 'of') {
    end = j + 1;
    core = j;
  } else if (/^(?:co-?)?(?:leader|leaders)$/.test(w) || (w === 'sole' && lw(j + 1) === 'leader')) {
    end = j + 1;
    core = j;
  } else if (/^(?:co-?)?founders?$/.test(w) || w === 'cofounder') {
    end = j + 1;
    core = j;
    descriptive = true;
  } else if (/^members?$/.test(w) && lw(j + 1) === 'of' && /^(?:the|its|their)$/.test(lw(j + 2))) {
    // "member of the board", "members of the executive board"
    // "member of the board", "of its supervisory board", "of the Corvane board"
    let b = -1;
    for (let x = j + 3; x <= j + 6 && toks[x]; x++) {
      if (/^board/.test(lw(x))) {
        b = x;
        break;
      }
      if (!(toks[x]?.cap || /^(?:executive|supervisory|management|company's|company|bank's|'s)$/.test(lw(x)))) break;
    }
    if (b > 0) {
      end = b + 1;
      core = j;
    }
  }
  if (end < 0) return null;
  // "chairman emeritus": honorary, not a post
  if (/^(?:emeritus|emerita|emeriti)$/.test(lw(end))) descriptive = true;
  // "president and chief executive", "chairman and CEO", "president, chief operating officer and a
  // director": one role when the first has no complement
  const k = end;
  if (!descriptive) {
    let at = k;
    for (let n = 0; n < 4 && lw(at) === ','; n++) {
      const part = conjunctRole(toks, at + 1, depth);
      if (!part || part.info.descriptive) break;
      // the part read on through the list's closing "and …": the list is whole
      if (/\s(?:and|&)\s/.test(part.info.title)) {
        return { end: part.end, info: { ...part.info, title: spanText(toks, i, part.end), interim: part.info.interim || hasInterim(toks, i, part.end) } };
      }
      if (part.info.orgText) break;
      at = part.end;
    }
    if (lw(at) === 'and' || lw(at) === '&') {
      const next = conjunctRole(toks, at + 1, depth);
      if (next && !next.info.descriptive) {
        return {
          end: next.end,
          info: { ...next.info, title: spanText(toks, i, next.end), interim: next.info.interim || hasInterim(toks, i, at) },
        };
      }
    }
  }
  // complement: "of Alibaba Cloud Intelligence", "for the Americas", "of global product development"
  let orgText: string | null = null;
  if ((lw(k) === 'of' || lw(k) === 'for' || lw(k) === 'at') && !descriptive) {
    const c = readComplement(toks, k + 1);
    if (c) {
      const capToks = toks.slice(c.s, c.e).filter((t) => t.cap || isCamel(t.text));
      if (lw(k) !== 'at' || capToks.length) {
        end = c.e;
        // a company ("CEO of Dell", "president of Alibaba Cloud Intelligence"), not a function ("SVP of Retail + People")
        const words = toks.slice(c.s, c.e).filter((t) => !t.punct);
        const capWords = words.filter((t) => t.cap || isCamel(t.text));
        const orgLike = (capWords.length === 1 && words.length === 1)
          || words.some((t) => ORG_HEADS.has(t.lower.replace(/\.$/, '')) && t.cap)
          || capWords.some((t) => isCamel(t.text) || isAcronym(t.text) || /\.(?:com|ai|io)$/i.test(t.text));
        const lastWord = words[words.length - 1];
        // "head of its Blizzard Entertainment unit": the capitalised name is the unit
        const firstCap = words.findIndex((t) => t.cap || isCamel(t.text));
        if (lastWord && /^(?:unit|division|business|arm|subsidiary|studio|group|segment)$/.test(lastWord.lower) && capWords.length && capWords.length === words.length - 1) {
          orgText = capWords.map((t) => t.text).join(' ');
        } else if (firstCap > 0 && words.slice(firstCap).every((t) => t.cap || isCamel(t.text)) && ORG_DESCRIPTION.test(words[firstCap - 1]?.lower ?? '')) {
          // "chief executive of online travel company Expedia": the description names what the company is
          orgText = words.slice(firstCap).map((t) => t.text).join(' ');
        } else
        if (capToks.length && orgLike && !(lastWord && !lastWord.cap && !isCamel(lastWord.text))) orgText = spanText(toks, c.s, c.e).replace(/^(?:the|its|their|his|her)\s+/i, '').replace(/^(?:new|newly formed|newly created|newly)\s+/i, '');
      }
    }
  }
  void core;
  const title = spanText(toks, i, end).replace(/\b((?:co-)?(?:CEO|CFO|COO|CTO|chair|leader|president|head|chief executive)s?)s\b/i, '$1').replace(/\b(co-(?:CEO|leader|chair|president|head))s\b/i, '$1');
  return {
    end,
    info: {
      title,
      interim: hasInterim(toks, i, end),
      orgText,
      plural: /s$/.test(lw(end - 1)) && !/(?:ss|us|sales|operations|services|systems|games|resources|affairs|markets|partners|products|technologies|communications|devices|ads|maps|news)$/.test(lw(end - 1)),
      descriptive,
    },
  };
}

/** A role after "and" or a comma in a list of titles: an article may stand before it, a bare "director" counts. */
function conjunctRole(toks: Token[], k: number, depth: number): { end: number; info: RoleInfo } | null {
  const at = /^(?:a|an)$/.test(lowerAt(toks, k)) ? k + 1 : k;
  const r = readRole(toks, at, depth + 1);
  // "named chairman and CEO and vice president-sales Barry Kay has been named …": a third title before
  // a name is that person's, not part of the list
  if (r && depth > 0 && toks[r.end]?.cap && !toks[r.end]?.punct) return null;
  if (r) return r;
  if (/^directors?$/.test(lowerAt(toks, at)) && lowerAt(toks, at + 1) !== 'general') {
    // "and a director of the company": the board; "director of marketing" is a function, not this
    const ofFirm = lowerAt(toks, at + 1) === 'of' && /^(?:the|its)$/.test(lowerAt(toks, at + 2)) && /^(?:company|corporation|firm|bank|group|board)$/.test(lowerAt(toks, at + 3));
    if (lowerAt(toks, at + 1) === 'of' && !ofFirm && !toks[at + 2]?.cap) return null;
    const end = ofFirm ? at + 4 : at + 1;
    return { end, info: { title: spanText(toks, at, end), interim: false, orgText: null, plural: false, descriptive: false } };
  }
  return null;
}

function lowerAt(toks: Token[], k: number): string {
  return toks[k]?.lower ?? '';
}

function isChiefCore(toks: Token[], j: number): boolean {
  return chiefEnd(toks, j) > 0;
}

function chiefEnd(toks: Token[], j: number): number {
  const lw = (k: number): string => toks[k]?.lower ?? '';
  let k = j + 1;
  if (lw(k) === 'of' && lw(k + 1) === 'staff') return k + 2;
  let adj = 0;
  while (CHIEF_ADJ.has(lw(k)) || lw(k) === 'and' && CHIEF_ADJ.has(lw(k + 1)) && adj > 0) {
    k++;
    adj++;
  }
  if (CHIEF_NOUN.has(lw(k))) return k + 1;
  if (adj > 0 && lw(j + 1) === 'executive') return j + 2;
  // "chief advanced technology and embedded systems officer": a longer lower-case field before "officer"
  for (let x = j + 1; x <= j + 7 && toks[x]; x++) {
    const t = toks[x] as Token;
    if (t.lower === 'officer') return x + 1;
    if (t.punct && t.text !== '&' || t.cap || !/^[a-z&][a-z-]*$/.test(t.lower) || /^(?:of|at|for|to|as|in|on|who|is|was|will|has|and the)$/.test(t.lower)) break;
  }
  // bare "chief" ("interim chief Bob Swan", "AMD graphics chief Raja Koduri")
  return j + 1;
}

function hasInterim(toks: Token[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (/^(?:interim|acting)$/.test(toks[k]?.lower ?? '')) return true;
  return false;
}

/** Common nouns that describe a company right before its name ("travel company Expedia", "chipmaker Arm"). */
const ORG_DESCRIPTION = /^(?:company|firm|maker|chipmaker|carmaker|automaker|giant|startup|start-up|group|provider|operator|retailer|platform|developer|lender|bank|carrier|conglomerate|insurer|owner|parent|service|app|marketplace|manufacturer|publisher|studio|network|brand)$/;

const COMPLEMENT_STOP = new Set([
  'at', 'on', 'in', 'from', 'to', 'with', 'since', 'after', 'before', 'until', 'as', 'who', 'which', 'that', 'will', 'is',
  'was', 'are', 'has', 'had', 'have', 'said', 'says', 'while', 'when', 'for', 'by', 'amid', 'following', 'effective', 'but',
  'where', 'whose', 'than', 'into', 'over', 'under', 'about', 'during', 'becomes', 'became', 'succeeding', 'replacing',
  'last', 'next', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'immediately',
]);

function readComplement(toks: Token[], s: number): { s: number; e: number } | null {
  let k = s;
  const lw = (x: number): string => toks[x]?.lower ?? '';
  if (/^(?:the|its|their|his|her|a)$/.test(lw(k))) k++;
  const begin = k;
  while (k < toks.length && k - begin < 9) {
    const t = toks[k] as Token;
    if (t.punct && !/^[&+]$/.test(t.text)) break;
    if (COMPLEMENT_STOP.has(t.lower) || MONTHS.has(t.lower) && toks[k + 1] && /^\d/.test(toks[k + 1]?.text ?? '')) break;
    if (t.lower === "'s") break;
    if (t.lower === 'and') {
      // continue only into one more capitalised word that is not a person's first name
      const n = toks[k + 1];
      if (!n || !n.cap || readRole(toks, k + 1) || GIVEN_NAMES.has(n.lower) || (toks[k + 2]?.cap && !toks[k + 2]?.punct)) break;
    }
    if (/^\d/.test(t.text) && !t.cap) break;
    k++;
  }
  return k > begin ? { s: begin, e: k } : null;
}

export function spanText(toks: Token[], s: number, e: number): string {
  const a = toks[s];
  const b = toks[e - 1];
  if (!a || !b) return '';
  // rebuild from offsets via token texts and gaps (tokens are contiguous within a sentence string)
  let out = '';
  for (let k = s; k < e; k++) {
    const t = toks[k] as Token;
    const prev = toks[k - 1];
    if (k > s && prev && t.start > prev.end) out += ' ';
    out += t.text;
  }
  return out;
}

/**
 * Whether a token can be part of a name. The verbs and common nouns of NOT_NAME ("Names", "Deal",
 * "Exits") are only excluded where capitals say nothing: in title-case headlines and at the start
 * of a sentence. Mid-sentence in running text, "Stan Deal" is a name.
 */
function nameable(t: Token, next?: Token, caseIsInformative = false, first = false): boolean {
  if (t.punct) return false;
  if (isInitials(t.text)) return true;
  if (!(t.cap || isCamel(t.text))) return false;
  const l = t.lower;
  if (MONTHS.has(l) && next && next.cap && !next.punct && GIVEN_NAMES.has(l) && !/^\d/.test(next.text)) return true;
  // "Jun Young-hyun", "May Kye-hyun": a family name that is also a month, before a hyphenated Korean given name
  if (MONTHS.has(l) && next && KOREAN_GIVEN.test(next.text)) return true;
  if (FUNCTION_WORDS.has(l) || MONTHS.has(l) || WEEKDAYS.has(l)) return false;
  if (NOT_NAME.has(l) && (!caseIsInformative || first || APPOINT_VERBS.has(l) || /^(?:ceo|cfo|cto|coo|president|chairman|chairwoman|chair|founder|co-founder|cofounder|head|leader|boss|mr|ms|mrs|dr|sir|dame|it|its|both|in|on|is|are)$/.test(l))) return false;
  if (/^\d/.test(t.text)) return false;
  if (/-(?:born|based|owned|backed|listed|made|led|focused|run)$/i.test(t.text)) return false;
  return true;
}

export interface KnownPeople {
  /** Full names seen so far in the item, in order. */
  names: string[];
}

/** Chunks a sentence. `known` carries names across sentences so surnames are read as people. */
export function chunk(sentence: Sentence, known: KnownPeople): Unit[] {
  const toks = sentence.tokens;
  const units: Unit[] = [];
  // 1. roles
  const roleAt = new Map<number, { end: number; info: RoleInfo }>();
  for (let i = 0; i < toks.length; ) {
    const r = readRole(toks, i);
    if (r) {
      // "design chief", "retail head": a lower-case field noun before a bare chief/head belongs to the title
      const prev = toks[i - 1];
      if (prev && (!prev.cap || i - 1 === 0) && FIELD_NOUNS.has(prev.lower) && /^(?:chief|head|boss|leader|director)$/.test(r.info.title.toLowerCase()) && !roleAt.has(i - 1)) {
        roleAt.set(i - 1, { end: r.end, info: { ...r.info, title: `${prev.text} ${r.info.title}` } });
      } else roleAt.set(i, r);
      i = r.end;
    } else i++;
  }
  // 2. name runs
  const words = toks.filter((t) => !t.punct && /^\p{L}/u.test(t.text));
  // a title is in sentence case when few words are capitalised, or when a long word is not: Title Case
  // lowers only short function words ("Melinda Gates joins Washington Post board")
  const caseInformative = sentence.isTitle ? words.filter((t) => t.cap).length <= words.length * 0.6 || words.some((t, k) => k > 0 && !t.cap && t.text.length >= 4 && !TITLE_CASE_LOWER.has(t.lower)) : true;
  const nm = (k: number): boolean => {
    const t = toks[k];
    // "at 8:15 ET": a time zone after a time is not a name
    if (t && TIME_ZONE.test(t.text) && /^\d/.test(toks[k - 1]?.text ?? '')) return false;
    // "replaced by August Busch III": a month before a name, not after a time preposition nor before a day, is a given name
    if (t && caseInformative && t.cap && MONTHS.has(t.lower) && !TIME_PREP.has(toks[k - 1]?.lower ?? '') && toks[k + 1] && nameable(toks[k + 1] as Token, toks[k + 2], true, false)
      && !MONTHS.has(toks[k + 1]?.lower ?? '') && !/^\d/.test(toks[k + 2]?.text ?? '')) return true;
    return !!t && nameable(t, toks[k + 1], caseInformative, k === 0);
  };
  const skip = new Set<number>();
  const runs: Array<{ s: number; e: number; nick?: string; hon?: boolean }> = [];
  let afterHonorific = -1;
  for (let i = 0; i < toks.length; ) {
    if (roleAt.has(i)) {
      i = (roleAt.get(i) as { end: number }).end;
      continue;
    }
    const t = toks[i] as Token;
    if (HONORIFIC.has(t.lower.replace(/\.$/, '')) && t.cap) {
      // "Dr. Lisa Su": the honorific is dropped from the name (its tokens are skipped as noise)
      let k = i + 1;
      if (toks[k]?.text === '.') k++;
      if (toks[k] && nm(k)) {
        for (let x = i; x < k; x++) skip.add(x);
        i = k;
        afterHonorific = k;
        continue;
      }
    }
    if (!nm(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    let nick: string | undefined;
    while (j < toks.length && !roleAt.has(j)) {
      const u = toks[j] as Token;
      if (nm(j)) j++;
      else if (/^(?:Co|Cos|Inc|Corp|Ltd|Plc|PLC|LLC|Llc|AG|SA|NV|SE|GmbH|Bhd)\.?$/.test(u.text)) j++; // "Coastal Tug Co"
      else if (PARTICLES.has(u.lower) && toks[j + 1] && nm(j + 1) && !u.cap) j++;
      else if ((u.text === "'" || u.text === '\u2018' || u.text === '"' || u.text === '\u201c') && toks[j + 1]?.cap && /^['\u2019"\u201d]$/.test(toks[j + 2]?.text ?? '') && toks[j + 3] && nm(j + 3)) {
        nick = toks[j + 1]?.text;
        j += 3;
      } else if (u.text === '&' && toks[j + 1]?.cap) j++;
      else if (/^[A-Z]$/.test(u.text) && j === i + 2) j++; // "Ravi Kumar S"
      else break;
    }
    // "EADS Philippe Camus": an acronym before a given name is the employer, not part of the name
    if (j - i >= 3 && isAcronym(toks[i]?.text ?? '') && GIVEN_NAMES.has(toks[i + 1]?.lower ?? '')) {
      runs.push({ s: i, e: i + 1 });
      runs.push({ s: i + 1, e: j, nick });
    } else runs.push({ s: i, e: j, nick, hon: afterHonorific === i });
    i = j;
  }
  // 3. classify runs; in a list ("Priya Raman and Dev Okafor") a name after a person is a person
  const classified = new Map<number, Unit>();
  let prevUnit: Unit | null = null;
  for (const run of runs) {
    let u = classifyRun(sentence, run, roleAt, known);
    const joiner = toks[run.s - 1]?.lower;
    const roleBetween = prevUnit ? [...roleAt.entries()].find(([st, r]) => st === prevUnit?.e && r.end === run.s - 1) : undefined;
    if (u.type === 'O' && prevUnit?.type === 'P' && (joiner === 'and' || joiner === '&') && (prevUnit.e === run.s - 1 || roleBetween) && run.e - run.s >= 2 && !ORG_HEADS.has(toks[run.e - 1]?.lower ?? '') && toks[run.e]?.lower !== "'s") {
      u = { ...u, type: 'P', sym: 'P' };
    }
    classified.set(run.s, u);
    prevUnit = u;
    // a surname later in the same sentence is this person ("named Robert Warren …, succeeding Warren")
    if (u.type === 'P' && u.text.includes(' ')) known.names.push(u.text);
  }
  // 4. emit units in order
  for (let i = 0; i < toks.length; ) {
    const r = roleAt.get(i);
    if (r) {
      units.push({ type: 'R', s: i, e: r.end, text: r.info.title, sym: 'R', role: r.info });
      i = r.end;
      continue;
    }
    const c = classified.get(i);
    if (c) {
      units.push(c);
      if (c.type === 'P') known.names.push(c.text);
      i = c.e;
      continue;
    }
    const t = toks[i] as Token;
    if (skip.has(i)) {
      i++;
      continue;
    }
    if (/^(?:19|20)\d\d$/.test(t.text)) units.push({ type: 'Y', s: i, e: i + 1, text: t.text, sym: 'Y' });
    else if (MONTHS.has(t.lower) && t.cap) units.push({ type: 'M', s: i, e: i + 1, text: t.text, sym: 'M' });
    else units.push({ type: 'W', s: i, e: i + 1, text: t.text, sym: t.lower.replace(/\s+/g, '') });
    i++;
  }
  return units;
}

function classifyRun(
  sentence: Sentence,
  run: { s: number; e: number; nick?: string; hon?: boolean },
  roleAt: Map<number, { end: number; info: RoleInfo }>,
  known: KnownPeople,
): Unit {
  const toks = sentence.tokens;
  const { s, e } = run;
  const words = toks.slice(s, e).filter((t) => t.text !== "'" && t.text !== '\u2018' && t.text !== '\u2019' && t.text !== '"');
  const text = spanText(toks, s, e);
  const lowerWords = words.map((t) => t.lower);
  const lowerText = lowerWords.join(' ');
  const mkUnit = (type: UnitType, aliases?: string[]): Unit => {
    let name = text;
    if (type === 'P' && run.nick) {
      const plain = words.filter((w) => w.text !== run.nick).map((w) => w.text).join(' ');
      aliases = [text, run.nick];
      name = plain;
    }
    if (type === 'O') name = name.replace(/^The\s+/, '');
    return { type, s, e, text: name, sym: type, ...(aliases ? { aliases } : {}) };
  };
  const prevTok = toks[s - 1];
  let prevRole: [number, { end: number; info: RoleInfo }] | undefined;
  for (const entry of roleAt) {
    if (entry[1].end === s) {
      prevRole = entry;
      break;
    }
  }
  const nextRole = roleAt.get(e);
  // "Ostrava Mills names a new CFO, …": an article and "new" before the post named
  const newTitleAt = (i: number): boolean => /^(?:a|its)$/.test(toks[i]?.lower ?? '') && toks[i + 1]?.lower === 'new' && roleAt.has(i + 2);
  const nextTok = toks[e];
  const after = toks[e + 1];

  if (PLACES.has(lowerText) || (words.length === 1 && PLACES.has(lowerWords[0] ?? ''))) return mkUnit('L');
  // "Mr Camus", "Dr. Lisa Su": an honorific names a person
  if (run.hon) return mkUnit('P');
  // "the Manic Street Preachers", "the Walt Disney Company": a name after "the" is not a person's
  if (prevTok?.lower === 'the' && !prevRole) return mkUnit('O');
  // "former Brenn Paper executive Ilse Marten", "a former Brenn Paper official": a name between "former" and a
  // noun that describes a person is the employer
  if (/^(?:former|ex-|ex)$/.test(prevTok?.lower ?? '') && FORMER_OF.test(nextTok?.lower ?? '') && !isKnownPerson(lowerWords, known)) return mkUnit('O');
  // … and the name after that noun is the person's ("named former Brenn Paper executive Ilse Marten CFO")
  if (FORMER_OF.test(prevTok?.lower ?? '') && words.length >= 2 && toks.slice(Math.max(0, s - 6), s - 1).some((t) => /^(?:former|ex-|ex)$/.test(t.lower))) return mkUnit('P');
  // "JD.com, Inc.": a legal suffix cut off by a comma belongs to the name before it
  if (lowerWords.every((w) => /^(?:inc|corp|co|ltd|llc|plc|limited|incorporated|corporation)\.?$/.test(w))) return { type: 'W', s, e, text, sym: lowerText };
  if (EPONYMOUS_ORGS.has(lowerText)) return mkUnit('O');
  const hasHead = lowerWords.some((w, k) => k > 0 && ORG_HEADS.has(w.replace(/\.$/, '')));
  const odd = words.some((t) => isCamel(t.text) || isAcronym(t.text) || /[&]|\.(?:com|ai|io|net|org)$/i.test(t.text) || /\d/.test(t.text));
  // A person is named right after a title ("CEO Tim Cook", "chief executive Lisa Su").
  // ("chief executive Walter Steel": a given name first makes a person of a name that ends like a firm)
  const givenHead = words.length === 2 && GIVEN_NAMES.has(lowerWords[0] ?? '') && !odd;
  const afterTitle = prevRole && !prevRole[1].info.orgText && (!hasHead || givenHead) && !(odd && words.length === 1);
  if (afterTitle && !(nextRole && !isKnownPerson(lowerWords, known) && APPOINTISH.test(prevTok?.lower ?? ''))) {
    return mkUnit('P');
  }
  if (hasHead || odd) return mkUnit('O');
  // "Vela Biotech names Sofia Rossi chief executive": whoever names, appoints or elects is the
  // organisation, unless the run starts like a person's name
  if (ORG_ACTS.test(nextTok?.lower ?? '') && !isKnownPerson(lowerWords, known) && !GIVEN_NAMES.has(lowerWords[0] ?? '') && !EAST_ASIAN_SURNAMES.has(lowerWords[0] ?? '') && toks[e + 1] && (toks[e + 1]?.cap || roleAt.has(e + 1) || newTitleAt(e + 1))) return mkUnit('O');
  // "Novo Nordisk shareholders elect …": owned by its shareholders, staff or board, so a company
  if (/^(?:shareholders|investors|employees|staff|workers|stockholders)$/.test(nextTok?.lower ?? '') && !isKnownPerson(lowerWords, known)) return mkUnit('O');
  // "Jun Young-hyun", "Lee Jae-yong": family name, then a hyphenated given name (Korean order)
  if (words.length === 2 && KOREAN_GIVEN.test(words[1]?.text ?? '') && /^\p{Lu}\p{Ll}{1,5}$/u.test(words[0]?.text ?? '')) return mkUnit('P');
  // "Autodesk's Scott Herren", "Alibaba's Lucy Peng": a name after a possessive employer is a person
  if (prevTok?.lower === "'s" && words.length >= 2) return mkUnit('P');
  // "names Wu Zeming CTO and Jane Jiang chief people officer", "Joe Tsai chairman": a given name starts a person
  const givenFirst = words.length >= 2 && (GIVEN_NAMES.has(lowerWords[0] ?? '') || EAST_ASIAN_SURNAMES.has(lowerWords[0] ?? ''));
  // "Infosys CEO Vishal Sikka", "Morgan Stanley chief executive": a name before a title is the employer,
  // except after an appointing verb ("names Arvind Krishna CEO").
  const beforeAppoint = s > 0 && APPOINT_VERBS.has(prevTok?.lower ?? '') && !['and', 'to', 'from', 'with', 'as', 'by', 'than', 'after'].includes(prevTok?.lower ?? '');
  if (nextRole && !beforeAppoint && !givenFirst) {
    if (!(isKnownPerson(lowerWords, known) && words.length >= 2)) return mkUnit('O');
  }
  // "Google's Eric Schmidt", "Apple's senior vice president"
  if (nextTok?.lower === "'s" && after && (roleAt.has(e + 1) || /^(?:new|next|former|top|longtime|own)$/.test(after.lower) || (after.cap && !FUNCTION_WORDS.has(after.lower)))) {
    if (!isKnownPerson(lowerWords, known)) return mkUnit('O');
  }
  if (isKnownPerson(lowerWords, known)) return mkUnit('P');
  if (words.length >= 2 && words.length <= 5) {
    if (isPersonish(lowerWords, known)) return mkUnit('P');
    return mkUnit('P');
  }
  if (words.length === 1) {
    if (prevRole && !prevRole[1].info.orgText) return mkUnit('P');
    return mkUnit('O');
  }
  void sentence;
  return mkUnit('O');
}

/** Nouns that describe a person by a past employer ("former Brenn Paper executive"). */
const FORMER_OF = /^(?:executive|executives|exec|official|officials|manager|banker|employee|staffer|partner|director|veteran|insider|boss|engineer|lawyer)$/;

/** Verbs whose subject, before a named person or a title, is an employer. */
const ORG_ACTS = /^(?:names|appoints|elects|taps|hires|picks|promotes|nominates|selects|chooses|poaches|recruits|ousts|fires|elevates|installs|welcomes|reappoints|sacks|dismisses)$/;

const APPOINTISH = /^(?:names?|named|taps?|tapped|appoints?|appointed|hires?|hired|picks?|picked|promotes?|promoted|elevates?|elects?|elected|makes?|made)$/;

function isPersonish(lowerWords: string[], known: KnownPeople): boolean {
  const first = lowerWords[0] ?? '';
  return GIVEN_NAMES.has(first) || EAST_ASIAN_SURNAMES.has(first) || isKnownPerson(lowerWords, known) || /^(?:[a-z]\.)+$/.test(first);
}

function isKnownPerson(lowerWords: string[], known: KnownPeople): boolean {
  if (lowerWords.length === 0) return false;
  for (const n of known.names) {
    const nw = n.toLowerCase().split(/\s+/);
    if (lowerWords.every((w) => nw.includes(w))) return true;
  }
  return false;
}
