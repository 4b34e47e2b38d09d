// The in-memory columnar copy of all values (areas × indicators × periods) that every computation reads.
// Built once from the store's Snapshot (buildCube in ./build-cube.ts); immutable afterwards, so requests can
// share it without locks and an import swaps in a new one.
import type { Area, Cell, Indicator, Level } from '../shared/types.ts';

/** The values of one indicator × period over the areas of the dataset that holds it. */
export interface Column {
  indicatorId: string;
  period: string;
  datasetId: string;
  /** Area codes, aligned with values/missing. */
  codes: readonly string[];
  /** NaN where missing. */
  values: Float64Array;
  /** 0 = present, else a MISSING_REASON_CODES code. */
  missing: Uint8Array;
  /** code → index into codes/values. */
  indexOf: ReadonlyMap<string, number>;
}

export interface AreaQuery {
  /** Free text: part of a name, a code (GM0363, WK036300) or a four-digit postcode. */
  q?: string;
  level?: Level;
  parentCode?: string;
  limit?: number;
}

/** Codes that occur on one classification year but not on another: reported, never silently dropped. */
export interface ClassificationDiff {
  fromYear: number;
  toYear: number;
  level: Level;
  onlyInFrom: string[];
  onlyInTo: string[];
}

export interface DataCube {
  /** All areas, keyed by code. */
  readonly areas: ReadonlyMap<string, Area>;
  /** The catalog with the periods that have values, keyed by id. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** Classification years that occur in the data, ascending. */
  readonly classificationYears: readonly number[];

  area(code: string): Area | undefined;
  /** Direct children in the register, sorted by name. */
  children(code: string): Area[];
  /** Parents from the direct parent up to NL00. */
  ancestors(code: string): Area[];
  /** Areas matching a query, best matches first (exact code, postcode, name prefix, name part). */
  searchAreas(query: AreaQuery): Area[];

  column(indicatorId: string, period: string): Column | undefined;
  /** One value or its explained absence; 'not-in-dataset' when the area is not in the dataset of that period. */
  cell(indicatorId: string, period: string, code: string): Cell;
  /** Most recent period with values for the indicator. */
  latestPeriod(indicatorId: string): string | undefined;

  /** Code differences between classification years per level (e.g. RIVM 2020 vs KWB 2022 gemeenten). */
  classificationDiffs(): ClassificationDiff[];
}
