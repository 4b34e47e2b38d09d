// Row shapes of the SQLite tables (migrations.ts) and the one place that converts between them and the records
// of src/shared/snapshot.ts. Each table has a serialize (record → row) and a parse (row → record) function;
// parse checks every column's type, so a damaged or hand-edited database fails loudly with table and column
// instead of feeding wrong values into the cube.
import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import type { AgeGroup, DatasetInfo, Level, MissingReason, Polarity, Theme, Unit } from '../shared/types.ts';
import type {
  AreaAttributes,
  AreaRecord,
  GeometryRecord,
  IndicatorDefinition,
  PostcodeRecord,
  ReferenceTable,
  SeriesRecord,
} from '../shared/snapshot.ts';
import { targetSchema } from '../domain/segmentation/targets.ts';
import type { StoredTarget } from './store.ts';

/** A row as node:sqlite returns it. */
export type OutputRow = Record<string, SQLOutputValue>;
/** Named parameters for a prepared statement (`$name`). */
export type InputRow = Record<string, SQLInputValue>;

// --- column readers -------------------------------------------------------------------------------------------

function fail(table: string, column: string, expected: string, value: unknown): never {
  const shown = value instanceof Uint8Array ? `${value.byteLength} bytes` : JSON.stringify(value);
  throw new Error(`database table ${table}, column ${column}: expected ${expected}, found ${shown}`);
}

function text(row: OutputRow, table: string, column: string): string {
  const v = row[column];
  return typeof v === 'string' ? v : fail(table, column, 'text', v);
}

function textOrNull(row: OutputRow, table: string, column: string): string | null {
  const v = row[column];
  return v === null || typeof v === 'string' ? v : fail(table, column, 'text or null', v);
}

function num(row: OutputRow, table: string, column: string): number {
  const v = row[column];
  return typeof v === 'number' ? v : fail(table, column, 'a number', v);
}

function numOrNull(row: OutputRow, table: string, column: string): number | null {
  const v = row[column];
  return v === null || typeof v === 'number' ? v : fail(table, column, 'a number or null', v);
}

function blob(row: OutputRow, table: string, column: string): Uint8Array {
  const v = row[column];
  return v instanceof Uint8Array ? v : fail(table, column, 'a blob', v);
}

function json(row: OutputRow, table: string, column: string): unknown {
  const s = text(row, table, column);
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return fail(table, column, 'JSON', s.slice(0, 40));
  }
}

function stringArray(value: unknown, table: string, column: string): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return fail(table, column, 'a JSON array of strings', JSON.stringify(value).slice(0, 40));
}

// --- typed arrays as blobs ------------------------------------------------------------------------------------

