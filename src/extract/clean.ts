// Feed noise removal: what stands between a feed's text and the sentences that report news.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  hellip: '\u2026', middot: '\u00b7', bull: '\u2022', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2', sect: '\u00a7', deg: '\u00b0',
  laquo: '\u00ab', raquo: '\u00bb', times: '\u00d7', eacute: '\u00e9', egrave: '\u00e8', ecirc: '\u00ea',
  euml: '\u00eb', aacute: '\u00e1', agrave: '\u00e0', acirc: '\u00e2', auml: '\u00e4', atilde: '\u00e3',
  aring: '\u00e5', iacute: '\u00ed', igrave: '\u00ec', icirc: '\u00ee', iuml: '\u00ef', oacute: '\u00f3',
  ograve: '\u00f2', ocirc: '\u00f4', ouml: '\u00f6', otilde: '\u00f5', oslash: '\u00f8', uacute: '\u00fa',
  ugrave: '\u00f9', ucirc: '\u00fb', uuml: '\u00fc', ntilde: '\u00f1', ccedil: '\u00e7', szlig: '\u00df',
  Eacute: '\u00c9', Egrave: '\u00c8', Aacute: '\u00c1', Agrave: '\u00c0', Auml: '\u00c4', Ouml: '\u00d6',
  Uuml: '\u00dc', Oacute: '\u00d3', Iacute: '\u00cd', Uacute: '\u00da', Ntilde: '\u00d1', Ccedil: '\u00c7',
  Oslash: '\u00d8', Aring: '\u00c5', AElig: '\u00c6', aelig: '\u00e6', shy: '', zwj: '', zwnj: '',
  thinsp: ' ', ensp: ' ', emsp: ' ',
};

/** Decodes HTML character references (named, decimal, hex); repeats once for double-escaped feeds. */
export function decodeEntities(s: string): string {
  const once = (t: string): string =>
    t.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return m;
        return String.fromCodePoint(code);
      }
      return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? m;
    });
  if (!s.includes('&')) return s;
  const first = once(s);
  return /&(#x[0-9a-f]+|#\d+|[a-z]+);/i.test(first) ? once(first) : first;
}

const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|tr|table|figure|figcaption|pre|hr)\b[^>]*>/gi;

/** Strips tags (dropping script/style bodies), decodes entities, keeps paragraph breaks. */
export function htmlToText(html: string): string {
  if (!html) return '';
  let s = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(BLOCK_TAGS, '\n\n')
    .replace(/<[^<>]*>/g, '');
  s = decodeEntities(s);
  return normalizeSpace(s);
}

