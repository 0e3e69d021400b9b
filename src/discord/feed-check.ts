import { BlockedAddressError, resolvePublicAddress, type LookupAll } from '../feeds/ssrf.js';
import { FeedError, type FeedReader } from '../feeds/types.js';

export type FeedCheck =
  | { ok: true; url: string; title: string | null; items: number }
  | { ok: false; error: string };

/** Fetches and parses a feed before /feeds add accepts it. */
export type FeedChecker = (url: string) => Promise<FeedCheck>;

/** Resolves a host and says why it may not be fetched, or null when it may. */
export type AddressGuard = (url: URL) => Promise<string | null>;

/**
 * The feeds' SSRF guard (src/feeds/ssrf.ts) as a yes/no with a reason: loopback, private,
 * link-local and metadata addresses are refused unless allowed — all of them, or single
 * "host:port" entries (tests, a feed server on the user's own network).
 */
export function createAddressGuard(options: { allowPrivateAddresses?: boolean; allowHosts?: readonly string[]; lookupAll?: LookupAll } = {}): AddressGuard {
  return async (url) => {
    if (options.allowHosts?.includes(url.host)) return null;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    try {
      await resolvePublicAddress(host, { allowPrivate: options.allowPrivateAddresses ?? false, lookupAll: options.lookupAll });
      return null;
    } catch (err) {
      if (err instanceof BlockedAddressError) return `${host} resolves to a private or local address (${err.why}), which feeds may not use`;
      if (err instanceof FeedError && err.kind === 'blocked') return `${host} resolves to a private or local address, which feeds may not use`;
      return (err as Error).message;
    }
  };
}

/** The check /feeds add runs: http(s) only, the address guard, then a real fetch and parse. */
export function createFeedChecker(deps: { reader: FeedReader; guard: AddressGuard }): FeedChecker {
  return async (raw) => {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      return { ok: false, error: `“${raw}” is not a URL. Give the feed's full address, starting with https://` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `only http and https feeds can be added (got ${url.protocol.replace(':', '')})` };
    if (url.username || url.password) return { ok: false, error: 'feed URLs with a user name or password are not accepted' };
    const refused = await deps.guard(url);
    if (refused) return { ok: false, error: refused };
    try {
      const result = await deps.reader.read({ url: url.href });
      if (result.status !== 'ok') return { ok: false, error: 'the server answered 304 Not Modified to a first request' };
      return { ok: true, url: url.href, title: result.feed.title, items: result.feed.entries.length };
    } catch (err) {
      if (err instanceof FeedError) return { ok: false, error: `that URL is not a feed execwatch can read: ${err.message}` };
      return { ok: false, error: `could not read the feed: ${(err as Error).message}` };
    }
  };
}
