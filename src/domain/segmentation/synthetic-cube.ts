// A small in-memory DataCube built from plain objects, for the segmentation tests (and benchmarks): the model
// arithmetic is checked on hand-made areas whose expected numbers can be computed by hand in the test.
// Levels, parents and indicators follow from codes and columns; the cube itself is ../testing/in-memory-cube.ts.
import type { DataCube } from '../cube.ts';
import { levelOfCode, parentFromCode } from '../../shared/codes.ts';
import type { Area, Indicator, MissingReason, Unit } from '../../shared/types.ts';
import { inMemoryCube } from '../testing/in-memory-cube.ts';

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
  const areas = areaList.map((a): Area => {
    const level = levelOfCode(a.code);
    if (level === null) throw new Error(`not a CBS code: ${a.code}`);
    return {
      code: a.code,
      level,
      name: a.name ?? a.code,
      parentCode: a.parentCode ?? parentFromCode(a.code),
      years: [2020],
      provinceCode: a.provinceCode ?? null,
      ggdRegionCode: a.ggdRegionCode ?? null,
      urbanity: a.urbanity ?? null,
    };
  });
  const indicators = new Map<string, Indicator>();
  for (const c of columnList) {
    const period = {
      period: c.period,
      referenceNl: c.period,
      provenance: { datasetId: 'synthetic', publisher: 'test', tableId: 'test', sourceColumn: c.indicatorId, classificationYear: Number(c.period) },
    };
    const existing = indicators.get(c.indicatorId);
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
  const columns = columnList.map((c) => ({ indicatorId: c.indicatorId, period: c.period, datasetId: 'synthetic', values: c.values }));
  return inMemoryCube({ areas, indicators: [...indicators.values()], columns, classificationYears: [2020] });
}
