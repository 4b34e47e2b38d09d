// Test fixture: a minimal in-memory DataCube written by hand, so the profile tests can state small synthetic
// registers and columns (DAMP) without depending on the real cube builder. Not used outside tests.
import type { Area, Cell, Indicator, Level, MissingReason, Polarity, Theme, Unit, AgeGroup } from '../../shared/types.ts';
import { MISSING_REASON_CODES, MISSING_REASONS } from '../../shared/types.ts';
import type { Column, DataCube } from '../cube.ts';

export interface FakeArea {
  code: string;
  level: Level;
  name?: string;
  parentCode?: string | null;
  provinceCode?: string | null;
  ggdRegionCode?: string | null;
  urbanity?: number | null;
  years?: number[];
}

export interface FakeIndicator {
  id: string;
  labelNl?: string;
  labelEn?: string;
  unit?: Unit;
  theme?: Theme;
  ageGroup?: AgeGroup | null;
  polarity?: Polarity;
  isEstimate?: boolean;
  decimals?: number;
}

/** One indicator × period; a value per code: a number, null ('empty') or an explicit reason. */
export interface FakeColumn {
  indicatorId: string;
  period: string;
  datasetId: string;
  classificationYear: number;
  values: Record<string, number | null | MissingReason>;
}

export function fakeCube(spec: { areas: FakeArea[]; indicators: FakeIndicator[]; columns: FakeColumn[] }): DataCube {
  const areas = new Map<string, Area>();
  for (const a of spec.areas) {
    areas.set(a.code, {
      code: a.code,
      level: a.level,
      name: a.name ?? a.code,
      parentCode: a.parentCode ?? null,
      years: a.years ?? [2020],
      provinceCode: a.provinceCode ?? null,
      ggdRegionCode: a.ggdRegionCode ?? null,
      urbanity: a.urbanity ?? null,
    });
  }
  const columns = new Map<string, Column>();
  const indicators = new Map<string, Indicator>();
  for (const def of spec.indicators) {
    const ageGroup = def.ageGroup ?? null;
    indicators.set(def.id, {
      id: def.id,
      labelNl: def.labelNl ?? def.id,
      labelEn: def.labelEn ?? def.id,
      unit: def.unit ?? 'percent',
      definitionNl: `Definitie van ${def.id}`,
      definitionEn: `Definition of ${def.id}`,
      theme: def.theme ?? 'gezondheid',
      ageGroup,
      polarity: def.polarity ?? 'no-judgement',
      shareOfNl: null,
      shareOfEn: null,
      isEstimate: def.isEstimate ?? false,
      decimals: def.decimals ?? 1,
      periods: [],
    });
  }
  const sortedColumns = [...spec.columns].sort((a, b) => a.period.localeCompare(b.period));
  for (const c of sortedColumns) {
    const codes = Object.keys(c.values);
    const values = new Float64Array(codes.length);
    const missing = new Uint8Array(codes.length);
    codes.forEach((code, i) => {
      const v = c.values[code];
      if (typeof v === 'number') values[i] = v;
      else {
        values[i] = NaN;
        missing[i] = MISSING_REASON_CODES[v ?? 'empty'];
      }
    });
    columns.set(`${c.indicatorId}|${c.period}`, {
      indicatorId: c.indicatorId,
      period: c.period,
      datasetId: c.datasetId,
      codes,
      values,
      missing,
      indexOf: new Map(codes.map((code, i) => [code, i])),
    });
    const indicator = indicators.get(c.indicatorId);
    if (indicator === undefined) throw new Error(`fakeCube: column for unknown indicator ${c.indicatorId}`);
    indicator.periods.push({
      period: c.period,
      referenceNl: c.period,
      provenance: {
        datasetId: c.datasetId,
        publisher: 'test',
        tableId: `table-${c.datasetId}`,
        sourceColumn: `col_${c.indicatorId}`,
        classificationYear: c.classificationYear,
      },
    });
  }
  const collator = new Intl.Collator('nl');
  const cube: DataCube = {
    areas,
    indicators,
    classificationYears: [...new Set(spec.columns.map((c) => c.classificationYear))].sort((a, b) => a - b),
    area: (code) => areas.get(code),
    children: (code) =>
      [...areas.values()]
        .filter((a) => a.parentCode === code || (areas.get(code)?.level === 'ggdregio' && a.ggdRegionCode === code && a.level === 'gemeente'))
        .sort((a, b) => collator.compare(a.name, b.name)),
    ancestors: (code) => {
      const out: Area[] = [];
      let parent = areas.get(code)?.parentCode ?? null;
      while (parent !== null) {
        const a = areas.get(parent);
        if (a === undefined) break;
        out.push(a);
        parent = a.parentCode;
      }
      return out;
    },
    searchAreas: () => [],
    column: (indicatorId, period) => columns.get(`${indicatorId}|${period}`),
    cell: (indicatorId, period, code): Cell => {
      const col = columns.get(`${indicatorId}|${period}`);
      const i = col?.indexOf.get(code);
      if (col === undefined || i === undefined) return { value: null, missing: 'not-in-dataset' };
      const m = col.missing[i]!;
      return m === 0 ? { value: col.values[i]! } : { value: null, missing: MISSING_REASONS[m - 1]! };
    },
    latestPeriod: (indicatorId) => indicators.get(indicatorId)?.periods.at(-1)?.period,
    classificationDiffs: () => [],
  };
  return cube;
}
