// A small hand-written Snapshot (invented numbers, never copied from the open-data mirror) for tests that go
// through the real buildCube, such as the CLI's query commands, without needing the import.
import type { DatasetRecord, IndicatorDefinition, Snapshot } from '../../shared/snapshot.ts';
import { FIXTURE_INDICATORS } from './fixture-cube.ts';

const definitions: IndicatorDefinition[] = FIXTURE_INDICATORS.map(({ periods: _periods, ...definition }) => definition);

const kwb: DatasetRecord = {
  info: {
    id: 'fixture-2022',
    titleNl: 'Fixture kerncijfers 2022',
    publisher: 'Fixture',
    tableId: 'T2022',
    licence: 'CC BY 4.0',
    classificationYear: 2022,
    source: ['fixture.csv'],
    contentHash: 'fixture',
  },
  priority: 1,
  areas: [
    { code: 'NL00', level: 'land', name: 'Nederland', parentCode: null },
    { code: 'GM0363', level: 'gemeente', name: 'Amsterdam', parentCode: null },
    { code: 'WK036300', level: 'wijk', name: 'Centrum, "Oude" Stad', parentCode: 'GM0363' },
  ],
  series: [
    {
      indicatorId: 'inwoners',
      period: '2022',
      sourceColumn: 'a_inw',
      referenceNl: '1 januari 2022',
      values: new Float64Array([1100, 310, NaN]),
      missing: new Uint8Array([0, 0, 3]),
    },
  ],
};

export function fixtureSnapshot(): Snapshot {
  return { datasets: [kwb], referenceTables: [], indicators: definitions, areaAttributes: [], geometries: [], postcodes: [] };
}
