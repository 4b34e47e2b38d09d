// A readable table for people at a terminal: the CSV the API gives, with columns padded to their widest cell.
import { parse } from 'csv-parse/sync';

/** Renders RFC 4180 CSV (header first) as space-aligned columns. */
export function csvToTable(csv: string): string {
  const rows = parse(csv, { columns: false, relax_column_count: true }) as string[][];
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell.replace(/\s+/g, ' ')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const text = cell.replace(/\s+/g, ' ');
        return i === row.length - 1 ? text : text + ' '.repeat(widths[i]! - [...text].length);
      })
      .join('  ');
  const [header, ...body] = rows;
  return [line(header!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}
