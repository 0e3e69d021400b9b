// robots.txt as RFC 9309 reads it: the group for our product token (else `*`), the longest
// matching rule decides, `allow` wins a tie, `*` and `$` in patterns. A site that has none (4xx)
// may be read; one whose robots.txt cannot be fetched (5xx, network) is not read for now.

interface Rule {
  allow: boolean;
  pattern: string;
}

export interface RobotsRules {
  allows(pathAndQuery: string): boolean;
}

/** Up to this much of a robots.txt is read (RFC 9309 asks for at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;
const MAX_RULES = 2000;

/** Whether `path` matches a robots pattern (`*` any run of characters, a final `$` the end). */
export function patternMatches(pattern: string, path: string): boolean {
  // Without `$` a pattern matches a prefix: the same as the pattern followed by `*`.
  const p = pattern.endsWith('$') ? pattern.slice(0, -1) : `${pattern}*`;
  // Glob matching with one return point (the last `*`): no recursion, bounded by the lengths.
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < path.length) {
    if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (i < p.length && p[i] === path[j]) {
      i++;
      j++;
    } else if (star !== -1) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** The rules of a robots.txt that apply to the crawler called `token` ("execwatch"). */
export function parseRobots(text: string, token: string): RobotsRules {
  const agent = token.toLowerCase();
  const groups: Array<{ agents: string[]; rules: Rule[] }> = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let count = 0;
  for (const raw of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    // A comment runs from the first "#" to the end of the line (RFC 9309), whatever it holds.
    const hash = raw.indexOf('#');
    const line = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines open one group together.
      if (!current || current.rules.length) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
    } else if ((key === 'allow' || key === 'disallow') && current && count < MAX_RULES) {
      count++;
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
      else if (key === 'disallow') current.rules.push({ allow: true, pattern: '' }); // "Disallow:" allows everything
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    allows(path) {
      let best: Rule | null = null;
      for (const r of rules) {
        if (!patternMatches(r.pattern, path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return best?.allow ?? true;
    },
  };
}

export interface RobotsPolicy {
  /** Whether robots.txt lets the crawler fetch `url`; fetched once per site, then cached. */
  allows(url: string): Promise<boolean>;
}

export interface RobotsPolicyDeps {
  /** The article fetcher's HTTP client (the feeds' fetcher: guarded, bounded, following redirects). */
  http: { get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: Uint8Array }> };
  /** The User-Agent sent; its product token ("execwatch" of "execwatch/0.1 (+…)") picks the group. */
  userAgent: string;
  /** How long a site's robots.txt is trusted (default a day). */
  ttlMs?: number;
  /** How long a site whose robots.txt could not be read stays unread (default an hour). */
  retryMs?: number;
  /** Sites remembered at once; the oldest are forgotten first (default 1000). */
  maxSites?: number;
  now?: () => number;
}

const ALLOW_ALL: RobotsRules = { allows: () => true };
const DISALLOW_ALL: RobotsRules = { allows: () => false };

/** robots.txt per site (scheme, host and port), cached and bounded in count, size and time. */
export function createRobotsPolicy(deps: RobotsPolicyDeps): RobotsPolicy {
  const token = (deps.userAgent.split(/[/\s]/, 1)[0] ?? deps.userAgent).toLowerCase();
  const ttlMs = deps.ttlMs ?? 24 * 3600_000;
  const retryMs = deps.retryMs ?? 3600_000;
  const maxSites = deps.maxSites ?? 1000;
  const now = deps.now ?? Date.now;
  const sites = new Map<string, { rules: Promise<RobotsRules>; until: number }>();

  async function load(origin: string): Promise<{ rules: RobotsRules; keepMs: number }> {
    try {
      const res = await deps.http.get(`${origin}/robots.txt`, { accept: 'text/plain, */*;q=0.1' });
      if (res.status >= 200 && res.status < 300) {
        const text = new TextDecoder().decode(res.body.subarray(0, ROBOTS_MAX_BYTES));
        return { rules: parseRobots(text, token), keepMs: ttlMs };
      }
      // No robots.txt (4xx): nothing is forbidden. A server error: nothing is read for a while.
      return res.status >= 400 && res.status < 500 ? { rules: ALLOW_ALL, keepMs: ttlMs } : { rules: DISALLOW_ALL, keepMs: retryMs };
    } catch {
      return { rules: DISALLOW_ALL, keepMs: retryMs };
    }
  }

  return {
    async allows(url) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return false;
      }
      const key = u.origin;
      let site = sites.get(key);
      if (!site || site.until <= now()) {
        const loading = load(key);
        site = { rules: loading.then((l) => l.rules), until: Number.POSITIVE_INFINITY };
        const entry = site;
        void loading.then((l) => {
          entry.until = now() + l.keepMs;
        });
        sites.delete(key);
        sites.set(key, site);
        while (sites.size > maxSites) sites.delete(sites.keys().next().value!);
      }
      return (await site.rules).allows(`${u.pathname}${u.search}`);
    },
  };
}
