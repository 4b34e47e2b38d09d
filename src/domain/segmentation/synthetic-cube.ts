// A small in-memory DataCube built from plain objects, for the segmentation tests (and benchmarks): the model
// arithmetic is checked on hand-made areas whose expected numbers can be computed by hand in the test.
// It implements the DataCube interface of ../cube.ts only as far as segmentation reads it.
import type { AreaQuery, ClassificationDiff, Column, DataCube } from '../cube.ts';
import { levelOfCode, parentFromCode } from '../../shared/codes.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';
import type { Area, Cell, Indicator, MissingReason, Unit } from '../../shared/types.ts';

export interface SyntheticArea {
  code: string;
  name?: string;
  parentCode?: string | null;
  provinceCode?: string | null;
  ggdRegionCode?: string | null;
  urbanity?: number | null;
}

export interface SyntheticColumn {
  indicatorId: string;
  period: string;
  unit: Unit;
  /** Model estimates (RIVM) carry a margin in the estimates. */
  isEstimate?: boolean;
  /** code → value; null = missing ('empty'), or a reason. */
  values: Record<string, number | null | MissingReason>;
}

/** Builds a DataCube over the given areas and columns; areas' levels and wijk parents follow from their codes. */
export function syntheticCube(areaList: readonly SyntheticArea[], columnList: readonly SyntheticColumn[]): DataCube {
  const areas = new Map<string, Area>();
  for (const a of areaList) {
    const level = levelOfCode(a.code);
    if (level === null) throw new Error(`not a CBS code: ${a.code}`);
    areas.set(a.code, {
      code: a.code,
      level,
      name: a.name ?? a.code,
      parentCode: a.parentCode ?? parentFromCode(a.code),
      years: [2020],
      provinceCode: a.provinceCode ?? null,
      ggdRegionCode: a.ggdRegionCode ?? null,
      urbanity: a.urbanity ?? null,
    });
  }
  const columns = new Map<string, Column>();
  const indicators = new Map<string, Indicator>();
  for (const c of columnList) {
    const codes = Object.keys(c.values);
    const values = new Float64Array(codes.length);
    const missing = new Uint8Array(codes.length);
    codes.forEach((code, i) => {
      const v = c.values[code]!;
      if (typeof v === 'number') values[i] = v;
      else {
        values[i] = Number.NaN;
        missing[i] = MISSING_REASON_CODES[v === null ? 'empty' : v];
      }
    });
    columns.set(`${c.indicatorId}@${c.period}`, {
      indicatorId: c.indicatorId,
      period: c.period,
      datasetId: 'synthetic',
      codes,
      values,
      missing,
      indexOf: new Map(codes.map((code, i) => [code, i])),
    });
    const existing = indicators.get(c.indicatorId);
    const period = {
      period: c.period,
      referenceNl: c.period,
      provenance: { datasetId: 'synthetic', publisher: 'test', tableId: 'test', sourceColumn: c.indicatorId, classificationYear: Number(c.period) },
    };
    if (existing !== undefined) {
      existing.periods.push(period);
      existing.periods.sort((x, y) => x.period.localeCompare(y.period));
    } else {
      indicators.set(c.indicatorId, {
        id: c.indicatorId,
        labelNl: c.indicatorId,
        labelEn: c.indicatorId,
        unit: c.unit,
        definitionNl: '',
        definitionEn: '',
        theme: 'bevolking',
        ageGroup: null,
        polarity: 'no-judgement',
        shareOfNl: null,
        shareOfEn: null,
        isEstimate: c.isEstimate ?? false,
        decimals: 0,
        periods: [period],
      });
    }
  }
  const children = (code: string): Area[] => [...areas.values()].filter((a) => a.parentCode === code);
  return {
    areas,
    indicators,
    classificationYears: [2020],
    area: (code) => areas.get(code),
    children,
    ancestors: (code) => {
      const result: Area[] = [];
      let parent = areas.get(code)?.parentCode ?? null;
      while (parent !== null) {
        const area = areas.get(parent);
        if (area === undefined) break;
        result.push(area);
        parent = area.parentCode;
      }
      return result;
    },
    searchAreas: (query: AreaQuery) => [...areas.values()].filter((a) => query.level === undefined || a.level === query.level),
    column: (indicatorId, period) => columns.get(`${indicatorId}@${period}`),
    cell: (indicatorId, period, code): Cell => {
      const column = columns.get(`${indicatorId}@${period}`);
      const i = column?.indexOf.get(code);
      if (column === undefined || i === undefined) return { value: null, missing: 'not-in-dataset' };
      const v = column.values[i]!;
      return Number.isNaN(v) ? { value: null, missing: 'empty' } : { value: v };
    },
    latestPeriod: (indicatorId) => indicators.get(indicatorId)?.periods.at(-1)?.period,
    classificationDiffs: (): ClassificationDiff[] => [],
  };
}
