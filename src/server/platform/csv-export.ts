/**
 * The one CSV writer for exports (costs, verzuim, …). Dutch Excel opens a file by double-click
 * only when it is separated by semicolons and starts with a UTF-8 byte order mark; without the
 * mark "ë" and "€" come out garbled.
 *
 * Text cells are guarded against formula injection (OWASP "CSV injection"): a cell that starts
 * with =, +, -, @, a tab or a carriage return would be run by a spreadsheet as a formula, so it
 * gets a leading apostrophe and is read as text. Numbers are written as numbers and not guarded:
 * a negative amount must stay a number.
 */
export type TCsvCell = string | number | null | undefined;

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

// leading spaces do not help: some spreadsheets trim them before they look
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

/** A text cell as it is safe to open in a spreadsheet. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a cell when it holds the separator, a quote, a line break or edge spaces; quotes inside are doubled. */
function quote(text: string): string {
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: TCsvCell, decimal: ',' | '.'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const s = String(value);
    return decimal === ',' ? s.replace('.', ',') : s;
  }
  return quote(guardFormula(value));
}

/**
 * The whole file: BOM, a header line and the rows, lines ended by CRLF (RFC 4180). `decimal` is
 * the decimal separator of numbers: a comma for Dutch spreadsheets.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[], opts: { decimal?: ',' | '.' } = {}): string {
  const decimal = opts.decimal ?? ',';
  const line = (cells: readonly TCsvCell[]) => cells.map((c) => cell(c, decimal)).join(CSV_SEPARATOR);
  return `${CSV_BOM}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

/** A file name for the download header: plain ASCII, no personal data (it ends up in download folders). */
export function csvDisposition(baseName: string): string {
  const safe = baseName.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${safe}.csv"`;
}
