import { HONORIFICS, LEGAL_SUFFIXES, nameWords } from '../core/names.js';
import type { LlmChange } from './schema.js';

// A model can quote loosely, misspell a name or invent a change outright (or be talked into one
// by the item). Grounding keeps only changes whose evidence, person and organisation are really
// in the item text, and widens the evidence to the item's own whole sentences.

export type DropReason = 'incomplete' | 'evidence' | 'person' | 'organization' | 'instruction';

export interface GroundingResult {
  kept: LlmChange[];
  dropped: Array<{ change: LlmChange; reason: DropReason }>;
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
};

interface Normalised {
  text: string;
  /** For each character of `text`, the index of the original character it came from. */
  origin: number[];
}

/** Straight quotes and hyphens, one space for any whitespace run, "…" as "..."; with an index map. */
export function normaliseWithMap(s: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      if (!lastWasSpace) {
        text += ' ';
        origin.push(i);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    const mapped = ch === '\u2026' ? '...' : (QUOTES[ch] ?? ch);
    for (const m of mapped) {
      text += m;
      origin.push(i);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

export const normaliseForMatch = (s: string): string => normaliseWithMap(s).text;

// Words after which a full stop seldom ends a sentence.
const NO_BREAK = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'gov', 'sen', 'rep', 'vs', 'etc', 'no', 'u.s', 'u.k',
  'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Positions just after each sentence-ending mark in `text` (abbreviations and initials skipped). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?]["'\u201d\u2019)\]]*(?=\s|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = m.index + m[0].length;
    const next = /^\s+(\S)/.exec(text.slice(after, after + 8))?.[1];
    if (next !== undefined && !/[A-Z0-9"'\u201c\u2018(\u00c0-\u024f\u4e00-\u9fff]/.test(next)) continue;
    if (text[m.index] === '.') {
      const word = (/(?<![\w.'\u2019-])([\w.'\u2019-]+)$/.exec(text.slice(0, m.index))?.[1] ?? '').toLowerCase();
      if (NO_BREAK.has(word) || /^(?:[a-z]\.)*[a-z]$/.test(word)) continue;
    }
    ends.push(after);
  }
  return ends;
}

/** The [start, end) span of the whole sentence(s) around original[start, end). */
function sentenceSpan(original: string, ends: readonly number[], start: number, end: number): [number, number] {
  let from = Math.max(0, original.lastIndexOf('\n', start - 1) + 1);
  for (const e of ends) {
    if (e <= start && e > from) from = e;
  }
  let to = original.indexOf('\n', end);
  if (to < 0) to = original.length;
  const stop = ends.find((e) => e >= end);
  if (stop !== undefined && stop < to) to = stop;
  while (from < to && /\s/.test(original[from] as string)) from++;
  while (to > from && /\s/.test(original[to - 1] as string)) to--;
  return [from, to];
}

/**
 * Where the evidence stands in the text: the spans of whole sentences covering it, or null when
 * some part of it is not in the text. Parts the model elided with "..." are located separately.
 */
export function locateEvidence(evidence: string, original: string, norm: Normalised = normaliseWithMap(original)):
  Array<[number, number]> | null {
  const pieces = normaliseForMatch(evidence)
    .replace(/^["']+|(?<!["'])["']+$/g, '')
    .split(/(?<!\s)\s*\.{3,}\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (pieces.length === 0) return null;
  const ends = sentenceEnds(original);
  const spans: Array<[number, number]> = [];
  for (const piece of pieces) {
    const at = norm.text.indexOf(piece);
    if (at < 0) return null;
    const start = norm.origin[at] as number;
    const end = (norm.origin[at + piece.length - 1] as number) + 1;
    spans.push(sentenceSpan(original, ends, start, end));
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    // Sentences that touch (only whitespace between) read as one quote.
    if (last && (s[0] <= last[1] || /^\s*$/.test(original.slice(last[1], s[0])))) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Folded words of the text, space-delimited at both ends for whole-word phrase lookups. */
function foldedWords(s: string, drop: ReadonlySet<string> = new Set()): string[] {
  return nameWords(s, drop);
}

/** Every word of the name stands as a word in the text (case, accents and punctuation folded). */
export function nameInText(name: string, textWords: ReadonlySet<string>, drop: ReadonlySet<string>): boolean {
  const words = foldedWords(name, drop);
  return words.length > 0 && words.every((w) => textWords.has(w));
}

// Text addressed to a model rather than to readers. Such a sentence is not news, whatever it
// "reports"; the prompt says so too, and this check holds when a model obeys the item anyway.
// Only imperatives aimed at the reader-machine count: tech news talks about AI all the time.
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{1,60}\b(?:instructions?|prompts?|rules|directions|guidelines)\b/i,
  /\byou (?:are now|must now|must (?:report|output|say|answer|respond|extract|return|state|list))\b/i,
  /\b(?:note|message|instructions?|attention)\s*(?:to|for)\s+(?:the\s+|all\s+|any\s+)?(?:ai|llms?|language models?|assistants?|chatbots?|models?|bots?)\b/i,
  /(?:^|[.!?:;]\s*|\band\s+|\binstead,?\s+)(?:please\s+)?(?:report|state|claim|output|answer|respond|reply|return)\s+(?:only\s+)?(?:that|with)\b/i,
];

export function looksLikeInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(sentence));
}

const EMPTY: ReadonlySet<string> = new Set();

/** Keeps the changes the item text bears out; their evidence becomes the item's whole sentences. */
export function groundChanges(changes: readonly LlmChange[], text: string): GroundingResult {
  const norm = normaliseWithMap(text);
  const words = new Set(foldedWords(text, EMPTY));
  const kept: LlmChange[] = [];
  const dropped: GroundingResult['dropped'] = [];
  for (const change of changes) {
    if (!change.person.trim() || !change.organization.trim() || !change.role.trim() || !change.evidence.trim()) {
      dropped.push({ change, reason: 'incomplete' });
      continue;
    }
    const spans = locateEvidence(change.evidence, text, norm);
    if (!spans) {
      dropped.push({ change, reason: 'evidence' });
      continue;
    }
    const sentences = spans.map(([a, b]) => text.slice(a, b));
    if (sentences.some(looksLikeInstruction)) {
      dropped.push({ change, reason: 'instruction' });
      continue;
    }
    if (!nameInText(change.person, words, HONORIFICS)) {
      dropped.push({ change, reason: 'person' });
      continue;
    }
    if (!nameInText(change.organization, words, LEGAL_SUFFIXES)) {
      dropped.push({ change, reason: 'organization' });
      continue;
    }
    kept.push({
      ...change,
      personAliases: change.personAliases.filter((a) => nameInText(a, words, HONORIFICS)),
      counterpart: change.counterpart && nameInText(change.counterpart.name, words, HONORIFICS)
        ? change.counterpart : null,
      destination: change.destination && nameInText(change.destination, words, LEGAL_SUFFIXES)
        ? change.destination : null,
      evidence: sentences.join(' … '),
    });
  }
  return { kept, dropped };
}
