// The values of the cube in long format (one row per area × indicator × period), read straight from the
// cube's columns: no per-request index building, so one indicator over all wijken stays well under 5 ms.
import type { Area, Level, MissingReason, Unit } from '../shared/types.ts';
import type { ValueRow, ValueSource } from '../shared/api.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';
import type { Column, DataCube } from '../domain/cube.ts';
import type { CsvField } from './csv.ts';
import { HttpError } from './problem.ts';

/** Which areas a values query is about: an explicit list, or every area of a level (optionally inside a parent). */
export type AreaSelection = { kind: 'codes'; codes: readonly string[] } | { kind: 'level'; level: Level; parent: string | null };

/** One indicator × period to read, with what every row of it shares. */
export interface Series {
  column: Column | undefined;
  indicator: string;
  period: string;
  unit: Unit;
  isEstimate: boolean;
  source: ValueSource;
}

export const VALUE_CSV_HEADER = [
  'area',
  'indicator',
  'period',
  'value',
  'missing',
  'unit',
  'isEstimate',
  'datasetId',
  'tableId',
  'sourceColumn',
  'classificationYear',
] as const;

export function valueCsvFields(row: ValueRow): CsvField[] {
  return [
    row.area,
    row.indicator,
    row.period,
    row.value,
    row.missing,
    row.unit,
    row.isEstimate,
    row.source.datasetId,
    row.source.tableId,
    row.source.column,
    row.source.classificationYear,
  ];
}

/**
 * The series for the requested indicators and periods. `latest` means each indicator's most recent period.
 * Throws 404 for an unknown indicator, or for a period that none of the requested indicators has; an
 * indicator that lacks a period another one has simply contributes no rows for it.
 */
export function resolveSeries(cube: DataCube, indicatorIds: readonly string[], periods: readonly string[]): Series[] {
  const series: Series[] = [];
  const found = new Set<string>();
  for (const id of indicatorIds) {
    const indicator = cube.indicators.get(id);
    if (indicator === undefined) throw new HttpError(404, `unknown indicator "${id}"; GET /api/v1/indicators lists them`);
    const wanted = new Set(periods.map((p) => (p === 'latest' ? cube.latestPeriod(id) : p)));
    for (const p of indicator.periods) {
      if (!wanted.has(p.period)) continue;
      found.add(p.period);
      series.push({
        column: cube.column(id, p.period),
        indicator: id,
        period: p.period,
        unit: indicator.unit,
        isEstimate: indicator.isEstimate,
        source: {
          datasetId: p.provenance.datasetId,
          tableId: p.provenance.tableId,
          column: p.provenance.sourceColumn,
          classificationYear: p.provenance.classificationYear,
        },
      });
    }
  }
  for (const p of periods) {
    if (p !== 'latest' && !found.has(p)) {
      throw new HttpError(404, `period "${p}" does not exist for ${indicatorIds.length === 1 ? 'indicator' : 'any of the indicators'} ${indicatorIds.join(', ')}`);
    }
  }
  return series;
}

/** Checks that every explicitly named area exists (404 otherwise) and that a level's parent exists. */
export function checkSelection(cube: DataCube, selection: AreaSelection): void {
  const codes = selection.kind === 'codes' ? selection.codes : selection.parent === null ? [] : [selection.parent];
  for (const code of codes) {
    if (cube.area(code) === undefined) throw new HttpError(404, `unknown area code "${code}"; GET /api/v1/areas?q=… finds codes`);
  }
}

/** Whether `area` lies inside `parent` (by the register's parent chain, or its provincie or GGD-regio). */
export function isWithin(cube: DataCube, area: Area, parent: string): boolean {
  if (area.provinceCode === parent || area.ggdRegionCode === parent) return true;
  let code = area.parentCode;
  for (let depth = 0; code !== null && depth < 8; depth++) {
    if (code === parent) return true;
    code = cube.area(code)?.parentCode ?? null;
  }
  return false;
}

/** Reason by its one-byte code, derived from MISSING_REASON_CODES so the two cannot disagree. */
const REASON_BY_CODE: readonly (MissingReason | undefined)[] = (() => {
  const table: (MissingReason | undefined)[] = [];
  for (const [reason, code] of Object.entries(MISSING_REASON_CODES) as [MissingReason, number][]) table[code] = reason;
  return table;
})();

function rowAt(series: Series, area: string, column: Column | undefined, i: number | undefined): ValueRow {
  let value: number | null = null;
  let missing: MissingReason | null = 'not-in-dataset';
  if (column !== undefined && i !== undefined) {
    const reason = column.missing[i]!;
    const v = column.values[i]!;
    if (reason === 0 && !Number.isNaN(v)) {
      value = v;
      missing = null;
    } else {
      // A present flag with a NaN value breaks the snapshot's invariant: missing, as DataCube.cell reports it.
      missing = REASON_BY_CODE[reason] ?? 'empty';
    }
  }
  return {
    area,
    indicator: series.indicator,
    period: series.period,
    value,
    missing,
    unit: series.unit,
    isEstimate: series.isEstimate,
    source: series.source,
  };
}