/** Collapses runs of spaces within lines and blank-line runs into one paragraph break. */
export function normalizeSpace(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t ]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Outlet names appended to titles by aggregators: "… - Reuters", "… | TechCrunch".
const OUTLETS = new Set([
  'reuters', 'bloomberg', 'bloomberg news', 'cnbc', 'techcrunch', 'the verge', 'ars technica', 'engadget',
  'wired', 'wsj', 'the wall street journal', 'wall street journal', 'financial times', 'ft', 'bbc', 'bbc news',
  'cnn', 'cnn business', 'forbes', 'fortune', 'business insider', 'insider', 'axios', 'the information',
  'nikkei asia', 'nikkei', 'scmp', 'south china morning post', 'technode', 'pandaily', 'yahoo finance',
  'yahoo news', 'marketwatch', "barron's", 'the new york times', 'new york times', 'nyt', 'the guardian',
  'ap', 'ap news', 'associated press', 'zdnet', 'venturebeat', 'geekwire', '9to5mac', 'macrumors',
  "tom's hardware", 'the register', 'protocol', 'semafor', 'quartz', 'mint', 'livemint', 'the economic times',
  'economic times', 'the times of india', 'times of india', 'the korea herald', 'korea herald', 'korea times',
  'caixin', 'caixin global', 'yicai', 'krasia', 'rest of world', 'siliconangle', 'crn', 'computerworld',
  'infoworld', 'digital trends', 'android authority', 'business wire', 'pr newswire', 'globenewswire',
  'the hindu', 'hindustan times', 'ndtv', 'al jazeera', 'the washington post', 'washington post', 'npr',
  'fox business', 'cbs news', 'abc news', 'nbc news', 'the motley fool', 'seeking alpha', 'investopedia',
  'the street', 'thestreet', 'fierce', 'theregister', 'mashable', 'gizmodo', 'the next web', 'tnw', 'slashdot',
  'hacker news', 'politico', 'time', 'the atlantic', 'the economist', 'economist', 'kotaku', 'polygon', 'ign',
  'variety', 'deadline', 'the hollywood reporter', 'pcmag', 'pcworld', 'macworld', 'appleinsider', 'the block',
  'coindesk', 'decrypt', 'cointelegraph', 'fintech futures', 'finextra', 'silicon republic', 'tech in asia',
  'dealstreetasia', 'e27', 'inc42', 'yourstory', 'moneycontrol', 'google news', 'afp', 'upi', 'dow jones',
  'ziff davis', 'pc world', "investor's business daily", 'techweb', 'newsfactor', 'usatoday.com',
]);
const TITLE_TAIL = /(?<!\s)\s+([-\u2013\u2014|\u00b7]|::)\s+([^-\u2013\u2014|]{1,60})$/;
const TITLE_PREFIX = /^\s*(?:exclusive|breaking(?: news)?|update[d]?(?: \d{1,2})?|correct(?:ed|ion)(?: \d{1,2})?|just in|scoop|watch|video|opinion|live|analysis|briefly)\s*[:\u2014|-]\s+/i;
const TITLE_UPDATE = /(?<!\s)\s*\((?:update|corrected|correction)\s?\d{0,2}\)$/i;
// A credit closing a feed title: "… Is Named President (AP)", "… to Step Down in Sept 2006 -WSJ"
const TITLE_CREDIT = /(?<!\s)\s+(?:\(([^()]{1,40})\)|-([A-Za-z][\w.]{1,20}))$/;

function isCredit(name: string, paren: boolean): boolean {
  const t = name.trim().toLowerCase();
  if (OUTLETS.has(t) || /^[\w-]+\.(?:com|net|org|io|co|news|tech|ai)(?:\.\w\w)?$/.test(t)) return true;
  // in brackets, an agency's acronym or a one-word CamelCase site ("(AFP)", "(TechWeb)")
  return paren && /^(?:[A-Z]{2,5}|[A-Z][a-z]+[A-Z][a-z]+)$/.test(name.trim());
}

function looksLikeOutlet(sep: string, tail: string): boolean {
  const t = tail.trim().toLowerCase().replace(/\.$/, '');
  if (OUTLETS.has(t) || /^[\w-]+\.(?:com|net|org|io|co|news|tech|ai)(?:\.\w\w)?$/.test(t)) return true;
  if (/\b(?:ceo|cfo|coo|cto|chief|president|chair\w*|head|director|named|names|steps?|resigns?|succeeds?|joins?)\b/.test(t)) return false;
  // A pipe almost always introduces a site name; a dash only when the tail is one word.
  return sep === '|' || sep === '\u00b7' || sep === '::' || !/\s/.test(t);
}

/** Drops outlet suffixes and "Exclusive:"-style prefixes from a feed title. */
export function cleanTitle(title: string): string {
  let t = normalizeSpace(decodeEntities(unmarkWire(title))).replace(/\n+/g, ' ');
  for (let i = 0; i < 2; i++) {
    const m = TITLE_TAIL.exec(t);
    if (m && m.index > 10 && looksLikeOutlet(m[1] ?? '', m[2] ?? '')) t = t.slice(0, m.index).trim();
    else break;
  }
  t = t.replace(TITLE_PREFIX, '').replace(TITLE_UPDATE, '');
  const credit = TITLE_CREDIT.exec(t);
  if (credit && credit.index > 10 && isCredit(credit[1] ?? credit[2] ?? '', credit[1] !== undefined)) t = t.slice(0, credit.index);
  return t.trim();
}

