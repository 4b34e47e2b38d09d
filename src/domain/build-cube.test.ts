import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCube } from './build-cube.ts';
import type { AreaRecord, DatasetRecord, IndicatorDefinition, SeriesRecord, Snapshot } from '../shared/snapshot.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';
import type { Level } from '../shared/types.ts';

// Synthetic snapshots written out per test; codes follow the real 2021 merger of Appingedam (GM0003),
// Delfzijl (GM0010) and Loppersum (GM0024) into Eemsdelta (GM1979).

function area(code: string, level: Level, name: string, parentCode: string | null = null): AreaRecord {
  return { code, level, name, parentCode };
}

function series(indicatorId: string, period: string, sourceColumn: string, values: number[], missing?: number[]): SeriesRecord {
  return {
    indicatorId,
    period,
    sourceColumn,
    referenceNl: `1 januari ${period}`,
    values: new Float64Array(values),
    missing: new Uint8Array(missing ?? values.map((v) => (Number.isNaN(v) ? MISSING_REASON_CODES.empty : 0))),
  };
}

function dataset(
  id: string,
  classificationYear: number,
  priority: number,
  areas: AreaRecord[],
  seriesRecords: SeriesRecord[] = [],
  tableId = '85318NED',
): DatasetRecord {
  return {
    info: {
      id,
      titleNl: id,
      publisher: 'CBS',
      tableId,
      licence: 'CC BY 4.0',
      classificationYear,
      source: [],
      contentHash: id,
    },
    priority,
    areas,
    series: seriesRecords,
  };
}

function definition(id: string): IndicatorDefinition {
  return {
    id,
    labelNl: id,
    labelEn: id,
    unit: 'count',
    definitionNl: id,
    definitionEn: id,
    theme: 'bevolking',
    ageGroup: null,
    polarity: 'no-judgement',
    shareOfNl: null,
    shareOfEn: null,
    isEstimate: false,
    decimals: 0,
  };
}

function snapshot(datasets: DatasetRecord[], indicators: IndicatorDefinition[]): Snapshot {
  return { datasets, referenceTables: [], indicators, areaAttributes: [], geometries: [], postcodes: [] };
}

test('cell returns the value of an area that is present in the column', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM1979', 'gemeente', 'Eemsdelta')], [
          series('inwoners', '2022', 'a_inw', [234_649, 45_050]),
        ]),
      ],
      [definition('inwoners')],
    ),
  );

  assert.deepEqual(cube.cell('inwoners', '2022', 'GM1979'), { value: 45_050 });
});

test('cell explains a missing value with the reason its code carries, never as 0', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset(
          'kwb-2022',
          2022,
          10,
          [area('GM0014', 'gemeente', 'Groningen'), area('GM0088', 'gemeente', 'Schiermonnikoog'), area('GM0093', 'gemeente', 'Terschelling')],
          [
            series('inkomen', '2022', 'g_ink_pi', [Number.NaN, Number.NaN, Number.NaN], [
              MISSING_REASON_CODES.empty,
              MISSING_REASON_CODES.secret,
              MISSING_REASON_CODES.unknown,
            ]),
          ],
        ),
      ],
      [definition('inkomen')],
    ),
  );

  assert.deepEqual(cube.cell('inkomen', '2022', 'GM0014'), { value: null, missing: 'empty' });
  assert.deepEqual(cube.cell('inkomen', '2022', 'GM0088'), { value: null, missing: 'secret' });
  assert.deepEqual(cube.cell('inkomen', '2022', 'GM0093'), { value: null, missing: 'unknown' });
});

