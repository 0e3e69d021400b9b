import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteArticleCache } from '../../src/articles/article-cache.js';
import { createArticleFetcher } from '../../src/articles/article-fetcher.js';
import { createRobotsPolicy, parseRobots, patternMatches } from '../../src/articles/robots.js';
import { createHttpFetcher } from '../../src/feeds/http-fetch.js';
import { openDatabase } from '../../src/store/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

// Issue 12, defect 7: the article fetcher reads robots.txt and does what it says.

describe('robots.txt rules (RFC 9309)', () => {
  const robots = [
    'User-agent: *',
    'Disallow: /private/',
    'Allow: /private/press-releases/',
    '',
    'User-agent: SomeOtherBot',
    'Disallow: /',
    '',
    'User-agent: execwatch',
    'User-agent: another',
    'Disallow: /members',
    'Disallow: /*.pdf$',
    'Allow: /members/public',
    'Disallow:   # an empty rule allows everything',
  ].join('\n');

  it('takes the group naming our product token over *, the longest rule, allow on a tie, * and $', () => {
    const ours = parseRobots(robots, 'execwatch');
    expect(ours.allows('/private/x')).toBe(true); // the * group does not apply to us
    expect(ours.allows('/members/list')).toBe(false);
    expect(ours.allows('/members/public/jane')).toBe(true);
    expect(ours.allows('/reports/q3.pdf')).toBe(false);
    expect(ours.allows('/reports/q3.pdf?download=1')).toBe(true);
    const other = parseRobots(robots, 'curious');
    expect(other.allows('/private/x')).toBe(false);
    expect(other.allows('/private/press-releases/ceo')).toBe(true);
    expect(other.allows('/news/ceo')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', 'x').allows('/a')).toBe(true);
    expect(parseRobots('', 'x').allows('/anything')).toBe(true);
  });

  it('matches patterns in time linear in practice, whatever the input', () => {
    expect(patternMatches('/a*b*c$', '/a-x-b-y-c')).toBe(true);
    expect(patternMatches('/a*b*c$', '/a-x-b-y-c-d')).toBe(false);
    expect(patternMatches(`/${'*a'.repeat(50)}$`, `/${'a'.repeat(5000)}b`)).toBe(false);
  });

  it('cuts a comment at its first "#", also in 200k hashes and before a line separator', () => {
    const rules = parseRobots(`User-agent: *\nDisallow: /a #${'#a'.repeat(100_000)}\u2028more\nDisallow: /b${'#'.repeat(200_000)}`, 'execwatch');
    expect(rules.allows('/a')).toBe(false);
    expect(rules.allows('/b')).toBe(false);
    expect(rules.allows('/c')).toBe(true);
  });
});

describe('the article fetcher and robots.txt', () => {
  let server: FeedServer;
  const page = '<!doctype html><html><body><article><h1>Acme names a CEO</h1>' +
    '<p>Acme Corp. said on Tuesday it had appointed Jane Doe as chief executive officer, effective March 1, succeeding John Roe, who is retiring after a decade in the role at the company.</p>' +
    '<p>Doe, 52, was previously the company\'s chief operating officer. She joined Acme in 2015 from Widget Inc., where she ran its European business for six years before that.</p></article></body></html>';
  beforeAll(async () => {
    server = await startFeedServer();
    server.setFeed('/robots.txt', 'User-agent: execwatch\nDisallow: /members/\n', 'text/plain');
    for (const p of ['/news/ceo', '/members/ceo', '/news/cfo']) server.setFeed(p, page, 'text/html');
  });
  afterAll(async () => {
    await server?.close();
  });

  function fetcher() {
    const http = createHttpFetcher({ userAgent: 'execwatch/0.1 (+https://example.test)', connectTimeoutMs: 2000, timeoutMs: 3000, maxBytes: 1 << 20, maxRedirects: 3, guard: { allowPrivate: true } });
    const robots = createRobotsPolicy({ http, userAgent: 'execwatch/0.1 (+https://example.test)' });
    return { http, articles: createArticleFetcher({ cache: createSqliteArticleCache(openDatabase(':memory:')), http, robots }) };
  }

  it('fetches what robots.txt allows, never what it forbids, and reads robots.txt once per site', async () => {
    const { http, articles } = fetcher();
    try {
      expect(await articles.fetchArticleText(`${server.url}/news/ceo`)).toContain('Jane Doe');
      expect(await articles.fetchArticleText(`${server.url}/members/ceo`)).toBeNull();
      expect(await articles.fetchArticleText(`${server.url}/news/cfo`)).toContain('Jane Doe');
      expect(server.hits('/members/ceo')).toBe(0);
      expect(server.hits('/robots.txt')).toBe(1);
    } finally {
      http.close();
    }
  });

  it('reads a site with no robots.txt (404), and none of a site whose robots.txt fails (500)', async () => {
    const other = await startFeedServer();
    const failing = await startFeedServer();
    other.setFeed('/news/ceo', page, 'text/html');
    failing.setFeed('/news/ceo', page, 'text/html');
    failing.setHandler('/robots.txt', (_req, res) => void res.writeHead(500).end());
    const { http, articles } = fetcher();
    try {
      expect(await articles.fetchArticleText(`${other.url}/news/ceo`)).toContain('Jane Doe');
      expect(await articles.fetchArticleText(`${failing.url}/news/ceo`)).toBeNull();
      expect(failing.hits('/news/ceo')).toBe(0);
    } finally {
      http.close();
      await other.close();
      await failing.close();
    }
  });
});
