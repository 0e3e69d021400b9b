// Links as identities: resolved against xml:base or the feed URL, unwrapped from redirectors that
// carry the real URL, and stripped of tracking parameters so one article has one URL.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|mkt_tok|ncid|ocid|cmpid|sr_share|guccounter|guce_referrer|guce_referrer_sig|at_medium|at_campaign|at_custom\d|spm|ref_src|__twitter_impression)$/i;

const TRACKING_IN_QUERY = /[?&](utm_|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|mkt_tok|ncid|ocid|cmpid|sr_share|guccounter|guce_|at_medium|at_campaign|at_custom|spm|ref_src|__twitter)/i;

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves `ref` against `base`; only http(s) results count (no javascript:, data:, file:). */
export function resolveUrl(ref: string | null | undefined, base: string | null | undefined): string | null {
  const r = ref?.trim();
  if (!r) return null;
  try {
    // An absolute link needs no base (and parsing the base for every item is not free).
    const u = base && !ABSOLUTE.test(r) && isHttpUrl(base) ? new URL(r, base) : new URL(r);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(s);
}

/** Google's redirectors (`google.com/url?url=…`, Google News `…/url?…&url=…`) give the real URL. */
export function unwrapRedirect(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (/(^|\.)google\.[a-z.]+$/i.test(u.hostname) && /^\/(news\/)?url$/.test(u.pathname)) {
    const real = u.searchParams.get('url') ?? u.searchParams.get('q');
    if (real && isHttpUrl(real)) return real;
  }
  return url;
}

// Already in the form WHATWG URL serialises to, with nothing to drop: returned as it is.
const PLAIN_URL = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:(?!80\/|443\/)\d+)?\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;

// A query WHATWG URL would serialise unchanged (no space, ", #, ', <, >, or non-ASCII).
const PLAIN_QUERY = /^[\x21\x24-\x26\x28-\x3b\x3d\x3f-\x7e]*$/;

/** Drops tracking parameters from a raw query string, leaving everything else byte for byte. */
function dropTracking(query: string): string {
  return query.split('&').filter((pair) => pair && !TRACKING.test(pair.split('=', 1)[0]!)).join('&');
}

/** The one URL an article is known by. */
export function canonicalUrl(url: string): string {
  // Fast path for the common case, a plain absolute URL: string work only, same result.
  if (!/google\./.test(url)) {
    const noHash = url.split('#', 1)[0]!;
    const q = noHash.indexOf('?');
    const head = q === -1 ? noHash : noHash.slice(0, q);
    const query = q === -1 ? '' : noHash.slice(q + 1);
    if (PLAIN_URL.test(head) && !head.includes('/.') && PLAIN_QUERY.test(query)) {
      const kept = query && TRACKING_IN_QUERY.test(`?${query}`) ? dropTracking(query) : query;
      return kept ? `${head}?${kept}` : head;
    }
  }
  let u: URL;
  try {
    u = new URL(unwrapRedirect(url.trim()));
  } catch {
    return url.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  u.hash = '';
  if (u.search) {
    const kept = TRACKING_IN_QUERY.test(u.search) ? dropTracking(u.search.slice(1)) : u.search.slice(1);
    u.search = kept ? `?${kept}` : '';
  }
  if (u.href.endsWith('?')) return u.href.slice(0, -1);
  return u.href;
}
