// CSV output as RFC 4180 describes it: CRLF line ends, and a field quoted (with inner quotes doubled) exactly
// when it holds a comma, a quote, CR or LF. Spreadsheets and R/pandas read this without options.
// Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR: user-defined labels can) gets
// a leading apostrophe, as OWASP advises against CSV injection; numbers are written as numbers and never touched.

export type CsvField = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: null is an empty field (a missing value), numbers as JavaScript prints them (dot decimals). */
export function csvField(value: CsvField): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, terminated by CRLF. */
export function csvLine(fields: readonly CsvField[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i] ?? null);
  }
  return line + '\r\n';
}

/** A whole table: header line, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvField[]>): string {
  let text = csvLine(header);
  for (const row of rows) text += csvLine(row);
  return text;
}