const BOILERPLATE: RegExp[] = [
  /(?<!\s)\s*The post\s[\s\S]{1,300}?\sappeared first on\s[^\n]*?(?:\.|$)/gi,
  /(?<!\s)\s*This (?:article|story|entry) (?:was )?(?:originally )?(?:appeared|published|posted) (?:first )?(?:on|in|at)\s[^\n]*?(?:\.|$)/gi,
  /(?<!\s)\s*(?:Continue|Keep) reading[^\n]*$/gim,
  /(?<!\s)\s*Read (?:more|the full (?:story|article))(?:[ \t]+(?:at|on|here)\b[^\n]*|[ \t]*(?:(?:\u2026|\.\.\.|»|>>|→)[ \t]*)?)$/gim,
  /(?<!\s)\s*\[(?:\u2026|\.\.\.|&hellip;)\]\s*$/g,
  /(?<![\s.])\s*(?:\u2026|\.\.\.)\s*$/g,
  /^[ \t]*(?:Photo|Image)(?: Credit)?s?:[^\n]*$/gim,
  /^[ \t]*(?:(?:Advertisement|ADVERTISEMENT|Go to top|Share this (?:article|story))[ \t]*|Sign up for[^\n]*|Subscribe[^\n]*newsletter[^\n]*)$/gm,
];

/** Removes feed furniture: "The post … appeared first on …", "Read more", trailing ellipses, credits. */
export function stripFeedBoilerplate(text: string): string {
  // each kind of furniture has a word or mark it cannot do without: most texts have none of them
  if (!BOILERPLATE_HINT.test(text)) return normalizeSpace(text);
  let s = text;
  for (const re of BOILERPLATE) s = s.replace(re, '');
  return normalizeSpace(s);
}

const BOILERPLATE_HINT = /appeared first|originally|&hellip;|reading|Read |\u2026|\.\.\.|Photo|Image|Advertisement|ADVERTISEMENT|Go to top|Share this|Sign up|Subscribe|This (?:article|story|entry)/;

// "(NYSE: BABA)", "(NASDAQ: JD and HKEX: 9618)", "(SBUX.O: Quote, Profile, Research)": listings, not names in the sentence.
const TICKER = /(?<!\s)\s*\((?:(?:NYSE|NASDAQ|Nasdaq|HKEX|HKSE|SEHK|LSE|TSE|TYO|SSE|SZSE|KRX|KOSPI|TSX|ASX|NSE|BSE|Euronext|OTC|OTCQX|SIX|FWB|XETRA)\b[^()]{0,60}|[A-Z0-9]{1,6}\.[A-Z]{1,2}: Quote, Profile, Research)\)/g;

/**
 * A wire dateline or credit before the first sentence: "NEW YORK (Reuters) - ", "SAN FRANCISCO
 * (CBS.MW) -- ", "BIRMINGHAM, Ala. -- ", "NEW YORK, March 3 - ", "AFP - ". It names a place or an
 * outlet, never an actor of the news.
 */
const DATELINE = /^([A-Z][\w.'&-]*(?:,? (?:[A-Z][\w.'&-]*|and|of|the)){0,4}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?)?( ?\([^()\n]{1,30}\))?(?: -{1,2} ?|--|\u2014 ?|\u2013 )(?=\S)/;

function stripDateline(text: string): string {
  return text.replace(DATELINE, (m, words: string | undefined, source: string | undefined) => {
    if (source || !words) return source ? '' : m;
    const w = words.split(',')[0] ?? words;
    const city = /^[A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+)*$/.test(w);
    const outlet = OUTLETS.has(words.toLowerCase()) || /^(?:[A-Z]{2,5}|[A-Z][a-z]+[A-Z]\w*)$/.test(words) || /^(?:The |[A-Z]\w* and )/.test(words);
    return city || outlet ? '' : m;
  });
}

