// Feed dates as they occur in the wild: RFC 822 with or without weekday, 2-digit years, "1500"
// times, named zones, day and month names in several languages, ISO 8601 with any fraction,
// date-only, and UNIX timestamps. Anything unreadable is null, never an exception.

const MONTHS = new Map<string, number>();
const monthNames: string[][] = [
  ['jan', 'janeiro', 'januar', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'jän', 'янв'],
  ['feb', 'fev', 'fevereiro', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'februari', 'фев'],
  ['mar', 'março', 'marco', 'märz', 'marz', 'mär', 'mars', 'marzo', 'maart', 'мар'],
  ['apr', 'abr', 'abril', 'april', 'avril', 'avr', 'aprile', 'апр'],
  ['may', 'mai', 'maio', 'mayo', 'maggio', 'mag', 'mei', 'май', 'мая'],
  ['jun', 'junho', 'juni', 'juin', 'junio', 'giugno', 'giu', 'июн'],
  ['jul', 'julho', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'июл'],
  ['aug', 'ago', 'agosto', 'august', 'août', 'aout', 'augustus', 'авг'],
  ['sep', 'sept', 'set', 'setembro', 'september', 'septembre', 'septiembre', 'settembre', 'сен'],
  ['oct', 'out', 'outubro', 'okt', 'oktober', 'octobre', 'octubre', 'ottobre', 'ott', 'окт'],
  ['nov', 'novembro', 'november', 'novembre', 'noviembre', 'ноя'],
  ['dec', 'dez', 'dezembro', 'dezember', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'december', 'дек'],
];
monthNames.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i)));

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120, eest: 180, msk: 180,
  ist: 330, sgt: 480, hkt: 480, jst: 540, kst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480, akst: -540, akdt: -480, hst: -600,
};

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.toLowerCase();
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return Object.hasOwn(ZONES, z) ? ZONES[z]! : null;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, s) - offsetMin * 60_000;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC = /^(\d{1,2})[\s-]+([^\s\d,.-]+)\.?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2}):?(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?/;
// "Jan 02 2006 15:04:05 GMT", an American order some feeds use.
const MDY = /^([^\s\d,.-]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?/;

export function parseFeedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  if (!s || s.length > 120) return null;
  if (/^\d{9,13}$/.test(s)) {
    const n = Number(s);
    return new Date(s.length > 11 ? n : n * 1000).toISOString();
  }
  const iso = ISO.exec(s);
  if (iso) {
    const off = zoneOffset(iso[8]);
    const ms = iso[7] ? Number(`0.${iso[7]}`) : 0;
    const out = build(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0) + ms, off ?? 0);
    if (out) return out;
  }
  // Drop a leading weekday in any language ("Seg,", "Fr,", "Wed", "Δευ,").
  const body = s.replace(/^[^\d\s,]+\.?,?\s+(?=\d)/u, '');
  const rfc = RFC.exec(body);
  const mdy = rfc ? null : MDY.exec(body);
  if (rfc || mdy) {
    const [day, mon, yr] = rfc ? [rfc[1], rfc[2], rfc[3]] : [mdy![2], mdy![1], mdy![3]];
    const m = rfc ?? mdy!;
    const month = MONTHS.get(mon!.toLowerCase()) ?? MONTHS.get(mon!.toLowerCase().slice(0, 3));
    if (month !== undefined) {
      let year = Number(yr);
      if (yr!.length === 2) year += year < 50 ? 2000 : 1900;
      const off = zoneOffset(m[7]) ?? 0;
      const out = build(year, month, Number(day), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), off);
      if (out) return out;
    }
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
