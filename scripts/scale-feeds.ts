// The scale run's news: N feeds on one loopback server, a new item in each feed every cycle, and
// in some of them a leadership change whose people are known in advance (so each expected alert
// is known). The server notes, per feed, requests that overlap one another (a feed polled twice
// at once) and can answer each request late (a slow site).

import { buildRssFeed, type RssItemSpec } from '../test/support/builders.js';
import { startHttpServer } from '../test/support/http-server.js';

const FIRST = ['Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'be', 'da', 'ge', 'ho', 'ju', 'ko', 'pa', 'zu'];

/** A unique, ordinary-looking name per index: a given name and a surname of its own (three syllables or more). */
export function person(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  // The index in base 16, one syllable a digit, at least three: no two indexes share a surname.
  let rest = i;
  let surname = '';
  do {
    surname += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || surname.length < 6);
  return `${first} ${surname[0]!.toUpperCase()}${surname.slice(1)}`;
}

export interface ChangeItem {
  spec: RssItemSpec;
  /** The people the item announces: the successor and the predecessor (one alert each). */
  people: [string, string];
}

/** Item k of the run: person 2k succeeds person 2k+1 as CEO of a company of its own. */
export function changeItem(k: number, feed: number): ChangeItem {
  const [incoming, outgoing] = [person(2 * k), person(2 * k + 1)];
  const company = `Company${String.fromCharCode(65 + (k % 26))}${k} Systems`;
  return {
    people: [incoming, outgoing],
    spec: {
      title: `${company} names ${incoming} CEO as ${outgoing} steps down`,
      link: `https://news.example/change-${k}`,
      guid: `change-${k}`,
      pubDate: new Date(Date.UTC(2026, 10, 3, 8, k % 60)).toUTCString(),
      description: `${company} said on Tuesday that ${incoming} will succeed ${outgoing} as chief executive officer. ${outgoing.split(' ')[1]} is retiring after ten years. (feed ${feed})`,
    },
  };
}

/** News with no leadership change in it (most items of a real feed). */
export function plainItem(feed: number, cycle: number): RssItemSpec {
  return {
    title: `Quarterly update ${cycle} from the newsroom of feed ${feed}`,
    link: `https://news.example/plain-${feed}-${cycle}`,
    guid: `plain-${feed}-${cycle}`,
    pubDate: new Date(Date.UTC(2026, 10, 3, 9, cycle % 60)).toUTCString(),
    description: `The company published its regular product notes for week ${cycle}; shipping volumes were in line with the plan.`,
  };
}

export interface ScaleFeedServer {
  url: string;
  /** The feed's path on the server. */
  path(feed: number): string;
  /** Adds a new item on top of the feed (feeds keep their last `keep` items). */
  push(feed: number, item: RssItemSpec): void;
  /** Feeds requested at least once. */
  polledFeeds(): number;
  /** Requests that arrived while another request for the same feed was open. */
  overlaps(): number;
  /** Feeds that saw an overlap. */
  overlappingFeeds(): number[];
  requests(): number;
  close(): Promise<void>;
}

export async function startScaleFeedServer(options: { latencyMs?: number; keep?: number } = {}): Promise<ScaleFeedServer> {
  const items = new Map<number, RssItemSpec[]>();
  const docs = new Map<number, string>();
  const open = new Map<number, number>();
  const overlapping = new Map<number, number>();
  const polled = new Set<number>();
  let requests = 0;
  const keep = options.keep ?? 10;
  const server = await startHttpServer(async (req, res) => {
    const match = /^\/feed\/(\d+)\.xml$/.exec((req.url ?? '').split('?')[0]!);
    const feed = match ? Number(match[1]) : NaN;
    if (!docs.has(feed)) {
      res.writeHead(404);
      res.end();
      return;
    }
    requests += 1;
    polled.add(feed);
    const now = (open.get(feed) ?? 0) + 1;
    open.set(feed, now);
    if (now > 1) overlapping.set(feed, (overlapping.get(feed) ?? 0) + 1);
    try {
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(docs.get(feed));
    } finally {
      open.set(feed, (open.get(feed) ?? 1) - 1);
    }
  });
  return {
    url: server.url,
    path: (feed) => `/feed/${feed}.xml`,
    push(feed, item) {
      const list = [item, ...(items.get(feed) ?? [])].slice(0, keep);
      items.set(feed, list);
      docs.set(feed, buildRssFeed(list, `Scale feed ${feed}`));
    },
    polledFeeds: () => polled.size,
    overlaps: () => [...overlapping.values()].reduce((a, b) => a + b, 0),
    overlappingFeeds: () => [...overlapping.keys()],
    requests: () => requests,
    close: server.close,
  };
}