test('cell says not-in-dataset for an area that the dataset of that period does not have', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam')], [series('inwoners', '2020', 'a_inw', [11_801])]),
        dataset('kwb-2022', 2022, 10, [area('GM1979', 'gemeente', 'Eemsdelta')], [series('inwoners', '2022', 'a_inw', [45_050])]),
      ],
      [definition('inwoners')],
    ),
  );

  assert.deepEqual(cube.cell('inwoners', '2022', 'GM0003'), { value: null, missing: 'not-in-dataset' });
  assert.deepEqual(cube.cell('inwoners', '2020', 'GM1979'), { value: null, missing: 'not-in-dataset' });
  assert.deepEqual(cube.cell('inwoners', '2020', 'GM0003'), { value: 11_801 });
});

test('column shares the snapshot\'s typed arrays and knows the index of every code', () => {
  const inwoners = series('inwoners', '2022', 'a_inw', [234_649, 45_050]);
  const cube = buildCube(
    snapshot(
      [dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM1979', 'gemeente', 'Eemsdelta')], [inwoners])],
      [definition('inwoners')],
    ),
  );

  const column = cube.column('inwoners', '2022');
  assert.ok(column);
  assert.equal(column.values, inwoners.values, 'the same Float64Array, not a copy');
  assert.equal(column.missing, inwoners.missing);
  assert.deepEqual(column.codes, ['GM0014', 'GM1979']);
  assert.equal(column.indexOf.get('GM1979'), 1);
  assert.equal(column.datasetId, 'kwb-2022');
  assert.equal(cube.column('inwoners', '2019'), undefined);
});

test('column takes the higher-priority dataset when two hold the same indicator and period', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('maatwerk', 2023, 5, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2022', 'inwoners', [1])], 'maatwerk'),
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2022', 'a_inw', [234_649])]),
      ],
      [definition('inwoners')],
    ),
  );

  assert.equal(cube.column('inwoners', '2022')?.datasetId, 'kwb-2022');
  assert.deepEqual(cube.cell('inwoners', '2022', 'GM0014'), { value: 234_649 });
  assert.equal(cube.indicators.get('inwoners')?.periods.length, 1);
  assert.equal(cube.indicators.get('inwoners')?.periods[0]?.provenance.sourceColumn, 'a_inw');
});

test('indicators join the catalog with its periods, ascending, each with its provenance', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2022', 'a_inw', [234_649])], '85318NED'),
        dataset('kwb-2021', 2021, 10, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2021', 'a_inw', [233_218])], '85039NED'),
      ],
      [definition('inwoners')],
    ),
  );

  const inwoners = cube.indicators.get('inwoners');
  assert.deepEqual(
    inwoners?.periods.map((p) => [p.period, p.referenceNl, p.provenance.tableId, p.provenance.classificationYear]),
    [
      ['2021', '1 januari 2021', '85039NED', 2021],
      ['2022', '1 januari 2022', '85318NED', 2022],
    ],
  );
  assert.equal(inwoners?.labelNl, 'inwoners');
  assert.equal(inwoners?.periods[1]?.provenance.datasetId, 'kwb-2022');
  assert.equal(inwoners?.periods[1]?.provenance.publisher, 'CBS');
});

test('indicators leave out catalog entries without data and series without a catalog entry', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')], [
          series('inwoners', '2022', 'a_inw', [234_649]),
          series('onbekend', '2022', 'x_onb', [7]),
        ]),
      ],
      [definition('inwoners'), definition('zonder_data')],
    ),
  );

  assert.deepEqual([...cube.indicators.keys()], ['inwoners']);
  assert.equal(cube.column('onbekend', '2022'), undefined);
});

test('latestPeriod gives the most recent period of an indicator, undefined for an unknown one', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2022', 'a_inw', [234_649])]),
        dataset('kwb-2021', 2021, 10, [area('GM0014', 'gemeente', 'Groningen')], [series('inwoners', '2021', 'a_inw', [233_218])]),
      ],
      [definition('inwoners')],
    ),
  );

  assert.equal(cube.latestPeriod('inwoners'), '2022');
  assert.equal(cube.latestPeriod('bestaat_niet'), undefined);
});

