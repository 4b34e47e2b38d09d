// Strict CSV reading for the adapters: csv-parse does the RFC 4180 work; this module adds what the import
// promises users — every problem located by file, line and column, required columns checked by name, and
// number cells parsed so that a missing value stays missing (NaN + reason), never 0.
import { parse } from 'csv-parse/sync';
import { ImportError } from './adapter.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows (header excluded), each exactly header.length cells. */
  rows: string[][];
  /** 1-based line number in the file of data row i (the header is line 1). */
  lines: number[];
}

export interface CsvOptions {
  delimiter?: ',' | ';';
  /** Columns that must be present (by exact name); a missing or renamed one is an error. */
  required?: readonly string[];
}

/** Parses CSV text; throws ImportError for ragged rows, unclosed quotes, an empty file or missing columns. */
export function parseCsv(text: string, file: string, options: CsvOptions = {}): CsvTable {
  if (text.trim() === '') throw new ImportError(file, null, null, 'the file is empty');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: options.delimiter ?? ',',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new ImportError(file, e.lines ?? null, null, `not valid CSV (${e.message ?? String(error)}); is the file truncated?`);
  }
  const [first, ...rest] = records;
  if (first === undefined) throw new ImportError(file, null, null, 'the file is empty');
  const header = first.record.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new ImportError(file, 1, h, 'this column name occurs twice in the header');
    seen.add(h);
  }
  for (const column of options.required ?? []) {
    if (!seen.has(column)) {
      throw new ImportError(file, 1, column, `required column is missing (header has: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`);
    }
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const { record, info } of rest) {
    if (record.length !== header.length) {
      throw new ImportError(file, info.lines, null, `expected ${header.length} fields but found ${record.length}; is the file truncated or is a delimiter missing?`);
    }
    rows.push(record);
    lines.push(info.lines);
  }
  return { file, header, rows, lines };
}

/** Index of a column, or an ImportError naming it. */
export function columnIndex(table: CsvTable, column: string): number {
  const i = table.header.indexOf(column);
  if (i < 0) throw new ImportError(table.file, 1, column, 'required column is missing');
  return i;
}

export interface NumberCellOptions {
  /**
   * Whether the file uses CBS symbols for absent figures (". onbekend", "x geheim", "? onbetrouwbaar").
   * Files that PROVENANCE.md describes as plain numbers (empty = unknown) must not contain them: a symbol
   * there means the file is not what we think it is, so it is an error.
   */
  cbsSymbols: boolean;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parses one number cell. Returns [value, missingCode]: [n, 0] for a number, [NaN, reason] for an absent
 * figure. Throws ImportError (file, line, column) for text, a decimal comma, or a symbol where none is allowed.
 */
export function parseNumberCell(
  raw: string,
  where: { file: string; line: number; column: string },
  options: NumberCellOptions,
): [number, number] {
  const s = raw.trim();
  if (s === '') return [Number.NaN, MISSING_REASON_CODES.empty];
  if (NUMBER.test(s)) return [Number(s), 0];
  if (options.cbsSymbols) {
    if (s === '.') return [Number.NaN, MISSING_REASON_CODES.unknown];
    if (s === 'x' || s === 'X') return [Number.NaN, MISSING_REASON_CODES.secret];
    if (s === '?') return [Number.NaN, MISSING_REASON_CODES.unreliable];
    // CBS "-" is "nihil" (nothing, a true zero), not an absent figure.
    if (s === '-') return [0, 0];
  }
  if (s === '.' || s === 'x' || s === 'X' || s === '?' || s === '-') {
    throw new ImportError(where.file, where.line, where.column,
      `CBS symbol "${s}" where this file has plain numbers (an empty cell means unknown); the file does not match its PROVENANCE.md`);
  }
  if (/^-?\d+,\d+$/.test(s)) {
    throw new ImportError(where.file, where.line, where.column, `"${s}" has a decimal comma; this file uses a decimal point`);
  }
  throw new ImportError(where.file, where.line, where.column, `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}" is not a number`);
}
