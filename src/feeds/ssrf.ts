import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { FeedError } from './types.js';

/**
 * The SSRF guard: feed URLs given by users must not reach the host's own network. Checked when
 * the connection is made (the address is resolved, checked, then used), so DNS rebinding and
 * redirects to internal hosts are caught too.
 */

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

const V4_BLOCKS: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V4 = V4_BLOCKS.map(([net, bits, why]) => ({ net: ipv4ToInt(net), mask: bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0, why }));

function v4Reason(ip: string): string | null {
  const n = ipv4ToInt(ip);
  for (const b of V4) if (((n & b.mask) >>> 0) === b.net) return b.why;
  return null;
}

/** Expands an IPv6 address to its eight 16-bit groups (handles `::` and a dotted IPv4 tail). */
function ipv6Groups(ip: string): number[] | null {
  let s = ip.split('%')[0]!.toLowerCase();
  const dotted = /(?<!\d)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = ipv4ToInt(dotted[1]!);
    s = s.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** Why an address is not public (null when it is public). */
export function privateAddressReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return v4Reason(ip);
  if (family !== 6) return 'not an IP address';
  const g = ipv6Groups(ip);
  if (!g) return 'not an IP address';
  const [a, b, c, d, e, f, g6, h] = g as [number, number, number, number, number, number, number, number];
  const v4tail = `${g6 >> 8}.${g6 & 0xff}.${h >> 8}.${h & 0xff}`;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0) {
    if (f === 0xffff) return v4Reason(v4tail); // IPv4-mapped ::ffff:a.b.c.d
    if (f === 0 && g6 === 0 && h <= 1) return h === 1 ? 'loopback' : 'unspecified';
    if (f === 0) return v4Reason(v4tail); // deprecated IPv4-compatible ::a.b.c.d
  }
  if (a === 0x64 && b === 0xff9b) return v4Reason(v4tail); // NAT64 to an internal IPv4 address
  if (a === 0x2002) return v4Reason(`${b >> 8}.${b & 0xff}.${c >> 8}.${c & 0xff}`); // 6to4
  if (a === 0xfd00 && b === 0xec2) return 'cloud metadata';
  if ((a & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'site-local (private)';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0xdb8) return 'documentation';
  return null;
}

export type LookupAll = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export interface GuardOptions {
  allowPrivate: boolean;
  /** DNS resolution; the system resolver unless a test or benchmark maps names itself. */
  lookupAll?: LookupAll;
  /** Host names exempt from the check (a feed server on the user's own network, by name). */
  allowHosts?: readonly string[];
  /** How long name resolution may take (default 10 s). */
  lookupTimeoutMs?: number;
}

/** A feed address refused for where it points; `why` names the range ("loopback", "private" …). */
export class BlockedAddressError extends FeedError {
  constructor(readonly host: string, readonly address: string, readonly why: string) {
    super('blocked', `refusing to fetch ${host === address ? address : `${host} (${address})`}: a ${why} address (set polling.allowPrivateAddresses to allow it)`);
  }
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** Resolves a host and returns the address to connect to, refusing non-public ones unless allowed. */
export async function resolvePublicAddress(hostname: string, opts: GuardOptions): Promise<{ address: string; family: number }> {
  const host = bareHost(hostname);
  const allowPrivate = opts.allowPrivate || (opts.allowHosts?.includes(host.toLowerCase()) ?? false);
  const literal = isIP(host);
  if (literal) {
    const why = privateAddressReason(host);
    if (why && !allowPrivate) throw new BlockedAddressError(host, host, why);
    return { address: host, family: literal };
  }
  let addresses: Array<{ address: string; family: number }>;
  let timer: NodeJS.Timeout | undefined;
  const limitMs = opts.lookupTimeoutMs ?? 10_000;
  try {
    addresses = await Promise.race([
      (opts.lookupAll ?? systemLookupAll)(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FeedError('timeout', `resolving ${host} took longer than ${limitMs} ms`)), limitMs);
      }),
    ]);
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError('network', `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (!addresses.length) throw new FeedError('network', `cannot resolve ${host}: no addresses`);
  if (!allowPrivate) {
    // Every address must be public: an attacker's name may mix a public and an internal one.
    for (const a of addresses) {
      const why = privateAddressReason(a.address);
      if (why) throw new BlockedAddressError(host, a.address, why);
    }
  }
  return addresses[0]!;
}

/**
 * Checks a URL a user wants to add: http(s) only, and its host must resolve to public addresses
 * unless `allowPrivate`. Throws FeedError('blocked' | 'network') with a message a user can act on.
 * The fetcher checks again at connect time; this is the early, friendly refusal.
 */
export async function assertPublicUrl(url: string, opts: GuardOptions): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FeedError('blocked', `not a valid URL: ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FeedError('blocked', `only http and https feed URLs are allowed, not ${u.protocol}`);
  if (u.username || u.password) throw new FeedError('blocked', 'feed URLs with a user name or password are not allowed');
  await resolvePublicAddress(u.hostname, opts);
}
