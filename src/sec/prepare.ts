import { findDefinitions, type Definition } from './company.js';
import { splitSentences } from './sentences.js';

// An Item 5.02 section made into plain prose an extractor can read the way it reads news: the
// heading and the item's title dropped, hard-wrapped lines joined, sub-paragraph markers,
// footnote markers, page numbers and tables gone, "the Company" / "the Registrant" replaced by
// the company's name, and the sentences that are only about pay or are required boilerplate
// left out (Item 5.02(e) and the "no arrangements or understandings" paragraph).

export interface PreparedSection {
  /** Paragraphs separated by blank lines. Empty when nothing but pay and boilerplate is left. */
  text: string;
  /** How many sentences were left out as pay-only or boilerplate. */
  dropped: number;
}

const TITLE_PHRASE = /^[\s.;:,\-–—]*(?:and\s+)?(?:departures?\s+of\s+(?:directors|(?:certain|principal)\s+officers)(?:\s+or\s+(?:certain|principal)\s+officers)?|elections?\s+of\s+directors|appointments?\s+of\s+(?:certain|principal)\s+officers|compensatory\s+arrangements\s+of\s+certain\s+officers)/i;
const ITEM_LABEL = /^items?[\s\u00a0]*5[\s\u00a0]*\.[\s\u00a0]*0?2[\s\u00a0]*(?:\(?[a-g]\))?[\s.:;\-–—]*/i;
const SUB_MARKER = /^(?:\(?[a-g]\)|\([ivx]{1,4}\))[\s\u00a0]*/i;
const FURNITURE = /^(?:-?\s*\d{1,3}\s*-?|page \d{1,3}(?: of \d{1,3})?|<page>|table of contents|[-_=*.\s]+)$/i;
const FOOTNOTE = /^\d{1,2}[\s\u00a0]+[A-Z]/;

/** The item's label and the title words (in any order, possibly over several paragraphs). */
function stripTitle(paragraph: string, first: boolean): string {
  let p = paragraph;
  if (first) p = p.replace(ITEM_LABEL, '');
  let m: RegExpExecArray | null;
  while ((m = TITLE_PHRASE.exec(p))) p = p.slice(m[0].length);
  return p.replace(/^[\s.;:,\-–—]+/, '');
}

/** The heading and title, which may run over the first few paragraphs, taken off the front. */
function dropHeading(paragraphs: readonly string[]): string[] {
  const joined = stripTitle(paragraphs.join('\n\n'), true);
  return joined.split('\n\n').map((p) => p.trim()).filter(Boolean);
}

/** Lines to paragraphs: HTML blocks are paragraphs; plain text paragraphs are blank-line separated. */
function paragraphsOf(lines: readonly string[], markup: 'html' | 'text'): string[] {
  if (markup === 'html') return lines.map((l) => l.trim()).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  for (const line of lines) {
    if (!line.trim()) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    if (/^[-_=*\s]{3,}$/.test(line)) continue; // a rule under a heading
    // "re-" + "election": a hyphen at a line end joins the halves as written.
    cur = !cur ? line.trim() : /[A-Za-z]-$/.test(cur) ? cur + line.trim() : `${cur} ${line.trim()}`;
  }
  if (cur) out.push(cur);
  return out;
}

// The regulation's required statements, which name the person without reporting a change.
const BOILERPLATE = [
  /\bno (?:arrangements?|understandings?)\b.+\bpursuant to which\b/i,
  /\bfamily relationships?\b/i,
  /\bitem 404\(a\)|\bitem 401\(d\)|regulation s-k\b/i,
  /\bnot (?:the )?(?:a )?result of any disagreement|\bno disagreements?\b/i,
  /\bqualified in (?:its|their) entirety\b|\bincorporated (?:herein )?by reference\b/i,
  /\b(?:press release|exhibit \d+(?:\.\d+)?)\b.+\b(?:attached|filed|furnished)\b|\b(?:attached|filed|furnished) (?:hereto|herewith)\b/i,
  /\bforward[- ]looking statements?\b/i,
];

const PAY = /\b(?:salar(?:y|ies)|bonus(?:es)?|compensation|compensatory|equity|awards?|awarded|grants?|granted|restricted stock|stock options?|options?|RSUs?|PSUs?|vest(?:s|ed|ing)?|severance|incentive|retention|payments?|paid|pay|payable|reimburse\w*|benefits?|indemnification|perquisites?|401\(k\)|cobra|(?:employment|consulting|separation|transition|retirement|release|change (?:of|in) control) agreements?|agreements?|plans?|amendments?)\b|\$\s?\d/i;

// A sentence that says someone takes up or leaves a post is kept, whatever else it says.
const MOVE = /\b(?:appoint\w*|elected|election|re-?elect\w*|nam(?:e|es|ed|ing)|resign\w*|retir\w*|step(?:s|ped|ping)? down|depart\w*|terminat(?:e|ed|es|ion) (?:as|from)|(?:employment|service)\b.{1,80}\bterminat\w*|succeed\w*|successor|succession|promot\w*|hire[ds]?|join(?:s|ed|ing)?|bec(?:ame|ome|omes)|(?:will|to|shall) serve as|new (?:role|position|title)|transition\w*|leav(?:e|es|ing)|left|remov(?:e|ed|al)|separat\w*|not (?:to )?stand for|decline\w* to stand|no longer serve|ceas\w*|vacanc\w*|assum\w*|replac\w*|died|death|passed away)\b/i;