/** Entities whose ampersand a corpus lost ("Marsh  amp; McLennan", " #36;5 billion"). */
const BARE_ENTITY = /(?<=\s)(amp|quot|lt|gt|#\d{2,4});/g;
const BARE: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>' };

/** A ticker linked as an anchor in a feed's HTML: "Kmart Holding Corp. <A HREF=…>KMRT.O</A>". */
const TICKER_ANCHOR = /<a\s[^<>]*>\s*[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?\s*<\/a>/gi;

const HTML_TAG_NAMES = 'p|div|br|a|span|b|i|u|em|strong|img|ul|ol|li|h[1-6]|table|tbody|thead|tr|td|th|blockquote|figure|figcaption|section|article|header|footer|script|style|noscript|template|iframe|hr|font|small|sup|sub|pre|code|source|picture|video|audio|meta|link|html|head|body|title|nav|aside|main|center|dl|dt|dd|abbr|cite|q|s|del|ins|mark|time|wbr|button|form|input|label|svg|path';
const HTML_TAG = new RegExp(`<\\/?(?:${HTML_TAG_NAMES})(?:[\\s/][^<>]*)?>|<!--`, 'i');
const TAG_NAME = new RegExp(`^\\/?(?:${HTML_TAG_NAMES})$`, 'i');

/**
 * Newswires mark a listing and a private company in angle brackets: "Occidental Petroleum Corp
 * <OXY>", "<Fletcher Challenge Ltd> said". The ticker goes; the company name stays, unmarked.
 */
export function unmarkWire(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/( ?)<([^<>\n]{1,60})>/g, (m, sp: string, inner: string) => {
    const word = inner.trim();
    if (TAG_NAME.test(word.split(/[\s/]/)[0] ?? '')) return m;
    if (/^[A-Z0-9][A-Z0-9.-]{0,9}$/.test(word)) return '';
    return /^[A-Z0-9]/.test(word) ? `${sp}${word}` : m;
  });
}

/**
 * Text wrapped at a fixed width, as newswires send it ("… said William C. Terpstra has\nresigned
 * as president"): the lines of a paragraph are joined again. A blank or indented line starts a
 * paragraph. Only text whose lines are mostly of wire width is touched; short lines (lists, feed
 * furniture) keep their breaks.
 */
const WRAP_WORD = /(?<![\w'])(?:the|a|an|of|to|and|or|in|on|at|for|by|with|from|as|its|his|her|their|said|has|have|had|was|were|is|are|will|be|been|that|who|which)$/i;

export function unwrapLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const filled = lines.map((l) => l.trim()).filter((l) => l !== '');
  // wrapped: no line wider than a wire's column, one near it, and a break inside a phrase (the next
  // line goes on in lower case, or the line ends on a word that cannot end a sentence)
  const midPhrase = filled.some((l, k) => k + 1 < filled.length && !/[.!?:;"\u201d)]$/.test(l) && (/^[a-z]/.test(filled[k + 1] ?? '') || WRAP_WORD.test(l)));
  if (filled.length < 3 || filled.some((l) => l.length > 100) || !filled.some((l) => l.length >= 45) || !midPhrase) return text;
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const body = line.trim();
    if (!body) {
      if (cur) out.push(cur);
      cur = '';
      out.push('');
      continue;
    }
    if (cur && /^(?: {2,}|\t)/.test(line)) {
      out.push(cur);
      cur = '';
    }
    // a word broken at the margin with its hyphen ("vice president-\nfinance") joins without a space
    cur = !cur ? body : cur.endsWith('-') && /^[a-z]/.test(body) ? cur + body : `${cur} ${body}`;
  }
  if (cur) out.push(cur);
  return out.join('\n');
}

/** Everything a feed text needs before extraction: HTML, entities, boilerplate, wire wrapping. */
export function cleanBody(text: string | null | undefined): string {
  if (!text) return '';
  const unwrapped = unmarkWire(unwrapLines(text)).replace(BARE_ENTITY, (m, e: string) => BARE[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));
  // a feed that escaped its HTML ("&lt;A HREF=…&gt;") is HTML once decoded
  const decoded = decodeEntities(unwrapped);
  const html = HTML_TAG.test(unwrapped) ? unwrapped : HTML_TAG.test(decoded) ? decoded : null;
  const plain = html !== null ? htmlToText(html.replace(TICKER_ANCHOR, '')) : normalizeSpace(decoded);
  return stripDateline(stripFeedBoilerplate(plain).replace(TICKER, ''));
}
