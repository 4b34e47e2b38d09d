// What an import produces and the store keeps: datasets as columns of values, the indicator catalog, area
// attributes, boundaries and postcodes. The store persists exactly this; the domain builds its in-memory
// cube (src/domain/cube.ts) from it.
import type { DatasetInfo, Indicator, Level, MissingReason, Unit } from './types.ts';

/** An area as one dataset names it (on that dataset's classification year). */
export interface AreaRecord {
  code: string;
  level: Level;
  name: string;
  parentCode: string | null;
}

/**
 * The values of one indicator for one period, aligned with `DatasetRecord.areas` (index i = areas[i]).
 * `values[i]` is NaN exactly when `missing[i]` is a non-zero MISSING_REASON_CODES code; 0 means present.
 */
export interface SeriesRecord {
  indicatorId: string;
  period: string;
  /** Column name exactly as in the source. */
  sourceColumn: string;
  /** What the period means here, e.g. "1 januari 2022". */
  referenceNl: string;
  values: Float64Array;
  missing: Uint8Array;
}

export interface DatasetRecord {
  info: DatasetInfo;
  /** Import precedence when two datasets hold the same indicator × period: higher wins. */
  priority: number;
  areas: AreaRecord[];
  series: SeriesRecord[];
}

/** Catalog entry without periods: the periods follow from the series that exist. */
export type IndicatorDefinition = Omit<Indicator, 'periods'>;

/** Facts about a gemeente on one classification year, from the region tables. */
export interface AreaAttributes {
  code: string;
  year: number;
  provinceCode: string | null;
  provinceName: string | null;
  ggdRegionName: string | null;
  urbanity: number | null;
  /** Where these facts come from (dataset id). */
  datasetId: string;
}

/** Boundaries of one level on one classification year, as TopoJSON text whose single object is named `id`. */
export interface GeometryRecord {
  /** e.g. `gemeente-2022`, `wijk-2020`, `provincie-2020`, `ggdregio-2022`, `pc4-2022`. */
  id: string;
  level: Level | 'pc4' | 'corop';
  classificationYear: number;
  /** Property of each geometry that holds the area code (or postcode). */
  codeProperty: string;
  topojson: string;
  datasetId: string;
}

/** A four-digit postcode area, for search by postcode. */
export interface PostcodeRecord {
  pc4: string;
  place: string;
  /** Gemeente code on the classification of `gemeenteYear`; null when its name could not be matched. */
  gemeenteCode: string | null;
  gemeenteName: string;
  /**
   * Wijk of the 2020 classification (the one RIVM's health figures are on) that contains the centre point
   * (centroid) of the PC4 area, so a postcode spanning two wijken gives just one of them; null when no wijk
   * contains the centre or the PC4 has no geometry.
   */
  wijkCode: string | null;
  inhabitants: number | null;
}

/**
 * A national table that is not per area, e.g. diabetes prevalence by year × sex × age class (used for
 * indirect standardisation). Rows carry their dimension values in the order of `dimensions`.
 */
export interface ReferenceTable {
  /** e.g. `diabetes-huisarts-2002-2009`. */
  id: string;
  titleNl: string;
  datasetId: string;
  publisher: string;
  tableId: string;
  /** Exact source column of the measure. */
  sourceColumn: string;
  unit: Unit;
  /** Dimension names, e.g. ['jaar', 'geslacht', 'leeftijd']. */
  dimensions: string[];
  rows: { dims: string[]; value: number | null; missing: MissingReason | null }[];
}

export interface Snapshot {
  datasets: DatasetRecord[];
  referenceTables: ReferenceTable[];
  indicators: IndicatorDefinition[];
  areaAttributes: AreaAttributes[];
  geometries: GeometryRecord[];
  postcodes: PostcodeRecord[];
}
