// Sentences and tokens with offsets into the cleaned item text, so evidence is always verbatim.
import { FUNCTION_WORDS } from './lexicon.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is an initial such as "U.B."). */
  cap: boolean;
  punct: boolean;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** 0 for the title, then paragraph numbers. */
  para: number;
  isTitle: boolean;
  tokens: Token[];
}

// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'etc', 'approx',
  'u.s', 'u.k', 'u.n', 'e.u', 'i.e', 'e.g', 'a.m', 'p.m', 'ph.d', 'fig', 'vol', 'est', 'dept', 'univ', 'assn', 'bros',
]);
// Company suffixes end a sentence only when a new sentence plainly starts after them.
const ORG_ABBR = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'cos']);
const ORG_GOES_ON = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Ltd|Inc|Corp|Co|Plc|LLC|AG|SA|NV|said|says)\b/;
const ROLE_START = /^(?:CEO|CFO|COO|CTO|Chief|Chairman|Chair|President|Vice|Executive|Senior|Board|Director|Head|Founder|Co-founder|and|of|to|as)\b/;

function endsSentenceAt(text: string, dot: number): boolean {
  const after = text.slice(dot + 1);
  // The opening marks and the next word are disjoint, so m[3] holds every opening mark; with no
  // word after them (only marks, or the text's end) the dot ends a sentence only at the end.
  const m = /^(["'\u201d\u2019)\]]*)(\s+)(["'\u201c\u2018(]*)([^\s"'\u201c\u2018(]\S*)?/.exec(after);
  if (!m?.[4]) return after.trim() === '';
  const next = m[4];
  if (!/^[A-Z0-9\u00c0-\u024f\u4e00-\u9fff]/.test(next)) return false;
  if (text[dot] !== '.') return true;
  const before = /(?<![\w.&'\u2019-])[\w.&'\u2019-]+$/.exec(text.slice(Math.max(0, dot - 60), dot));
  const word = (before?.[0] ?? '').toLowerCase();
  if (NO_BREAK.has(word)) {
    // "Jan. 2", but "… in Jan. The …" is rare enough to accept.
    return false;
  }
  const prevWord = /(?<![\w&'\u2019-])([\w&'\u2019-]+)\s+\S+$/.exec(text.slice(Math.max(0, dot - 120), dot))?.[1] ?? '';
  if (/^(?:[a-z]\.)*[a-z]$/i.test(word) && word.length <= 5 && !(word.length === 1 && /^[A-Z]{2,}$/.test(prevWord))) return false; // initials: "J.", "U.B", "J.C"
  // "Orbitz Inc. Tuesday said", "Matsushita Electric Industrial Co. Ltd.": the name or its sentence goes on
  if (ORG_ABBR.has(word)) return !ROLE_START.test(next) && !/^\d/.test(next) && !(m[3] ?? '').includes('(') && !ORG_GOES_ON.test(next);
  return true;
}

/** Splits a paragraph into sentences; returns [start, end) offsets relative to the paragraph. */
function splitParagraph(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /[.!?]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const last = m.index + m[0].length - 1;
    if (!endsSentenceAt(text, last)) continue;
    let end = last + 1;
    while (end < text.length && /["'\u201d\u2019)\]]/.test(text[end] ?? '')) end++;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out.map(([s, e]) => {
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    return [s, e];
  });
}

const TOKEN_RE =
  /(?:[A-Z]\.){2,}(?:[A-Z](?![a-z]))?|[A-Z]\.(?=\s+[A-Z])|[\p{L}\p{N}]+(?:[&'\u2019.+-][\p{L}\p{N}]+)*(?:\+)?|'s\b|\u2019s\b|[^\s\p{L}\p{N}]/gu;

const KEEPS_STOP = new Set(['Inc', 'Corp', 'Co', 'Ltd', 'Jr', 'Sr', 'St', 'Cos', 'Bros']);

export function tokenize(text: string, offset: number): Token[] {
  const toks: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    let t = m[0];
    let start = m.index;
    // "Zhang's" -> "Zhang" + "'s" (not the "A's" of "Moody's A's")
    if (t.length > 2 && (t.endsWith("'s") || t.endsWith('\u2019s')) && !(t.length === 3 && t.charCodeAt(0) >= 65 && t.charCodeAt(0) <= 90)) {
      const a = t.slice(0, -2);
      toks.push(mk(a, offset + start));
      t = t.slice(-2);
      start += a.length;
    }
    // "Ex-Intel CEO": a former-marker, then the name
    if ((t.startsWith('Ex-') || t.startsWith('ex-')) && /^\p{Lu}/u.test(t.slice(3))) {
      toks.push(mk('ex-', offset + start));
      toks.push(mk(t.slice(3), offset + start + 3));
      continue;
    }
    toks.push(mk(t, offset + start));
    // "LG Corp. as COO": the abbreviation keeps its full stop when the sentence goes on
    if (!KEEPS_STOP.has(t)) continue;
    const nextCh = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^\.(?:\s+[a-z(]|,|'|\u2019)/.test(nextCh)) {
      const last = toks[toks.length - 1] as Token;
      toks[toks.length - 1] = mk(`${last.text}.`, last.start);
      TOKEN_RE.lastIndex += 1;
    }
  }
  return toks;
}

function mk(text: string, start: number): Token {
  const c = text.charCodeAt(0);
  // ASCII first (most tokens): a token of several characters always holds a letter or digit
  const ascii = c < 128;
  const alnum = (x: number): boolean => (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  const punct = text.length > 1 ? false : ascii ? !alnum(c) : !/[\p{L}\p{N}]/u.test(text);
  const lower = text.toLowerCase();
  return {
    text,
    lower: lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower,
    start,
    end: start + text.length,
    cap: ascii ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text),
    punct,
  };
}

// A "sentence" longer than this (a list, a table, text without stops) is cut at spaces, so that no
// clause pattern ever scans an unbounded string.
const MAX_SENTENCE = 600;
/** Leadership news sits at the top of an article; the rest is read up to this many characters. */
export const MAX_BODY = 30_000;

function capLength(spans: Array<[number, number]>, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s0, e] of spans) {
    let s = s0;
    while (e - s > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
      if (cut <= s) cut = s + MAX_SENTENCE;
      out.push([s, cut]);
      s = cut;
      while (s < e && text[s] === ' ') s++;
    }
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** A title in capitals throughout ("LLOYD'S APPOINTS NEW COUNCIL MEMBERS"): its case says nothing. */
function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of text) {
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  return upper >= 8 && lower <= upper / 10;
}

const BODY_WORD = /[\p{L}][\p{L}\p{N}'\u2019&-]*/gu;

/**
 * An all-capitals title takes its case from the story under it: a word the body writes "Flight
 * Dynamics" or "president" is written so in the title too; a word the body never uses is a common
 * word (lower case) unless it is short enough to be an acronym.
 */
function recaseFromBody(tokens: Token[], body: string): void {
  const mid = new Map<string, string>();
  const initial = new Map<string, string>();
  BODY_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BODY_WORD.exec(body))) {
    const w = m[0];
    const key = w.toLowerCase();
    // the character before the word, past spaces and a closing quote
    let b = m.index - 1;
    while (b >= 0 && b > m.index - 4 && /[\s"'\u201d\u2019)]/.test(body[b] ?? '')) b--;
    const startOfSentence = b < 0 || /[.!?\n]/.test(body[b] ?? '') || body[m.index - 1] === '\n';
    const map = startOfSentence ? initial : mid;
    if (!map.has(key)) map.set(key, w);
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.punct || !/^\p{Lu}/u.test(t.text)) continue;
    const key = t.lower;
    let form = mid.get(key);
    if (!form) {
      const first = initial.get(key);
      form = first && !FUNCTION_WORDS.has(key) ? first : FUNCTION_WORDS.has(key) || t.text.length > 4 || first ? key : t.text;
    }
    // keep the possessive and other suffix letters as the token had them ("LLOYD'S" → "Lloyd's")
    if (form.length === t.text.length) tokens[k] = { ...t, text: form, cap: /^\p{Lu}/u.test(form) };
  }
}

/** The item as one text: the title, then paragraphs of summary and content. */
export function splitSentences(title: string, body: string): { text: string; sentences: Sentence[] } {
  const hasTitle = title.trim() !== '';
  if (body.length > MAX_BODY) {
    const cut = body.lastIndexOf('\n', MAX_BODY);
    body = body.slice(0, cut > MAX_BODY / 2 ? cut : MAX_BODY);
  }
  const text = !body ? title : hasTitle ? `${title}\n\n${body}` : body;
  const sentences: Sentence[] = [];
  let pos = 0;
  let para = hasTitle ? 0 : 1;
  for (const chunk of text.split(/\n\s*\n|\n/)) {
    const at = text.indexOf(chunk, pos);
    pos = at + chunk.length;
    if (!chunk.trim()) continue;
    const isTitle = para === 0 && hasTitle;
    const spans: Array<[number, number]> = capLength(isTitle ? [[0, chunk.length]] : splitParagraph(chunk), chunk);
    for (const [s, e] of spans) {
      const st = at + s;
      const sText = text.slice(st, at + e);
      if (!sText.trim()) continue;
      const tokens = tokenize(sText, st);
      if (isTitle && body && isAllCaps(sText)) recaseFromBody(tokens, body);
      sentences.push({ text: sText, start: st, end: at + e, para, isTitle, tokens });
    }
    para++;
  }
  return { text, sentences };
}
