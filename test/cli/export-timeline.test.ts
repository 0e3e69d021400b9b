import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { EXPORT_COLUMNS } from '../../src/export/rows.js';
import { unguardFormula } from '../../src/export/csv.js';
import { openDatabase } from '../../src/store/db.js';
import { createEventStore } from '../../src/store/event-store.js';
import { writeTestConfig } from '../support/config-file.js';
import { parseCsv } from '../support/csv.js';
import { ACME_EVENTS, seedEvent } from '../support/event-seed.js';
import { decodePng } from '../support/png.js';
import { BIN } from '../support/run-process.js';

// `execwatch export` and `execwatch timeline` over a database of stored events.

const urlsOf = (e: (typeof ACME_EVENTS)[number]): string =>
  (e.outlets ?? ['Example Wire']).map((o) => `https://${o.toLowerCase().replace(/\W+/g, '-')}.example/${e.id}`).join(' ');

describe('execwatch export and timeline', () => {
  let config: ReturnType<typeof writeTestConfig>;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    config = writeTestConfig({ feeds: [] });
    const db = openDatabase(loadConfig({ configPath: config.path, env: {} }).databasePath);
    const store = createEventStore(db);
    for (const e of ACME_EVENTS) await store.save(seedEvent(e));
    db.close();
  });

  it('CSV on standard output (a real process) parses back into the stored rows: quotes, commas, accents, formulas', async () => {
    const result = spawnSync(process.execPath, [BIN, 'export', '--config', config.path], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(result.stderr).toContain('exported 8 changes');
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(result.stdout.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const newestFirst = [...ACME_EVENTS].sort((a, b) => b.firstSeen.localeCompare(a.firstSeen));
    expect(rows.map((r) => r.map(unguardFormula))).toEqual(newestFirst.map((e) => [
      e.person, e.direction, e.title, e.org, String(e.interim ?? false), e.effectiveDate ?? '', e.firstSeen, urlsOf(e),
    ]));
    expect(rows.map((r) => r[0])).toContain('Jürgen Weiß');
    expect(rows.map((r) => r[0])).toContain('Anne "Annie" Dubois, Jr.');
  });

  it('--since, --company and --format jsonl to --out: the organisation\'s recent changes, one object a line', async () => {
    const out = join(config.dir, 'acme.jsonl');
    const { code, err } = await run('export', '--since', '2026-01-01', '--company', 'acme robotics', '--format', 'jsonl', '--out', out, '--config', config.path);
    expect(code).toBe(0);
    expect(err).toBe(`exported 2 changes to ${out}`);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const objects = lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => [o.person, o.organization, o.first_reported])).toEqual([
      ['=HYPERLINK("http://evil.example")', 'Acme Robotics', '2026-06-01T07:00:00.000Z'],
      ['Anne "Annie" Dubois, Jr.', 'Acme Robotics, Inc.', '2026-03-03T07:00:00.000Z'],
    ]);
    expect(objects[1]).toMatchObject({ interim: false, effective_date: null, sources: [{ url: 'https://example-wire.example/a6', outlet: 'Example Wire' }] });
  });

  it('refuses bad options with exit 2 and says what is wanted; an unknown organisation with the nearest names', async () => {
    const format = await run('export', '--format', 'xml', '--config', config.path);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format is csv or jsonl; found "xml"/);
    const since = await run('export', '--since', '3m', '--config', config.path);
    expect(since.code).toBe(2);
    expect(since.err).toMatch(/--since: "3m" is not a duration/);
    const limit = await run('export', '--limit', '0', '--config', config.path);
    expect(limit.code).toBe(2);
    const unknown = await run('export', '--company', 'Acme Robotix', '--config', config.path);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('execwatch export: no stored change mentions an organisation called "Acme Robotix"; did you mean "Acme Robotics", "Acme Robotics, Inc."?');
  });

  it('timeline --company --out writes the PNG of the chart', async () => {
    const out = join(config.dir, 'acme.png');
    const { code, err } = await run('timeline', '--company', 'Acme Robotics', '--out', out, '--config', config.path);
    expect(code).toBe(0);
    expect(err).toMatch(/acme\.png: \d+×\d+ px, 6 terms of 6 people in 4 rows$/);
    const png = decodePng(readFileSync(out));
    expect(png.width).toBeGreaterThan(1000);
    expect(png.height).toBeGreaterThan(200);
    const first = png.rgba.slice(0, 4).join();
    let other = 0;
    for (let i = 0; i < png.rgba.length; i += 4) if (png.rgba.slice(i, i + 4).join() !== first) other += 1;
    expect(other).toBeGreaterThan(png.width * 10);
  });

  it('timeline: one of --company and --person, --out required, an unknown person named back', async () => {
    expect((await run('timeline', '--out', join(config.dir, 'x.png'), '--config', config.path)).code).toBe(2);
    expect((await run('timeline', '--company', 'Acme', '--person', 'Priya Raman', '--out', join(config.dir, 'x.png'), '--config', config.path)).code).toBe(2);
    expect((await run('timeline', '--person', 'Priya Raman', '--config', config.path)).err).toMatch(/--out FILE\.png is required/);
    const unknown = await run('timeline', '--person', 'Priya Ramen', '--out', join(config.dir, 'x.png'), '--config', config.path);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no stored change mentions a person called "Priya Ramen"; did you mean "Priya Raman"\?/);
    expect(existsSync(join(config.dir, 'x.png'))).toBe(false);
  });
});
