// RFC 4180 CSV: CRLF between records, a field quoted when it holds a comma, a quote, CR or LF
// (quotes doubled inside), UTF-8 throughout.
//
// Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula, and feed text
// is written by strangers: such a cell is written with a leading apostrophe ("'=HYPERLINK(…)"),
// which spreadsheets show as text. So that a reader can always undo it, a cell that itself
// starts with an apostrophe gets one more: drop one leading apostrophe to get the value back.

const FORMULA_START = /^[=+\-@\t\r']/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell as written: apostrophe-prefixed when a spreadsheet would run it as a formula. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value a guarded cell stands for (the inverse of guardFormula). */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function field(value: string): string {
  const v = guardFormula(value);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV document: the header, then one record per row, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((r) => `${r.map(field).join(',')}\r\n`).join('');
}
