// `--since 30d`: how far back an export or a lookup reaches.

const UNITS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const MAX_MS = 3650 * 86_400_000;

/** "12h", "30d", "2w" in milliseconds; a clear error for anything else (minutes and months are ambiguous, so refused). */
export function parseDuration(text: string): number {
  const m = /^\s*(\d{1,5})\s*([hdw])\s*$/i.exec(text);
  if (!m) throw new Error(`"${text.slice(0, 40)}" is not a duration: use a whole number with h, d or w, such as 30d`);
  const ms = Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  if (ms <= 0) throw new Error(`"${text}" is not a duration: it must be longer than zero`);
  if (ms > MAX_MS) throw new Error(`"${text}" reaches back more than ten years`);
  return ms;
}

/** The instant `--since` names: a duration back from now ("30d") or a day ("2026-01-31", UTC midnight). */
export function parseSince(text: string, now: Date): Date {
  const day = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(text);
  if (day) {
    const t = Date.parse(`${day[1]}T00:00:00Z`);
    if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== day[1]) throw new Error(`"${text}" is not a valid day`);
    return new Date(t);
  }
  return new Date(now.getTime() - parseDuration(text));
}
