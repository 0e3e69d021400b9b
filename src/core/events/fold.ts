// Folding text for comparing names: outlets write "Bolloré", "Bollore" and "BOLLORÉ", "Søren"
// and "Soren", and a feed read in the wrong encoding gives "BollorÃ©". All fold to "bollore".

// Letters that Unicode does not decompose into a base letter and a mark.
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ı: 'i', þ: 'th', ħ: 'h', ŀ: 'l', ŧ: 't',
};
const SPECIAL = /[øłæœßđðıþħŀŧ]/g;
// UTF-8 read as Latin-1: a lead byte (Â–ß as Latin-1) followed by a continuation byte (€–¿).
const MOJIBAKE = /[\u00c2-\u00df][\u0080-\u00bf]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text as its UTF-8 bytes meant, when it is UTF-8 that was read as Latin-1; else unchanged. */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    bytes[i] = code;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return text;
  }
}

/** Lower case without accents, special Latin letters spelled out ("Łukasz Sørensen" → "lukasz sorensen"). */
export function foldLatin(text: string): string {
  return repairMojibake(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(SPECIAL, (c) => LETTERS[c] ?? c);
}

/**
 * A function remembered for the last few thousand inputs: names and titles recur across reports
 * and candidates, and folding them again is most of the cost of matching. Results are shared:
 * callers must not change them.
 */
export function remembered<T>(fn: (key: string) => T, max = 8192): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= max) seen.clear();
      value = fn(key);
      seen.set(key, value);
    }
    return value;
  };
}
