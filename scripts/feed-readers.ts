// execwatch's own feed reader against rss-parser on every file of ../shared/fixtures/feeds:
// feeds accepted, items found (and how often that is the count MANIFEST.tsv states), files a
// reader must refuse, and CPU. A measurement for docs/feeds.md, not a test.
// Run: node --import tsx scripts/feed-readers.ts [rounds]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { parseFeedBytes } from '../src/feeds/parse.js';
import { hasShared, sharedPath } from '../test/support/shared.js';

interface Fixture { file: string; bytes: Buffer; items: number | null; reject: boolean; recover: boolean }
interface Reading { accepted: boolean; items: number; hung?: boolean }
interface Reader { name: string; read(f: Fixture): Promise<Reading> }

function fixtures(dir: string): Fixture[] {
  const rows = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  return rows.map(([file = '', , , , , , , notes = '']) => ({
    file,
    bytes: readFileSync(join(dir, file)),
    items: ((m) => (m ? Number(m[1]) : null))(/\bitems=(\d+)/.exec(notes)),
    reject: notes.startsWith('[reject]'),
    recover: notes.startsWith('[recover]'),
  }));
}

const own: Reader = {
  name: 'execwatch (src/feeds/parse.ts)',
  async read(f) {
    try {
      return { accepted: true, items: parseFeedBytes(f.bytes).entries.length };
    } catch {
      return { accepted: false, items: 0 };
    }
  },
};

const rssParser = new Parser();
/** rss-parser's promise never settles on some documents (xml2js calls back neither way): given up after this. */
const HANG_MS = 2000;
const theirs: Reader = {
  name: 'rss-parser 3 (parseString, UTF-8 text)',
  async read(f) {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<Reading>((resolve) => { timer = setTimeout(() => resolve({ accepted: false, items: 0, hung: true }), HANG_MS); });
    try {
      return await Promise.race([rssParser.parseString(f.bytes.toString('utf8')).then((feed) => ({ accepted: true, items: feed.items.length })), hang]);
    } catch {
      return { accepted: false, items: 0 };
    } finally {
      clearTimeout(timer);
    }
  },
};

async function measure(reader: Reader, all: Fixture[], rounds: number) {
  const readings: Reading[] = [];
  const cpu: number[] = [];
  // CPU counts parsing only: a hung read's wait is idle time, not CPU.
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    const got: Reading[] = [];
    for (const f of all) got.push(await reader.read(f));
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
    if (r === 0) readings.push(...got);
  }
  cpu.sort((a, b) => a - b);
  const pairs = all.map((f, i) => [f, readings[i]!] as const);
  return {
    reader: reader.name,
    accepted: readings.filter((x) => x.accepted).length,
    items: readings.reduce((n, x) => n + x.items, 0),
    countAsStated: pairs.filter(([f, x]) => f.items !== null && x.accepted && x.items === f.items).length,
    stated: all.filter((f) => f.items !== null).length,
    rejectRefused: pairs.filter(([f, x]) => f.reject && !x.accepted).length,
    rejects: all.filter((f) => f.reject).length,
    recoverRead: pairs.filter(([f, x]) => f.recover && x.items > 0).length,
    recovers: all.filter((f) => f.recover).length,
    hung: readings.filter((x) => x.hung).length,
    cpuMs: cpu[Math.floor(cpu.length / 2)]!,
  };
}

if (hasShared('scripts/feed-readers.ts', ['fixtures', 'feeds', 'MANIFEST.tsv'])) {
  const all = fixtures(sharedPath('fixtures', 'feeds'));
  const rounds = Number(process.argv[2] ?? 5);
  // One warm-up round each, so neither pays for its first compile in the figures.
  for (const reader of [own, theirs]) for (const f of all) await reader.read(f);
  console.log(`${all.length} files; median CPU of ${rounds} rounds over all of them`);
  console.log('| reader | feeds accepted | items found | item count as MANIFEST states | [reject] files refused | [recover] files read | never settled | CPU ms, all files |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const reader of [own, theirs]) {
    const m = await measure(reader, all, rounds);
    console.log(`| ${m.reader} | ${m.accepted} / ${all.length} | ${m.items} | ${m.countAsStated} / ${m.stated} | ${m.rejectRefused} / ${m.rejects} | ${m.recoverRead} / ${m.recovers} | ${m.hung} | ${m.cpuMs.toFixed(0)} |`);
  }
}
