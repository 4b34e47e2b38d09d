// A small hand-built DataCube for server and CLI tests that must not depend on the import: invented areas and
// invented numbers (never copied from the open-data mirror). Tests on real figures use the real import instead.
// The wijk "Centrum, \"Oude\" Stad" has a comma and quotes in its name so that CSV quoting is exercised.
import type { Area, Indicator, IndicatorPeriod, Level } from '../../shared/types.ts';
import type { DataCube } from '../../domain/cube.ts';
import { inMemoryCube } from '../../domain/testing/in-memory-cube.ts';
import type { InMemoryColumn } from '../../domain/testing/in-memory-cube.ts';

function area(code: string, level: Level, name: string, parentCode: string | null, years: number[], extra: Partial<Area> = {}): Area {
  return { code, level, name, parentCode, years, provinceCode: null, ggdRegionCode: null, urbanity: null, ...extra };
}

export const FIXTURE_AREAS: readonly Area[] = [
  area('NL00', 'land', 'Nederland', null, [2020, 2022]),
  area('PV27', 'provincie', 'Noord-Holland', 'NL00', [2020, 2022]),
  area('PV28', 'provincie', 'Zuid-Holland', 'NL00', [2020, 2022]),
  area('GM0363', 'gemeente', 'Amsterdam', 'PV27', [2020, 2022], { provinceCode: 'PV27', ggdRegionCode: 'ggd-amsterdam', urbanity: 1 }),
  area('GM0599', 'gemeente', 'Rotterdam', 'PV28', [2020, 2022], { provinceCode: 'PV28', ggdRegionCode: 'ggd-rotterdam-rijnmond', urbanity: 1 }),
  area('GM0003', 'gemeente', 'Appingedam', 'NL00', [2020]),
  area('WK036300', 'wijk', 'Centrum, "Oude" Stad', 'GM0363', [2020, 2022], { provinceCode: 'PV27', ggdRegionCode: 'ggd-amsterdam' }),
  area('WK036301', 'wijk', 'Westpoort', 'GM0363', [2022], { provinceCode: 'PV27', ggdRegionCode: 'ggd-amsterdam' }),
  area('WK059900', 'wijk', 'Stadsdriehoek', 'GM0599', [2020, 2022], { provinceCode: 'PV28', ggdRegionCode: 'ggd-rotterdam-rijnmond' }),
];

function period(p: string, datasetId: string, tableId: string, sourceColumn: string, year: number): IndicatorPeriod {
  return {
    period: p,
    referenceNl: `1 januari ${p}`,
    provenance: { datasetId, tableId, sourceColumn, publisher: 'Fixture', classificationYear: year },
  };
}

export const FIXTURE_INDICATORS: readonly Indicator[] = [
  {
    id: 'inwoners',
    labelNl: 'Inwoners',
    labelEn: 'Inhabitants',
    unit: 'count',
    definitionNl: 'Aantal inwoners',
    definitionEn: 'Number of inhabitants',
    theme: 'bevolking',
    ageGroup: null,
    polarity: 'no-judgement',
    shareOfNl: null,
    shareOfEn: null,
    isEstimate: false,
    decimals: 0,
    periods: [period('2021', 'fixture-2021', 'T2021', 'a_inw', 2020), period('2022', 'fixture-2022', 'T2022', 'a_inw', 2022)],
  },
  {
    id: 'overgewicht_18plus',
    labelNl: 'Overgewicht (18+)',
    labelEn: 'Overweight (18+)',
    unit: 'percent',
    definitionNl: 'Percentage met overgewicht',
    definitionEn: 'Percentage overweight',
    theme: 'leefstijl',
    ageGroup: '18+',
    polarity: 'higher-is-worse',
    shareOfNl: 'inwoners van 18 jaar en ouder',
    shareOfEn: 'residents aged 18 and over',
    isEstimate: true,
    decimals: 1,
    periods: [period('2020', 'fixture-rivm-2020', 'R2020', 'Overgewicht_9', 2020)],
  },
];

/** The invented values per indicator × period (dataset); 'secret' and 'empty' are missing-value reasons. */
const FIXTURE_COLUMNS: InMemoryColumn[] = [
  { indicatorId: 'inwoners', period: '2021', datasetId: 'fixture-2021', values: { NL00: 1000, GM0363: 300, GM0599: 200, GM0003: 10, WK036300: 120, WK059900: 'secret' } },
  { indicatorId: 'inwoners', period: '2022', datasetId: 'fixture-2022', values: { NL00: 1100, GM0363: 310, GM0599: 205, WK036300: 125, WK036301: 185, WK059900: 90 } },
  { indicatorId: 'overgewicht_18plus', period: '2020', datasetId: 'fixture-rivm-2020', values: { NL00: 50.5, GM0363: 40.25, GM0599: 'empty', GM0003: 55.5, WK036300: 38.5 } },
];

/** A DataCube over FIXTURE_AREAS, FIXTURE_INDICATORS and the invented values above. */
export function fixtureCube(): DataCube {
  return inMemoryCube({
    areas: FIXTURE_AREAS,
    indicators: FIXTURE_INDICATORS,
    columns: FIXTURE_COLUMNS,
    classificationDiffs: [{ fromYear: 2020, toYear: 2022, level: 'gemeente', onlyInFrom: ['GM0003'], onlyInTo: [] }],
  });
}
