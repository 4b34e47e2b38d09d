// Builds the DataCube (./cube.ts) from a store Snapshot: the register, one Column per indicator × period and the
// search index. Columns reuse the snapshot's typed arrays (no copy, no per-cell objects), and every dataset's
// codes and code → index map are built once and shared by all of its columns, so building is linear in the
// number of areas per dataset plus the number of series.
import type { DatasetRecord, Snapshot } from '../shared/snapshot.ts';
import type { Area, Cell, Indicator, IndicatorPeriod, Level, MissingReason } from '../shared/types.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';
import type { ClassificationDiff, Column, DataCube } from './cube.ts';
import { buildRegister } from './register.ts';
import type { AreaRegister } from './register.ts';
import { buildAreaSearch } from './search.ts';

/** Reason by its one-byte code, built from MISSING_REASON_CODES so the two can never disagree. */
const REASON_BY_CODE: readonly (MissingReason | undefined)[] = (() => {
  const table: (MissingReason | undefined)[] = [];
  for (const [reason, code] of Object.entries(MISSING_REASON_CODES) as [MissingReason, number][]) table[code] = reason;
  return table;
})();

const NOT_IN_DATASET: Cell = Object.freeze({ value: null, missing: 'not-in-dataset' });

/** Periods are years ("2022") but may carry more ("2020-2021"); numeric collation keeps "2009" before "2010". */
const periodCollator = new Intl.Collator('en', { numeric: true });

/** Levels whose codes are compared between classification years. */
const DIFF_LEVELS: readonly Level[] = ['provincie', 'gemeente', 'wijk', 'buurt'];

function columnKey(indicatorId: string, period: string): string {
  return `${indicatorId}\u0000${period}`;
}

/** Which of two datasets holds an indicator × period when both do: higher priority, then newer, then id. */
function outranks(a: DatasetRecord, b: DatasetRecord): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.info.classificationYear !== b.info.classificationYear) {
    return a.info.classificationYear > b.info.classificationYear;
  }
  return a.info.id < b.info.id;
}

interface DatasetIndex {
  codes: readonly string[];
  indexOf: ReadonlyMap<string, number>;
}