// Pay that depends on a future event ("if his employment is terminated without cause") moves no one.
const CONDITIONAL_PAY = /\b(?:severance|salary|bonus|equity|options?|vesting|payments?|benefits?)\b.+\b(?:if|in the event|provided that|upon (?:a|any|such)|following (?:a|any|such) termination)\b|\b(?:if|in the event|provided that)\b.+\b(?:severance|salary|bonus|payments?|benefits?)\b/i;
// "named executive officers" is a term of pay disclosure, not a naming.
const moves = (s: string): boolean => MOVE.test(s.replace(/\bnamed executive officers?\b/gi, 'executives'));
const isPayOnly = (s: string): boolean => PAY.test(s) && (!moves(s) || CONDITIONAL_PAY.test(s));
const isBoilerplate = (s: string): boolean => BOILERPLATE.some((re) => re.test(s));
// A table row or a formula: figures and few words.
const isTabular = (s: string): boolean => {
  const words = s.split(/\s+/).length;
  const figures = (s.match(/\$\s?[\d,.]+|(?<![\d,.])[,.]*\d[\d,.]*%|\b\d{1,3}(?:,\d{3})+\b/g) ?? []).length;
  return (figures >= 2 && words < 30 && !/[.;]\s*$/.test(s)) || /^[^a-z]*=\s*\(/i.test(s);
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GENERIC_TERMS = /^(?:company|registrant|corporation|firm|bank|parent|issuer|partnership|trust)$/i;

/** "the Company" / "the Registrant" / a defined "the Firm" -> the organisation's name. */
export function nameTheCompany(text: string, company: string | null, definitions: readonly Definition[]): string {
  let t = text;
  // The definitions themselves go: "Acme Corp. (the “Company”)" -> "Acme Corp.".
  t = t.replace(/(?<!\s)\s*\((?:together with its (?:consolidated )?subsidiaries,?\s*)?(?:collectively,?\s*)?(?:the\s+)?[“"'][^”"'()]{1,40}[”"'](?:\s*(?:or|and)\s*(?:the\s+)?[“"'][^”"'()]{1,40}[”"'])?\s*\)/g, '');
  const replacements = new Map<string, string>();
  for (const d of definitions) for (const term of d.terms) if (term !== d.name) replacements.set(term, d.name);
  if (company) {
    for (const term of ['Company', 'Registrant']) if (!replacements.has(term)) replacements.set(term, company);
  }
  for (const [term, name] of replacements) {
    // A common noun ("the Company") only with its article; a short name ("CIB", "Disney") alone too.
    const article = GENERIC_TERMS.test(term) ? '[Tt]he\\s+' : '(?:[Tt]he\\s+)?';
    t = t.replace(new RegExp(`\\b${article}${escape(term)}\\b`, 'g'), name);
  }
  // "… of Acme, Inc.." where the name ended the sentence.
  return t.replace(/\b(Inc|Corp|Co|Ltd|L\.P|N\.A|S\.A)\.\./g, '$1.');
}

/** Drops footnote markers glued to punctuation ("effective immediately.1 In …"). */
const dropFootnoteMarks = (p: string): string => p.replace(/([a-z][.;,]|[a-z][”"’)])\d{1,2}(?=\s|$)/g, '$1');

// Bounds that keep a strange filing from stalling the process: a "sentence" longer than this is
// a table or a dump, not prose; the prose kept for the extractor stops at the second bound.
const MAX_SENTENCE = 1500;
const MAX_PREPARED = 30_000;

export function prepareSection(lines: readonly string[], markup: 'html' | 'text', company: string | null): PreparedSection {
  const raw = dropHeading(paragraphsOf(lines, markup));
  const definitions = findDefinitions(raw.join('\n'), company);
  const kept: string[] = [];
  let dropped = 0;
  for (let p of raw) {
    p = p.replace(SUB_MARKER, '');
    // A sub-paragraph's own title: "(e) Compensatory Arrangements of Certain Officers".
    p = stripTitle(p, false);
    if (!p || FURNITURE.test(p)) continue;
    if (FOOTNOTE.test(p) && !/[.;]\s*\(?[a-z]/.test(p.slice(0, 4))) {
      dropped++;
      continue;
    }
    p = dropFootnoteMarks(p);
    const sentences = splitSentences(p).filter((s) => {
      const drop = s.length > MAX_SENTENCE || isBoilerplate(s) || isPayOnly(s) || isTabular(s);
      if (drop) dropped++;
      return !drop;
    });
    if (!sentences.length) continue;
    let text = sentences.join(' ');
    if (!/[.!?:;]["”’)]?$/.test(text)) {
      // A line of its own without a full stop is a table cell or a heading; only a heading that
      // reports a move ("Appointment of Brandon Hetzel as Chief Financial Officer") is read.
      if (!moves(text)) {
        dropped++;
        continue;
      }
      text += '.';
    }
    kept.push(nameTheCompany(text, company, definitions));
    if (kept.reduce((n, k) => n + k.length, 0) > MAX_PREPARED) break;
  }
  return { text: kept.join('\n\n'), dropped };
}