/** The bytes of a Float64Array exactly as in memory (NaN payloads included), without copying. */
export function float64Bytes(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** A Float64Array over a copy of the blob (a copy, so that it is 8-byte aligned and owns its buffer). */
export function float64FromBytes(bytes: Uint8Array, table: string, column: string): Float64Array {
  if (bytes.byteLength % Float64Array.BYTES_PER_ELEMENT !== 0) fail(table, column, 'a multiple of 8 bytes', bytes);
  return new Float64Array(bytes.slice().buffer);
}

// --- datasets -------------------------------------------------------------------------------------------------

export interface DatasetRow extends InputRow {
  id: string;
  title_nl: string;
  publisher: string;
  table_id: string;
  licence: string;
  classification_year: number;
  source: string;
  content_hash: string;
  priority: number;
  imported_at: string;
}

export function serializeDataset(info: DatasetInfo, priority: number, importedAt: string): DatasetRow {
  return {
    id: info.id,
    title_nl: info.titleNl,
    publisher: info.publisher,
    table_id: info.tableId,
    licence: info.licence,
    classification_year: info.classificationYear,
    source: JSON.stringify(info.source),
    content_hash: info.contentHash,
    priority,
    imported_at: importedAt,
  };
}

export function parseDataset(row: OutputRow): { info: DatasetInfo; priority: number; importedAt: string } {
  const t = 'datasets';
  return {
    info: {
      id: text(row, t, 'id'),
      titleNl: text(row, t, 'title_nl'),
      publisher: text(row, t, 'publisher'),
      tableId: text(row, t, 'table_id'),
      licence: text(row, t, 'licence'),
      classificationYear: num(row, t, 'classification_year'),
      source: stringArray(json(row, t, 'source'), t, 'source'),
      contentHash: text(row, t, 'content_hash'),
    },
    priority: num(row, t, 'priority'),
    importedAt: text(row, t, 'imported_at'),
  };
}

// --- dataset_areas --------------------------------------------------------------------------------------------

export interface DatasetAreaRow extends InputRow {
  dataset_id: string;
  ordinal: number;
  code: string;
  level: string;
  name: string;
  parent_code: string | null;
}

export function serializeArea(datasetId: string, ordinal: number, area: AreaRecord): DatasetAreaRow {
  return { dataset_id: datasetId, ordinal, code: area.code, level: area.level, name: area.name, parent_code: area.parentCode };
}

export function parseArea(row: OutputRow): AreaRecord {
  const t = 'dataset_areas';
  return {
    code: text(row, t, 'code'),
    level: text(row, t, 'level') as Level,
    name: text(row, t, 'name'),
    parentCode: textOrNull(row, t, 'parent_code'),
  };
}

// --- series ---------------------------------------------------------------------------------------------------

export interface SeriesRow extends InputRow {
  dataset_id: string;
  ordinal: number;
  indicator_id: string;
  period: string;
  source_column: string;
  reference_nl: string;
  values: Uint8Array;
  missing: Uint8Array;
}

export function serializeSeries(datasetId: string, ordinal: number, series: SeriesRecord): SeriesRow {
  return {
    dataset_id: datasetId,
    ordinal,
    indicator_id: series.indicatorId,
    period: series.period,
    source_column: series.sourceColumn,
    reference_nl: series.referenceNl,
    values: float64Bytes(series.values),
    missing: series.missing,
  };
}

export function parseSeries(row: OutputRow): SeriesRecord {
  const t = 'series';
  const values = float64FromBytes(blob(row, t, 'values'), t, 'values');
  const missing = blob(row, t, 'missing').slice();
  if (missing.length !== values.length) {
    fail(t, 'missing', `${values.length} bytes (one per value)`, missing);
  }
  return {
    indicatorId: text(row, t, 'indicator_id'),
    period: text(row, t, 'period'),
    sourceColumn: text(row, t, 'source_column'),
    referenceNl: text(row, t, 'reference_nl'),
    values,
    missing,
  };
}

// --- indicators -----------------------------------------------------------------------------------------------

export interface IndicatorRow extends InputRow {
  id: string;
  ordinal: number;
  label_nl: string;
  label_en: string;
  unit: string;
  definition_nl: string;
  definition_en: string;
  theme: string;
  age_group: string | null;
  polarity: string;
  share_of_nl: string | null;
  share_of_en: string | null;
  is_estimate: number;
  decimals: number;
}

export function serializeIndicator(ordinal: number, d: IndicatorDefinition): IndicatorRow {
  return {
    id: d.id,
    ordinal,
    label_nl: d.labelNl,
    label_en: d.labelEn,
    unit: d.unit,
    definition_nl: d.definitionNl,
    definition_en: d.definitionEn,
    theme: d.theme,
    age_group: d.ageGroup,
    polarity: d.polarity,
    share_of_nl: d.shareOfNl,
    share_of_en: d.shareOfEn,
    is_estimate: d.isEstimate ? 1 : 0,
    decimals: d.decimals,
  };
}

export function parseIndicator(row: OutputRow): IndicatorDefinition {
  const t = 'indicators';
  return {
    id: text(row, t, 'id'),
    labelNl: text(row, t, 'label_nl'),
    labelEn: text(row, t, 'label_en'),
    unit: text(row, t, 'unit') as Unit,
    definitionNl: text(row, t, 'definition_nl'),
    definitionEn: text(row, t, 'definition_en'),
    theme: text(row, t, 'theme') as Theme,
    ageGroup: textOrNull(row, t, 'age_group') as AgeGroup | null,
    polarity: text(row, t, 'polarity') as Polarity,
    shareOfNl: textOrNull(row, t, 'share_of_nl'),
    shareOfEn: textOrNull(row, t, 'share_of_en'),
    isEstimate: num(row, t, 'is_estimate') === 1,
    decimals: num(row, t, 'decimals'),
  };
}

// --- area_attributes ------------------------------------------------------------------------------------------

export interface AreaAttributesRow extends InputRow {
  ordinal: number;
  code: string;
  year: number;
  province_code: string | null;
  province_name: string | null;
  ggd_region_name: string | null;
  urbanity: number | null;
  dataset_id: string;
}

export function serializeAreaAttributes(ordinal: number, a: AreaAttributes): AreaAttributesRow {
  return {
    ordinal,
    code: a.code,
    year: a.year,
    province_code: a.provinceCode,
    province_name: a.provinceName,
    ggd_region_name: a.ggdRegionName,
    urbanity: a.urbanity,
    dataset_id: a.datasetId,
  };
}

export function parseAreaAttributes(row: OutputRow): AreaAttributes {
  const t = 'area_attributes';
  return {
    code: text(row, t, 'code'),
    year: num(row, t, 'year'),
    provinceCode: textOrNull(row, t, 'province_code'),
    provinceName: textOrNull(row, t, 'province_name'),
    ggdRegionName: textOrNull(row, t, 'ggd_region_name'),
    urbanity: numOrNull(row, t, 'urbanity'),
    datasetId: text(row, t, 'dataset_id'),
  };
}

// --- geometries -----------------------------------------------------------------------------------------------

export interface GeometryRow extends InputRow {
  id: string;
  ordinal: number;
  level: string;
  classification_year: number;
  code_property: string;
  topojson: string;
  dataset_id: string;
}

export function serializeGeometry(ordinal: number, g: GeometryRecord): GeometryRow {
  return {
    id: g.id,
    ordinal,
    level: g.level,
    classification_year: g.classificationYear,
    code_property: g.codeProperty,
    topojson: g.topojson,
    dataset_id: g.datasetId,
  };
}

/** Without the TopoJSON text: what listGeometries returns. */
export function parseGeometryInfo(row: OutputRow): Omit<GeometryRecord, 'topojson'> {
  const t = 'geometries';
  return {
    id: text(row, t, 'id'),
    level: text(row, t, 'level') as GeometryRecord['level'],
    classificationYear: num(row, t, 'classification_year'),
    codeProperty: text(row, t, 'code_property'),
    datasetId: text(row, t, 'dataset_id'),
  };
}

export function parseGeometry(row: OutputRow): GeometryRecord {
  const info = parseGeometryInfo(row);
  return {
    id: info.id,
    level: info.level,
    classificationYear: info.classificationYear,
    codeProperty: info.codeProperty,
    topojson: text(row, 'geometries', 'topojson'),
    datasetId: info.datasetId,
  };
}

// --- postcodes ------------------------------------------------------------------------------------------------

export interface PostcodeRow extends InputRow {
  ordinal: number;
  pc4: string;
  place: string;
  gemeente_code: string | null;
  gemeente_name: string;
  wijk_code: string | null;
  inhabitants: number | null;
}

export function serializePostcode(ordinal: number, p: PostcodeRecord): PostcodeRow {
  return {
    ordinal,
    pc4: p.pc4,
    place: p.place,
    gemeente_code: p.gemeenteCode,
    gemeente_name: p.gemeenteName,
    wijk_code: p.wijkCode,
    inhabitants: p.inhabitants,
  };
}

export function parsePostcode(row: OutputRow): PostcodeRecord {
  const t = 'postcodes';
  return {
    pc4: text(row, t, 'pc4'),
    place: text(row, t, 'place'),
    gemeenteCode: textOrNull(row, t, 'gemeente_code'),
    gemeenteName: text(row, t, 'gemeente_name'),
    wijkCode: textOrNull(row, t, 'wijk_code'),
    inhabitants: numOrNull(row, t, 'inhabitants'),
  };
}

// --- reference_tables -----------------------------------------------------------------------------------------

export interface ReferenceTableRow extends InputRow {
  id: string;
  ordinal: number;
  title_nl: string;
  dataset_id: string;
  publisher: string;
  table_id: string;
  source_column: string;
  unit: string;
  dimensions: string;
  rows: string;
}

export function serializeReferenceTable(ordinal: number, r: ReferenceTable): ReferenceTableRow {
  return {
    id: r.id,
    ordinal,
    title_nl: r.titleNl,
    dataset_id: r.datasetId,
    publisher: r.publisher,
    table_id: r.tableId,
    source_column: r.sourceColumn,
    unit: r.unit,
    dimensions: JSON.stringify(r.dimensions),
    // Field order fixed here so that equal tables serialize to equal text (the store compares text).
    rows: JSON.stringify(r.rows.map((row) => ({ dims: row.dims, value: row.value, missing: row.missing }))),
  };
}

export function parseReferenceTable(row: OutputRow): ReferenceTable {
  const t = 'reference_tables';
  const rows = json(row, t, 'rows');
  if (!Array.isArray(rows)) fail(t, 'rows', 'a JSON array', JSON.stringify(rows).slice(0, 40));
  return {
    id: text(row, t, 'id'),
    titleNl: text(row, t, 'title_nl'),
    datasetId: text(row, t, 'dataset_id'),
    publisher: text(row, t, 'publisher'),
    tableId: text(row, t, 'table_id'),
    sourceColumn: text(row, t, 'source_column'),
    unit: text(row, t, 'unit') as Unit,
    dimensions: stringArray(json(row, t, 'dimensions'), t, 'dimensions'),
    rows: (rows as unknown[]).map((r) => parseReferenceRow(r)),
  };
}

function parseReferenceRow(r: unknown): ReferenceTable['rows'][number] {
  const t = 'reference_tables';
  if (typeof r !== 'object' || r === null) return fail(t, 'rows', 'objects', JSON.stringify(r));
  const o = r as Record<string, unknown>;
  const value = o['value'];
  const missing = o['missing'];
  if (!(value === null || typeof value === 'number')) return fail(t, 'rows', 'value: number or null', JSON.stringify(value));
  if (!(missing === null || typeof missing === 'string')) return fail(t, 'rows', 'missing: text or null', JSON.stringify(missing));
  return { dims: stringArray(o['dims'], t, 'rows'), value, missing: missing as MissingReason | null };
}

// --- targets --------------------------------------------------------------------------------------------------

export interface TargetRow extends InputRow {
  id: string;
  definition: string;
  created_at: string;
}

export function serializeTarget(target: StoredTarget): TargetRow {
  return { id: target.definition.id, definition: JSON.stringify(target.definition), created_at: target.createdAt };
}

/** The stored JSON is checked against the target schema again: a hand-edited row fails here, not in a request. */
export function parseTarget(row: OutputRow): StoredTarget {
  const t = 'targets';
  const parsed = targetSchema.safeParse(json(row, t, 'definition'));
  if (!parsed.success) return fail(t, 'definition', 'a valid target definition', parsed.error.issues.map((i) => i.message).join('; '));
  const id = text(row, t, 'id');
  if (parsed.data.id !== id) return fail(t, 'definition', `a definition with id "${id}"`, parsed.data.id);
  return { definition: parsed.data, createdAt: text(row, t, 'created_at') };
}
