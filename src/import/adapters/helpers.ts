// Shared building blocks for the CSV/GeoJSON adapters of this folder: reading a file so that every problem is
// located (file, line, column), turning code/level/name columns into AreaRecords and number columns into
// SeriesRecords, and hashing the source bytes. The adapters stay declarative: which file, which columns, which
// indicator; the checks that every dataset needs live here once.
import { createHash } from 'node:crypto';
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ImportError, type DataSource } from '../adapter.ts';
import { columnIndex, parseCsv, parseNumberCell, type CsvTable } from '../csv.ts';
import { levelOfCode, normaliseCode, parentFromCode } from '../../shared/codes.ts';
import type { AreaRecord, DatasetRecord, SeriesRecord } from '../../shared/snapshot.ts';
import type { DatasetInfo, Level } from '../../shared/types.ts';

/** sha256 hex over the bytes of every source file, in order: equal hash = same data, so re-import is a no-op. */
export function sha256Hex(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8');

/** Splits one CSV line into fields, honouring double quotes; only used to locate a problem, never to read data. */
function roughFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/**
 * Decodes strict UTF-8. A file in another encoding (a Windows-1252 export turns "Súdwest-Fryslân" into bytes
 * that are not UTF-8) stops the import at the line and, for CSV, the column that holds the first bad byte, so
 * nobody imports mangled names.
 */
export function decodeUtf8Located(bytes: Uint8Array, file: string, csvDelimiter: string | null): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i !== bytes.length && bytes[i] !== 0x0a) continue;
      const slice = bytes.subarray(start, i);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(slice);
      } catch {
        let column: string | null = null;
        if (csvDelimiter !== null) {
          const firstNewline = bytes.indexOf(0x0a);
          const header = roughFields(lenientUtf8.decode(bytes.subarray(0, firstNewline < 0 ? bytes.length : firstNewline)).replace(/^\uFEFF/, '').replace(/\r$/, ''), csvDelimiter);
          const fields = roughFields(lenientUtf8.decode(slice), csvDelimiter);
          const at = fields.findIndex((f) => f.includes('\uFFFD'));
          column = at >= 0 ? (header[at]?.trim() ?? null) : null;
        }
        throw new ImportError(file, line, column, 'the file is not UTF-8 (is it a Windows-1252 or Latin-1 export?); save it as UTF-8');
      }
      line++;
      start = i + 1;
    }
    throw new ImportError(file, null, null, 'the file is not UTF-8');
  }
}

export interface CsvFile {
  table: CsvTable;
  bytes: Uint8Array;
}

/**
 * Reads one CSV file strictly: UTF-8, all `required` columns present by exact name, every row complete. A file
 * that does not end with a line break was cut off (the exports here all end with one), so its last row is
 * reported as truncated at the column where it stops, even when the cut left a plausible-looking number.
 */
