import { readFileSync } from 'node:fs';
import { parseFeedBytes } from '/work/main/src/feeds/parse.ts';
for (const f of process.argv.slice(2)) {
  const p = parseFeedBytes(readFileSync('/work/shared/fixtures/feeds/' + f), { baseUrl: 'https://feeds.example/dir/x.xml' });
  const e = p.entries[0];
  console.log(f, p.format, p.version, p.encoding, JSON.stringify(p.title), p.entries.length);
  if (e) console.log('  ', JSON.stringify({ ...e, summary: e.summary?.slice(0, 80), content: e.content?.slice(0, 80) }));
}