test('classificationDiffs reports gemeenten and wijken that occur in only one of two consecutive years', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [
          area('GM0003', 'gemeente', 'Appingedam'),
          area('GM0010', 'gemeente', 'Delfzijl'),
          area('GM0014', 'gemeente', 'Groningen'),
          area('GM0024', 'gemeente', 'Loppersum'),
          area('WK000300', 'wijk', 'Appingedam', 'GM0003'),
        ]),
        dataset('kwb-2021', 2021, 10, [
          area('GM0014', 'gemeente', 'Groningen'),
          area('GM1979', 'gemeente', 'Eemsdelta'),
          area('WK197900', 'wijk', 'Appingedam', 'GM1979'),
        ]),
        dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM1979', 'gemeente', 'Eemsdelta')]),
      ],
      [],
    ),
  );

  const diffs = cube.classificationDiffs();
  const gemeenten2020 = diffs.find((d) => d.level === 'gemeente' && d.fromYear === 2020);
  assert.deepEqual(gemeenten2020, {
    fromYear: 2020,
    toYear: 2021,
    level: 'gemeente',
    onlyInFrom: ['GM0003', 'GM0010', 'GM0024'],
    onlyInTo: ['GM1979'],
  });
  const gemeenten2021 = diffs.find((d) => d.level === 'gemeente' && d.fromYear === 2021);
  assert.deepEqual(gemeenten2021, { fromYear: 2021, toYear: 2022, level: 'gemeente', onlyInFrom: [], onlyInTo: [] });
  const wijken = diffs.filter((d) => d.level === 'wijk');
  assert.deepEqual(wijken, [{ fromYear: 2020, toYear: 2021, level: 'wijk', onlyInFrom: ['WK000300'], onlyInTo: ['WK197900'] }]);
});

test('classificationDiffs gives the same answer on every call, unaffected by a caller that changes it', () => {
  const cube = buildCube(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam')]),
        dataset('kwb-2021', 2021, 10, [area('GM1979', 'gemeente', 'Eemsdelta')]),
      ],
      [],
    ),
  );

  cube.classificationDiffs()[0]!.onlyInFrom.push('GM9999');
  assert.deepEqual(cube.classificationDiffs()[0]!.onlyInFrom, ['GM0003']);
});

test('children and ancestors follow the register from buurt up to NL00', () => {
  const cube = buildCube({
    datasets: [
      dataset('rivm-2020', 2020, 10, [
        area('NL00', 'land', 'Nederland'),
        area('GM0363', 'gemeente', 'Amsterdam', 'NL00'),
        area('WK036301', 'wijk', 'Haarlemmerbuurt', 'GM0363'),
        area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
        area('BU03630000', 'buurt', 'Kop Zeedijk', 'WK036300'),
      ]),
    ],
    referenceTables: [],
    indicators: [],
    areaAttributes: [
      {
        code: 'GM0363',
        year: 2022,
        provinceCode: 'PV27',
        provinceName: 'Noord-Holland',
        ggdRegionName: 'GGD Amsterdam',
        urbanity: 1,
        datasetId: 'regio',
      },
    ],
    geometries: [],
    postcodes: [],
  });

  assert.deepEqual(
    cube.ancestors('BU03630000').map((a) => a.code),
    ['WK036300', 'GM0363', 'PV27', 'NL00'],
  );
  assert.deepEqual(
    cube.children('GM0363').map((a) => a.name),
    ['Burgwallen-Oude Zijde', 'Haarlemmerbuurt'],
  );
  assert.deepEqual(cube.children('ggd-amsterdam').map((a) => a.code), ['GM0363']);
  assert.deepEqual(cube.children('BU03630000'), []);
  assert.equal(cube.area('PV27')?.name, 'Noord-Holland');
  assert.equal(cube.area('GM9999'), undefined);
  assert.deepEqual(cube.classificationYears, [2020]);
});