export async function readCsvFile(source: DataSource, file: string, required: readonly string[], delimiter: ',' | ';' = ','): Promise<CsvFile> {
  const bytes = await source.readBytes(file);
  const text = decodeUtf8Located(bytes, file, delimiter);
  if (text.trim() !== '' && !text.endsWith('\n')) {
    const lines = text.split('\n');
    const header = roughFields((lines[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, ''), delimiter);
    const last = roughFields(lines[lines.length - 1] ?? '', delimiter);
    const column = header[Math.max(0, last.length - 1)]?.trim() ?? null;
    throw new ImportError(file, lines.length, column, `the file ends in the middle of a row (after ${last.length} of ${header.length} fields, no final line break); is it truncated?`);
  }
  const table = parseCsv(text, file, { delimiter, required });
  return { table, bytes };
}

/**
 * Since statistiekjaar 2023 CBS lets a gemeente use letters in its wijk and buurt codes when it has more than
 * 100 of them (Amsterdam: WK0363AA …; 85984NED TableInfos, "Wijk"). `levelOfCode`/`parentFromCode` in
 * src/shared/codes.ts accept digits only, so the alphanumeric forms are recognised here until they move there.
 */
const ALPHANUMERIC_WIJK = /^WK\d{4}[0-9A-Z]{2}$/;
const ALPHANUMERIC_BUURT = /^BU\d{4}[0-9A-Z]{4}$/;

/** Level of a CBS code, including the alphanumeric wijk/buurt codes of 2023 onwards; null if malformed. */
export function areaLevel(code: string): Level | null {
  const level = levelOfCode(code);
  if (level !== null) return level;
  if (ALPHANUMERIC_WIJK.test(code)) return 'wijk';
  if (ALPHANUMERIC_BUURT.test(code)) return 'buurt';
  return null;
}

/** Parent that the code's characters name (buurt → wijk, wijk → gemeente); null for other levels. */
export function areaParent(code: string): string | null {
  const parent = parentFromCode(code);
  if (parent !== null) return parent;
  if (ALPHANUMERIC_WIJK.test(code)) return `GM${code.slice(2, 6)}`;
  if (ALPHANUMERIC_BUURT.test(code)) return `WK${code.slice(2, 8)}`;
  return null;
}

/** How one file names its areas: which columns hold code, name and level, and what the level words mean. */
export interface AreaColumns {
  code: string;
  /** Column with the area name; null when the file has none (the name is then left empty for the register). */
  name: string | null;
  /** Column saying Land / Gemeente / Wijk, checked against the level the code implies. */
  level: string;
  levelWords: Readonly<Record<string, Level>>;
  /** Optional column with the gemeente code of each row, checked against the code's own digits. */
  gemeenteCode?: string;
}

/** The usual CBS words in the `recs` / `soort` / `SoortRegio` column. */
export const CBS_LEVEL_WORDS: Readonly<Record<string, Level>> = { Land: 'land', Gemeente: 'gemeente', Wijk: 'wijk', Buurt: 'buurt' };

/**
 * Reads the areas of a table. Every code must be a well-formed CBS code whose level agrees with the level
 * column, and occur once; otherwise ImportError at the offending line and column.
 */
export function readAreas(table: CsvTable, columns: AreaColumns): AreaRecord[] {
  const codeAt = columnIndex(table, columns.code);
  const nameAt = columns.name === null ? -1 : columnIndex(table, columns.name);
  const levelAt = columnIndex(table, columns.level);
  const gemeenteAt = columns.gemeenteCode === undefined ? -1 : columnIndex(table, columns.gemeenteCode);
  const firstLine = new Map<string, number>();
  const areas: AreaRecord[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const line = table.lines[r]!;
    const raw = row[codeAt] ?? '';
    const code = normaliseCode(raw);
    const level = areaLevel(code);
    if (level === null) {
      throw new ImportError(table.file, line, columns.code, `"${raw}" is not a CBS area code (expected NL00, GMxxxx, WKxxxxxx or BUxxxxxxxx)`);
    }
    const word = (row[levelAt] ?? '').trim();
    const stated = columns.levelWords[word];
    if (stated === undefined) {
      throw new ImportError(table.file, line, columns.level, `"${word}" is not a known kind of region (expected one of ${Object.keys(columns.levelWords).join(', ')})`);
    }
    if (stated !== level) {
      throw new ImportError(table.file, line, columns.level, `"${word}" contradicts code ${code}, which is a ${level}`);
    }
    if (gemeenteAt >= 0) {
      const given = normaliseCode(row[gemeenteAt] ?? '');
      const expected = level === 'gemeente' ? code : level === 'land' ? '' : `GM${code.slice(2, 6)}`;
      if (given !== expected) {
        throw new ImportError(table.file, line, columns.gemeenteCode ?? null, `gemeente code "${given}" does not match area ${code} (expected "${expected}")`);
      }
    }
    const seen = firstLine.get(code);
    if (seen !== undefined) {
      throw new ImportError(table.file, line, columns.code, `area ${code} occurs twice (first on line ${seen})`);
    }
    firstLine.set(code, line);
    const parentCode = level === 'wijk' || level === 'buurt' ? areaParent(code) : null;
    areas.push({ code, level, name: nameAt < 0 ? '' : (row[nameAt] ?? '').trim(), parentCode });
  }
  return areas;
}

/** One number column to read as the values of one indicator for one period. */
export interface SeriesSpec {
  column: string;
  indicatorId: string;
  period: string;
  referenceNl: string;
}

/**
 * Reads number columns into series aligned with the table's rows. Plain-number files only: an empty cell is
 * 'empty' (NaN), a CBS symbol or text is an ImportError. A column without a single value was not published,
 * so it yields no series rather than a column of "missing".
 */
export function readSeries(table: CsvTable, specs: readonly SeriesSpec[]): SeriesRecord[] {
  const series: SeriesRecord[] = [];
  const n = table.rows.length;
  for (const spec of specs) {
    const at = columnIndex(table, spec.column);
    const values = new Float64Array(n);
    const missing = new Uint8Array(n);
    let present = 0;
    for (let r = 0; r < n; r++) {
      const [value, reason] = parseNumberCell(table.rows[r]![at] ?? '', { file: table.file, line: table.lines[r]!, column: spec.column }, { cbsSymbols: false });
      values[r] = value;
      missing[r] = reason;
      if (reason === 0) present++;
    }
    if (present === 0) continue;
    series.push({ indicatorId: spec.indicatorId, period: spec.period, sourceColumn: spec.column, referenceNl: spec.referenceNl, values, missing });
  }
  return series;
}

/** Dataset description; the licence of every CBS/PDOK/Vektis source used here is CC BY 4.0 as their PROVENANCE.md says. */
export function datasetInfo(fields: Omit<DatasetInfo, 'licence'> & { licence?: string }): DatasetInfo {
  return { ...fields, licence: fields.licence ?? 'CC BY 4.0' };
}

/** A dataset that is one CSV file with one row per area. */
export interface CsvDatasetSpec {
  /** Path relative to the data directory. */
  file: string;
  info: Omit<DatasetInfo, 'licence' | 'source' | 'contentHash'>;
  priority: number;
  areas: AreaColumns;
  series: readonly SeriesSpec[];
  /** Number of data rows PROVENANCE.md promises; a different count means a different or damaged file. */
  expectedRows?: number;
}

/** Reads one CSV dataset completely (all columns required by name) and validates it before returning. */
export async function readCsvDataset(source: DataSource, spec: CsvDatasetSpec): Promise<DatasetRecord> {
  const areaColumns = [spec.areas.code, spec.areas.level, ...(spec.areas.name === null ? [] : [spec.areas.name]), ...(spec.areas.gemeenteCode === undefined ? [] : [spec.areas.gemeenteCode])];
  const { table, bytes } = await readCsvFile(source, spec.file, [...areaColumns, ...spec.series.map((s) => s.column)]);
  const areas = readAreas(table, spec.areas);
  const series = readSeries(table, spec.series);
  // Checked last, so that a damaged cell is reported where it is rather than as a wrong count.
  if (spec.expectedRows !== undefined && areas.length !== spec.expectedRows) {
    throw new ImportError(spec.file, null, null, `expected ${spec.expectedRows} areas as PROVENANCE.md describes, found ${areas.length}; is the file truncated or a different edition?`);
  }
  return {
    info: datasetInfo({ ...spec.info, source: [spec.file], contentHash: sha256Hex([bytes]) }),
    priority: spec.priority,
    areas,
    series,
  };
}

/**
 * d3-geo (the client's renderer) reads a ring's winding on the sphere: a polygon whose exterior runs the other way
 * means "everything except this area" and paints the whole map. The COROP file is wound that way, the others are
 * not; each polygon that covers more than a hemisphere is turned around (all rings, so holes stay holes).
 */
export function windForD3(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}
