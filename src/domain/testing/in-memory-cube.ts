// Test fixture: the one hand-written DataCube behind the small synthetic cubes of the unit tests (profile,
// segmentation, server). Tests state their areas, indicators and values as plain objects; this does not go
// through buildCube, so a fault in the cube builder cannot hide in, or break, the tests of what reads a cube.
// Not used outside tests.
import type { AreaQuery, ClassificationDiff, Column, DataCube } from '../cube.ts';
import { MISSING_REASON_CODES, MISSING_REASONS } from '../../shared/types.ts';
import type { Area, Cell, Indicator, MissingReason } from '../../shared/types.ts';

/** One indicator × period; a value per code: a number, null ('empty') or an explicit reason. */
export interface InMemoryColumn {
  indicatorId: string;
  period: string;
  datasetId: string;
  values: Record<string, number | null | MissingReason>;
}

export interface InMemoryCubeSpec {
  areas: readonly Area[];
  /** Used as given: their periods are what latestPeriod reads, so list them ascending. */
  indicators: readonly Indicator[];
  columns: readonly InMemoryColumn[];
  /** Default: the classification years of the indicators' periods. */
  classificationYears?: readonly number[];
  /** Default: none. */
  classificationDiffs?: readonly ClassificationDiff[];
}

function toColumn(c: InMemoryColumn): Column {
  const codes = Object.keys(c.values);
  const values = new Float64Array(codes.length);
  const missing = new Uint8Array(codes.length);
  codes.forEach((code, i) => {
    const v = c.values[code];
    if (typeof v === 'number') values[i] = v;
    else {
      values[i] = Number.NaN;
      missing[i] = MISSING_REASON_CODES[v ?? 'empty'];
    }
  });
  return { indicatorId: c.indicatorId, period: c.period, datasetId: c.datasetId, codes, values, missing, indexOf: new Map(codes.map((code, i) => [code, i])) };
}

/**
 * A DataCube over the given areas, indicators and columns. Children are sorted by name (a GGD region's children
 * are its gemeenten); searchAreas matches a code exactly or part of a name.
 */
export function inMemoryCube(spec: InMemoryCubeSpec): DataCube {
  const areas = new Map(spec.areas.map((a) => [a.code, a]));
  const indicators = new Map(spec.indicators.map((i) => [i.id, i]));
  const columns = new Map(spec.columns.map((c) => [`${c.indicatorId}|${c.period}`, toColumn(c)]));
  const classificationYears = spec.classificationYears
    ?? [...new Set(spec.indicators.flatMap((i) => i.periods.map((p) => p.provenance.classificationYear)))].sort((a, b) => a - b);
  const collator = new Intl.Collator('nl');
  return {
    areas,
    indicators,
    classificationYears,
    area: (code) => areas.get(code),
    children: (code) =>
      [...areas.values()]
        .filter((a) => a.parentCode === code || (areas.get(code)?.level === 'ggdregio' && a.ggdRegionCode === code && a.level === 'gemeente'))
        .sort((a, b) => collator.compare(a.name, b.name)),
    ancestors: (code) => {
      const chain: Area[] = [];
      let parent = areas.get(code)?.parentCode ?? null;
      while (parent !== null) {
        const a = areas.get(parent);
        if (a === undefined) break;
        chain.push(a);
        parent = a.parentCode;
      }
      return chain;
    },
    searchAreas: (query: AreaQuery) => {
      const q = (query.q ?? '').toLowerCase();
      return [...areas.values()]
        .filter((a) => (query.level === undefined || a.level === query.level) && (query.parentCode === undefined || a.parentCode === query.parentCode))
        .filter((a) => q === '' || a.code.toLowerCase() === q || a.name.toLowerCase().includes(q))
        .slice(0, query.limit ?? 20);
    },
    column: (indicatorId, period) => columns.get(`${indicatorId}|${period}`),
    cell: (indicatorId, period, code): Cell => {
      const column = columns.get(`${indicatorId}|${period}`);
      const i = column?.indexOf.get(code);
      if (column === undefined || i === undefined) return { value: null, missing: 'not-in-dataset' };
      const m = column.missing[i]!;
      return m === 0 ? { value: column.values[i]! } : { value: null, missing: MISSING_REASONS[m - 1]! };
    },
    latestPeriod: (indicatorId) => indicators.get(indicatorId)?.periods.at(-1)?.period,
    classificationDiffs: () => [...(spec.classificationDiffs ?? [])],
  };
}
