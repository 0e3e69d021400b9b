import { buildRssFeed, type RssItemSpec } from './builders.js';

/** A news item that reports a change: what must still alert after the hostile items before it. */
export const changeAfter = (guid: string, person = 'Jane Doe'): RssItemSpec => ({
  title: `Globex appoints ${person} as chief financial officer`,
  link: `https://news.example/${guid}`,
  guid,
  pubDate: 'Tue, 03 Nov 2026 09:00:00 GMT',
  description: `Globex Corp said on Tuesday it had appointed ${person} as chief financial officer, effective immediately.`,
});

const older = 'Mon, 02 Nov 2026 09:00:00 GMT';

/** An item whose title is one word of `chars` capital letters (the name-pair regex's worst case). */
export const oneWordTitle = (chars: number): RssItemSpec => ({ title: `A${'A'.repeat(chars - 1)}`, link: 'https://news.example/word', guid: 'word', pubDate: older, description: 'x' });

/** An item with a description of about `bytes` bytes of ordinary sentences. */
export const longDescription = (bytes: number): RssItemSpec => ({
  title: 'Quarterly report', link: 'https://news.example/long', guid: 'long', pubDate: older,
  description: 'Revenue rose twelve percent as the company shipped more robots to warehouses. '.repeat(Math.ceil(bytes / 78)),
});

/** A feed of `count` small items, newest last so the poller (oldest first) reaches `last` at the end. */
export function manyItems(count: number, last: RssItemSpec): string {
  const items: RssItemSpec[] = [last];
  for (let i = 0; i < count; i++) items.push({ title: `Item ${i}`, link: `https://news.example/i/${i}`, guid: `i${i}`, pubDate: older });
  return buildRssFeed(items);
}

/** One hostile item, then a change: what the pipeline must get through. */
export const hostileThenChange = (hostile: RssItemSpec, guid: string, person: string): string => buildRssFeed([changeAfter(guid, person), hostile]);
