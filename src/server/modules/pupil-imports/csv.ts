import Papa from 'papaparse';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../shared/limits.js';
import { AppError } from '../../platform/errors.js';

export interface TCsvRow {
  /** As a spreadsheet numbers it: the header is row 1, so the first data row is 2. */
  row: number;
  /** Trimmed cells, one per column (missing trailing cells are ''). */
  cells: string[];
}

export interface TParsedCsv {
  /** Header names, made unique and non-empty so a mapping can name each one. */
  columns: string[];
  rows: TCsvRow[];
}

const MAX_COLUMNS = 200;

/**
 * The separator is the one the header line uses most (outside quotes): `;` from Dutch Excel, `,`
 * elsewhere, or a tab. (papaparse's own guess stumbles over empty lines.)
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[';']! + counts[',']! + counts['\t']! > 0) break;
    } else if (!quoted && ch in counts) counts[ch]!++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/** A problem with the file as a whole: a 400 (or 413) that names it. */
function fileError(rule: string, params: Record<string, unknown> = {}, code: 'validation' | 'payload_too_large' = 'validation') {
  return new AppError(code, `validation.${rule}`, [{ field: 'csv', rule, message: '' }], params);
}

/**
 * Reads a CSV export of a pupil administration: UTF-8 with or without BOM, separated by `;`
 * (Dutch Excel) or `,` (detected), quoted cells may hold separators and line breaks. Empty lines
 * are skipped but still counted, so row numbers match what the user sees in a spreadsheet.
 */
export function parseCsv(text: string): TParsedCsv {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > IMPORT_MAX_BYTES)
    throw fileError('import_too_large', { max: `${Math.round(IMPORT_MAX_BYTES / 1024 / 1024)} MB` }, 'payload_too_large');
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: detectDelimiter(body) });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw fileError('import_unreadable', { row: (quoteError.row ?? 0) + 1 });

  const records = parsed.data;
  const header = records[0]?.map((c) => String(c ?? '').trim()) ?? [];
  if (header.length === 0 || header.every((c) => c === '')) throw fileError('import_empty');
  if (header.length > MAX_COLUMNS) throw fileError('import_too_many_columns', { max: MAX_COLUMNS });

  const columns: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    let col = name || `(${i + 1})`;
    for (let n = 2; seen.has(col); n++) col = `${name || `(${i + 1})`} (${n})`;
    seen.add(col);
    columns.push(col);
  });

  const rows: TCsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    const cells = columns.map((_, c) => String(rec[c] ?? '').trim());
    if (cells.every((c) => c === '') && rec.every((c) => String(c ?? '').trim() === '')) continue;
    rows.push({ row: i + 1, cells });
    if (rows.length > IMPORT_MAX_ROWS) throw fileError('import_too_many_rows', { max: IMPORT_MAX_ROWS });
  }
  return { columns, rows };
}