/** Builds the immutable in-memory cube. Pure: the snapshot's arrays are shared, never modified. */
export function buildCube(snapshot: Snapshot): DataCube {
  const register = buildRegister(snapshot);
  const catalog = new Map(snapshot.indicators.map((definition) => [definition.id, definition]));

  // Winner per indicator × period, only for indicators in the catalog: a series without a catalog entry
  // has no unit or label and cannot be shown honestly.
  const winners = new Map<string, { dataset: DatasetRecord; seriesIndex: number }>();
  for (const dataset of snapshot.datasets) {
    for (let s = 0; s < dataset.series.length; s++) {
      const series = dataset.series[s]!;
      if (!catalog.has(series.indicatorId)) continue;
      const key = columnKey(series.indicatorId, series.period);
      const current = winners.get(key);
      if (current === undefined || outranks(dataset, current.dataset)) winners.set(key, { dataset, seriesIndex: s });
    }
  }

  const datasetIndexes = new Map<DatasetRecord, DatasetIndex>();
  const indexFor = (dataset: DatasetRecord): DatasetIndex => {
    let index = datasetIndexes.get(dataset);
    if (index === undefined) {
      const codes = Object.freeze(dataset.areas.map((area) => area.code));
      const indexOf = new Map<string, number>();
      for (let i = 0; i < codes.length; i++) indexOf.set(codes[i]!, i);
      index = { codes, indexOf };
      datasetIndexes.set(dataset, index);
    }
    return index;
  };

  const columns = new Map<string, Column>();
  const periodsByIndicator = new Map<string, IndicatorPeriod[]>();
  for (const [key, { dataset, seriesIndex }] of winners) {
    const series = dataset.series[seriesIndex]!;
    const { codes, indexOf } = indexFor(dataset);
    columns.set(
      key,
      Object.freeze({
        indicatorId: series.indicatorId,
        period: series.period,
        datasetId: dataset.info.id,
        codes,
        values: series.values,
        missing: series.missing,
        indexOf,
      }),
    );
    let periods = periodsByIndicator.get(series.indicatorId);
    if (periods === undefined) periodsByIndicator.set(series.indicatorId, (periods = []));
    periods.push({
      period: series.period,
      referenceNl: series.referenceNl,
      provenance: {
        datasetId: dataset.info.id,
        publisher: dataset.info.publisher,
        tableId: dataset.info.tableId,
        sourceColumn: series.sourceColumn,
        classificationYear: dataset.info.classificationYear,
      },
    });
  }

  const indicators = new Map<string, Indicator>();
  for (const definition of snapshot.indicators) {
    const periods = periodsByIndicator.get(definition.id);
    if (periods === undefined) continue;
    periods.sort((a, b) => periodCollator.compare(a.period, b.period));
    indicators.set(definition.id, Object.freeze({ ...definition, periods }));
  }

  const search = buildAreaSearch(register.areas, snapshot.postcodes);
  let diffs: readonly ClassificationDiff[] | undefined;

  return {
    areas: register.areas,
    indicators,
    classificationYears: register.classificationYears,

    area: (code) => register.areas.get(code),
    children: (code) => [...(register.children.get(code) ?? [])],
    ancestors: (code) => ancestorsOf(register, code),
    searchAreas: (query) => search(query),

    column: (indicatorId, period) => columns.get(columnKey(indicatorId, period)),
    cell(indicatorId, period, code): Cell {
      const column = columns.get(columnKey(indicatorId, period));
      const i = column?.indexOf.get(code);
      if (column === undefined || i === undefined) return NOT_IN_DATASET;
      const reasonCode = column.missing[i]!;
      if (reasonCode === 0) {
        const value = column.values[i]!;
        // A present flag with a NaN value breaks the snapshot's invariant; report it as missing, never as a number.
        return Number.isNaN(value) ? { value: null, missing: 'empty' } : { value };
      }
      return { value: null, missing: REASON_BY_CODE[reasonCode] ?? 'empty' };
    },
    latestPeriod(indicatorId) {
      const periods = indicators.get(indicatorId)?.periods;
      return periods?.[periods.length - 1]?.period;
    },

    classificationDiffs() {
      diffs ??= computeDiffs(register);
      return diffs.map((diff) => ({ ...diff, onlyInFrom: [...diff.onlyInFrom], onlyInTo: [...diff.onlyInTo] }));
    },
  };
}

function ancestorsOf(register: AreaRegister, code: string): Area[] {
  const result: Area[] = [];
  let parentCode = register.areas.get(code)?.parentCode ?? null;
  // The hierarchy has at most five levels above a buurt; the bound guards against a cycle in bad input.
  while (parentCode !== null && result.length < 8) {
    const parent = register.areas.get(parentCode);
    if (parent === undefined) break;
    result.push(parent);
    parentCode = parent.parentCode;
  }
  return result;
}

/** Per level, each pair of consecutive classification years that both have that level: codes in one only. */
function computeDiffs(register: AreaRegister): ClassificationDiff[] {
  const diffs: ClassificationDiff[] = [];
  for (const level of DIFF_LEVELS) {
    const byYear = register.codesByLevelYear.get(level);
    if (byYear === undefined) continue;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    for (let y = 1; y < years.length; y++) {
      const fromYear = years[y - 1]!;
      const toYear = years[y]!;
      const from = byYear.get(fromYear)!;
      const to = byYear.get(toYear)!;
      diffs.push({
        fromYear,
        toYear,
        level,
        onlyInFrom: [...from].filter((code) => !to.has(code)).sort(),
        onlyInTo: [...to].filter((code) => !from.has(code)).sort(),
      });
    }
  }
  return diffs;
}
