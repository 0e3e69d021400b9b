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