/**
 * Rows for one series. For an explicit list every named area gets a row ('not-in-dataset' when the period's
 * dataset lacks it); for a level, the areas of that level that the period's dataset holds, in dataset order.
 */
export function seriesRows(cube: DataCube, series: Series, selection: AreaSelection): ValueRow[] {
  const column = series.column;
  const rows: ValueRow[] = [];
  if (selection.kind === 'codes') {
    for (const code of selection.codes) rows.push(rowAt(series, code, column, column?.indexOf.get(code)));
    return rows;
  }
  if (column === undefined) return rows;
  const { level, parent } = selection;
  const codes = column.codes;
  for (const i of levelIndexes(cube, column, level)) {
    const code = codes[i]!;
    if (parent !== null && !isWithin(cube, cube.area(code)!, parent)) continue;
    rows.push(rowAt(series, code, column, i));
  }
  return rows;
}

/**
 * Positions in a column of the areas of one level. Columns of one dataset share their `codes` array, and a new
 * cube (after an import) has new arrays, so this memo is built once per dataset × level and never goes stale.
 */
const levelIndexCache = new WeakMap<readonly string[], Map<Level, Int32Array>>();

function levelIndexes(cube: DataCube, column: Column, level: Level): Int32Array {
  let byLevel = levelIndexCache.get(column.codes);
  if (byLevel === undefined) levelIndexCache.set(column.codes, (byLevel = new Map()));
  let indexes = byLevel.get(level);
  if (indexes === undefined) {
    const found: number[] = [];
    column.codes.forEach((code, i) => {
      if (cube.area(code)?.level === level) found.push(i);
    });
    indexes = Int32Array.from(found);
    byLevel.set(level, indexes);
  }
  return indexes;
}

/**
 * Most rows one /values response may hold. A JSON row is ~250 bytes, and the response is built in memory, so
 * 200,000 rows is ~50 MB: beyond that (e.g. every buurt × dozens of indicators × several periods) the request
 * is refused with a 413 that points to /download, which streams one series at a time.
 */
export const MAX_VALUE_ROWS = 200_000;

/**
 * How many rows valueRows would return, without building them: from the list length or the level index sizes.
 * With a parent, areas are counted once per dataset (series of one dataset share their codes array).
 */
export function countValueRows(cube: DataCube, series: readonly Series[], selection: AreaSelection): number {
  if (selection.kind === 'codes') return series.length * selection.codes.length;
  const { level, parent } = selection;
  const perCodes = new Map<readonly string[], number>();
  let total = 0;
  for (const s of series) {
    const column = s.column;
    if (column === undefined) continue;
    let count = perCodes.get(column.codes);
    if (count === undefined) {
      const indexes = levelIndexes(cube, column, level);
      count = 0;
      if (parent === null) count = indexes.length;
      else for (const i of indexes) if (isWithin(cube, cube.area(column.codes[i]!)!, parent)) count++;
      perCodes.set(column.codes, count);
    }
    total += count;
  }
  return total;
}

/** Refuses (413, pointing to the streaming download) a query of more than `maxRows` rows, before any is built. */
export function checkRowCount(cube: DataCube, series: readonly Series[], selection: AreaSelection, maxRows: number): void {
  const count = countValueRows(cube, series, selection);
  if (count > maxRows) {
    throw new HttpError(
      413,
      `this query would return ${count} rows; at most ${maxRows} are served at once. Ask for fewer indicators, periods or areas (e.g. parent=CODE), or use GET /api/v1/download?indicators=…, which streams every value`,
    );
  }
}

/** All rows of a query, long format: by indicator, then period, then area. */
export function valueRows(cube: DataCube, series: readonly Series[], selection: AreaSelection): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const s of series) for (const row of seriesRows(cube, s, selection)) rows.push(row);
  return rows;
}

/** Every series of the cube (optionally only some indicators), for the bulk download. */
export function allSeries(cube: DataCube, indicatorIds: readonly string[] | null): Series[] {
  const ids = indicatorIds ?? [...cube.indicators.keys()];
  const periods = new Set<string>();
  for (const id of ids) for (const p of cube.indicators.get(id)?.periods ?? []) periods.add(p.period);
  return ids.length === 0 ? [] : resolveSeries(cube, ids, [...periods]);
}

/** Rows of one series over every area its dataset holds (the bulk download's unit of streaming). */
export function wholeSeriesRows(series: Series): ValueRow[] {
  const column = series.column;
  if (column === undefined) return [];
  const rows: ValueRow[] = new Array<ValueRow>(column.codes.length);
  for (let i = 0; i < column.codes.length; i++) rows[i] = rowAt(series, column.codes[i]!, column, i);
  return rows;
}
