// Test fixture: small synthetic registers and columns for the profile tests (DAMP), with defaults for whatever a
// test does not care about, on the hand-written cube of ../testing/in-memory-cube.ts. Not used outside tests.
import type { Area, Indicator, Level, MissingReason, Polarity, Theme, Unit, AgeGroup } from '../../shared/types.ts';
import type { DataCube } from '../cube.ts';
import { inMemoryCube } from '../testing/in-memory-cube.ts';

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
  const areas = spec.areas.map((a): Area => ({
    code: a.code,
    level: a.level,
    name: a.name ?? a.code,
    parentCode: a.parentCode ?? null,
    years: a.years ?? [2020],
    provinceCode: a.provinceCode ?? null,
    ggdRegionCode: a.ggdRegionCode ?? null,
    urbanity: a.urbanity ?? null,
  }));
  const columns = [...spec.columns].sort((a, b) => a.period.localeCompare(b.period));
  for (const c of columns) {
    if (!spec.indicators.some((def) => def.id === c.indicatorId)) throw new Error(`fakeCube: column for unknown indicator ${c.indicatorId}`);
  }
  const indicators = spec.indicators.map((def): Indicator => ({
    id: def.id,
    labelNl: def.labelNl ?? def.id,
    labelEn: def.labelEn ?? def.id,
    unit: def.unit ?? 'percent',
    definitionNl: `Definitie van ${def.id}`,
    definitionEn: `Definition of ${def.id}`,
    theme: def.theme ?? 'gezondheid',
    ageGroup: def.ageGroup ?? null,
    polarity: def.polarity ?? 'no-judgement',
    shareOfNl: null,
    shareOfEn: null,
    isEstimate: def.isEstimate ?? false,
    decimals: def.decimals ?? 1,
    periods: columns.filter((c) => c.indicatorId === def.id).map((c) => ({
      period: c.period,
      referenceNl: c.period,
      provenance: { datasetId: c.datasetId, publisher: 'test', tableId: `table-${c.datasetId}`, sourceColumn: `col_${c.indicatorId}`, classificationYear: c.classificationYear },
    })),
  }));
  return inMemoryCube({ areas, indicators, columns });
}
