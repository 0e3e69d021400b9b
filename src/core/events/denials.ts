// Denials and reversals are not changes (the extractor gives none for them), but a user who was
// told about an event must learn that an outlet disputes it.
const DENIAL = new RegExp(
  [
    '\\bden(?:y|ies|ied|ying)\\b',
    '\\brefut(?:e|es|ed|ing)\\b',
    '\\bdisput(?:e|es|ed|ing)\\b',
    '\\bdismiss(?:es|ed|ing)? (?:the |a |as )?(?:reports?|rumou?rs?|speculation)',
    '(?:\\bnot|n[\'\u2019]t)\\s+(?:stepping down|leaving|retiring|resigning|departing|quitting)\\b',
    '\\bno (?:plans?|intention) (?:to|of) (?:step(?:ping)? down|leav(?:e|ing)|retir(?:e|ing)|resign(?:ing)?|quit(?:ting)?)',
    '\\b(?:reports?|rumou?rs?|claims?) (?:is|are|was|were) (?:false|untrue|baseless|inaccurate|wrong)',
    '\\brescind(?:s|ed|ing)?\\b',
    '\\breverse[sd]? (?:the|its|his|her|their) decision',
  ].join('|'),
  'i',
);

/** The sentences of a text that deny or dispute something. */
export function findDenialSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s && DENIAL.test(s));
}

// A sentence that says a reported move is not happening: the report is denied or called false,
// or the move is negated. Narrower than DENIAL, which also notes disputes about other things
// ("denied wrongdoing"), since a change read from such a sentence is dropped.
const MOVE_DENIAL = new RegExp(
  [
    '\\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing))\\s+(?:(?:a|an|the)\\s+)?(?:\\w+\\s+)?(?:reports?|rumou?rs?|speculation|claims?|suggestions?)\\b',
    '(?:\\bnot|n[\'\u2019]t)\\s+(?:stepping down|leaving|retiring|resigning|departing|quitting|going anywhere)\\b',
    '\\bno\\s+(?:plans?|intention)\\s+(?:to|of)\\s+(?:step(?:ping)? down|leav(?:e|ing)|retir(?:e|ing)|resign(?:ing)?|quit(?:ting)?)',
  ].join('|'),
  'i',
);

// "a newspaper report that chairman Per Dahl would step down was false": the two ends, in order.
const REPORT_WORD = /\b(?:reports?|rumou?rs?|speculation|claims?)\b/i;
const CALLED_FALSE = /\b(?:is|are|was|were)\s+(?:false|untrue|baseless|inaccurate|wrong|incorrect)\b/i;

/** Whether a sentence denies a move (rather than reporting one). */
export function deniesMove(sentence: string): boolean {
  if (MOVE_DENIAL.test(sentence)) return true;
  const report = REPORT_WORD.exec(sentence);
  return report !== null && CALLED_FALSE.test(sentence.slice(report.index));
}

/**
 * Whether a change was read from a denial: every sentence of its evidence that names the person
 * denies the move ("Kestrel denies report that chairman Per Dahl will step down"). Such a change
 * is no change; the denial is noted on the event it disputes instead.
 */
export function readFromDenial(evidence: string, mentions: (sentence: string) => boolean): boolean {
  if (!deniesMove(evidence)) return false;
  const sentences = evidence.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s && mentions(s));
  return sentences.length > 0 && sentences.every(deniesMove);
}
