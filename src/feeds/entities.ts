// Entity decoding for feeds: XML's five, numeric references, and the HTML names feeds use
// without declaring them (&nbsp; &eacute; &rsquo; …). An unknown or bare `&` stays as written.

// The HTML names for U+00A0..U+00FF, in code point order.
const LATIN1 = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED = new Map<string, number>(Object.entries({
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39,
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207,
  ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222,
  dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243,
  lsaquo: 8249, rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364, trade: 8482, larr: 8592, uarr: 8593,
  rarr: 8594, darr: 8595, harr: 8596, minus: 8722, infin: 8734, ne: 8800, le: 8804, ge: 8805, asymp: 8776,
  Alpha: 913, Beta: 914, Gamma: 915, Delta: 916, Omega: 937, alpha: 945, beta: 946, gamma: 947, delta: 948,
  pi: 960, sigma: 963, omega: 969, mu: 956, lambda: 955, hearts: 9829, check: 10003, star: 9734,
}));
LATIN1.forEach((name, i) => NAMED.set(name, 0xa0 + i));

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function fromCode(code: number): string | null {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** Decodes entity references; `doc` holds entities declared inline in the document's DOCTYPE. */
export function decodeEntities(text: string, doc: ReadonlyMap<string, string> | null): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return fromCode(hex ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) ?? whole;
    }
    const named = NAMED.get(ref);
    if (named !== undefined) return String.fromCharCode(named);
    return doc?.get(ref) ?? whole;
  });
}
