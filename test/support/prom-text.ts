/**
 * A strict parser for the Prometheus text exposition format (version 0.0.4), so that tests check
 * /metrics the way a Prometheus server would read it rather than by pattern matching.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestamp: number | null;
}

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string | null;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export class PromParseError extends Error {
  constructor(lineNo: number, message: string) {
    super(`line ${lineNo}: ${message}`);
  }
}

// Prometheus reads values with Go's strconv.ParseFloat, which takes NaN and Inf in any case.
function parseValue(text: string, lineNo: number): number {
  const special = text.toLowerCase();
  if (special === '+inf' || special === 'inf' || special === '+infinity' || special === 'infinity') return Infinity;
  if (special === '-inf' || special === '-infinity') return -Infinity;
  if (special === 'nan') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new PromParseError(lineNo, `bad value "${text}"`);
  return Number(text);
}

function unescapeHelp(text: string): string {
  return text.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

/** Parses `{a="x",b="y"}` at the start of `rest`; returns the labels and what follows. */
function parseLabels(rest: string, lineNo: number): [Record<string, string>, string] {
  const labels: Record<string, string> = {};
  let i = 1; // after '{'
  for (;;) {
    while (rest[i] === ' ') i++;
    if (rest[i] === '}') return [labels, rest.slice(i + 1)];
    const name = LABEL_NAME.exec(rest.slice(i))?.[0];
    if (!name) throw new PromParseError(lineNo, `bad label name at "${rest.slice(i)}"`);
    if (name in labels) throw new PromParseError(lineNo, `duplicate label "${name}"`);
    i += name.length;
    while (rest[i] === ' ') i++;
    if (rest[i] !== '=') throw new PromParseError(lineNo, `expected "=" after label ${name}`);
    i++;
    while (rest[i] === ' ') i++;
    if (rest[i] !== '"') throw new PromParseError(lineNo, `expected quoted value for label ${name}`);
    i++;
    let value = '';
    for (;;) {
      const c = rest[i];
      if (c === undefined) throw new PromParseError(lineNo, `unterminated value for label ${name}`);
      if (c === '"') break;
      if (c === '\\') {
        const n = rest[i + 1];
        if (n === 'n') value += '\n';
        else if (n === '\\' || n === '"') value += n;
        else throw new PromParseError(lineNo, `bad escape "\\${n ?? ''}" in label ${name}`);
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    labels[name] = value;
    i++;
    while (rest[i] === ' ') i++;
    if (rest[i] === ',') i++;
    else if (rest[i] !== '}') throw new PromParseError(lineNo, `expected "," or "}" after label ${name}`);
  }
}

/** The family a sample belongs to: histogram and summary samples carry suffixes. */
function familyOf(sampleName: string, families: Map<string, MetricFamily>): MetricFamily | undefined {
  const direct = families.get(sampleName);
  if (direct) return direct;
  for (const suffix of ['_bucket', '_sum', '_count', '_created']) {
    if (!sampleName.endsWith(suffix)) continue;
    const fam = families.get(sampleName.slice(0, -suffix.length));
    if (fam && (fam.type === 'histogram' || fam.type === 'summary' || suffix === '_created')) return fam;
  }
  return undefined;
}

function checkHistogram(fam: MetricFamily): void {
  const groups = new Map<string, Sample[]>();
  for (const s of fam.samples) {
    const { le: _le, quantile: _q, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const samples of groups.values()) {
    const buckets = samples.filter((s) => s.name === `${fam.name}_bucket`);
    const count = samples.find((s) => s.name === `${fam.name}_count`);
    const sum = samples.find((s) => s.name === `${fam.name}_sum`);
    if (!count || !sum) throw new Error(`histogram ${fam.name} lacks _count or _sum`);
    let prevLe = -Infinity;
    let prevCount = 0;
    for (const b of buckets) {
      if (b.labels.le === undefined) throw new Error(`histogram ${fam.name} bucket without le`);
      const le = parseValue(b.labels.le, 0);
      if (!(le > prevLe)) throw new Error(`histogram ${fam.name} buckets not in increasing le order`);
      if (b.value < prevCount) throw new Error(`histogram ${fam.name} bucket counts decrease`);
      prevLe = le;
      prevCount = b.value;
    }
    if (prevLe !== Infinity) throw new Error(`histogram ${fam.name} has no +Inf bucket`);
    if (prevCount !== count.value) throw new Error(`histogram ${fam.name} +Inf bucket differs from _count`);
  }
}

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const finished = new Set<string>();
  let current: MetricFamily | null = null;
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new PromParseError(lines.length, 'exposition must end with a newline');

  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!m) return; // an ordinary comment
      const [, kind, name, arg = ''] = m as unknown as [string, string, string, string?];
      if (!METRIC_NAME.test(name) || METRIC_NAME.exec(name)?.[0] !== name) throw new PromParseError(lineNo, `bad metric name "${name}"`);
      if (finished.has(name)) throw new PromParseError(lineNo, `metric ${name} appears in two places`);
      let fam = families.get(name);
      if (!fam) {
        fam = { name, type: 'untyped', help: null, samples: [] };
        families.set(name, fam);
      }
      if (current && current !== fam) finished.add(current.name);
      current = fam;
      if (kind === 'HELP') {
        if (fam.help !== null) throw new PromParseError(lineNo, `second HELP for ${name}`);
        fam.help = unescapeHelp(arg);
      } else {
        const type = arg.trim() as MetricType;
        if (!TYPES.has(type)) throw new PromParseError(lineNo, `unknown type "${arg}" for ${name}`);
        if (fam.samples.length) throw new PromParseError(lineNo, `TYPE for ${name} after its samples`);
        fam.type = type;
      }
      return;
    }

    const name = METRIC_NAME.exec(line)?.[0];
    if (!name) throw new PromParseError(lineNo, `bad sample line "${line}"`);
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) [labels, rest] = parseLabels(rest, lineNo);
    const parts = rest.trim().split(/\s+/);
    if (parts.length < 1 || parts.length > 2 || parts[0] === '') throw new PromParseError(lineNo, `expected value [timestamp] in "${line}"`);
    const value = parseValue(parts[0]!, lineNo);
    const timestamp = parts[1] === undefined ? null : parseValue(parts[1], lineNo);

    let fam = familyOf(name, families);
    if (!fam) {
      fam = { name, type: 'untyped', help: null, samples: [] };
      families.set(name, fam);
    }
    if (finished.has(fam.name)) throw new PromParseError(lineNo, `samples of ${fam.name} are not contiguous`);
    if (current && current !== fam) finished.add(current.name);
    current = fam;
    if (fam.type === 'counter' && !(value >= 0)) throw new PromParseError(lineNo, `counter ${name} has value ${value}`);
    if (fam.type === 'histogram' && name === `${fam.name}_bucket` && labels.le === undefined) {
      throw new PromParseError(lineNo, `bucket of ${fam.name} without le label`);
    }
    fam.samples.push({ name, labels, value, timestamp });
  });

  for (const fam of families.values()) if (fam.type === 'histogram') checkHistogram(fam);
  return families;
}

/** The value of one sample, by sample name and exact label subset; undefined when absent. */
export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const fam of families.values()) {
    for (const s of fam.samples) {
      if (s.name !== name) continue;
      if (Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
    }
  }
  return undefined;
}
