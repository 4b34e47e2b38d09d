import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegister } from './register.ts';
import type { AreaAttributes, AreaRecord, DatasetRecord, SeriesRecord, Snapshot } from '../shared/snapshot.ts';
import type { Level } from '../shared/types.ts';

// Small synthetic snapshots, written out per test. Codes and names follow real CBS ones (the 2021 merger of
// Appingedam, Delfzijl and Loppersum into Eemsdelta) so the cases read like the data they stand for.

function area(code: string, level: Level, name: string, parentCode: string | null = null): AreaRecord {
  return { code, level, name, parentCode };
}

function dataset(
  id: string,
  classificationYear: number,
  priority: number,
  areas: AreaRecord[],
  series: SeriesRecord[] = [],
): DatasetRecord {
  return {
    info: {
      id,
      titleNl: id,
      publisher: 'CBS',
      tableId: 'TEST',
      licence: 'CC BY 4.0',
      classificationYear,
      source: [],
      contentHash: id,
    },
    priority,
    areas,
    series,
  };
}

function attributes(
  code: string,
  year: number,
  facts: Partial<Omit<AreaAttributes, 'code' | 'year'>>,
): AreaAttributes {
  return {
    code,
    year,
    provinceCode: null,
    provinceName: null,
    ggdRegionName: null,
    urbanity: null,
    datasetId: 'regio',
    ...facts,
  };
}

function snapshot(datasets: DatasetRecord[], areaAttributes: AreaAttributes[] = []): Snapshot {
  return { datasets, referenceTables: [], indicators: [], areaAttributes, geometries: [], postcodes: [] };
}

test('buildRegister lists the classification years in which a code occurs, ascending', () => {
  const register = buildRegister(
    snapshot([
      dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM1979', 'gemeente', 'Eemsdelta')]),
      dataset('rivm-2020', 2020, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM0003', 'gemeente', 'Appingedam')]),
      dataset('kwb-2021', 2021, 10, [area('GM0014', 'gemeente', 'Groningen'), area('GM1979', 'gemeente', 'Eemsdelta')]),
    ]),
  );

  assert.deepEqual(register.areas.get('GM0014')?.years, [2020, 2021, 2022]);
  assert.deepEqual(register.areas.get('GM1979')?.years, [2021, 2022]);
  assert.deepEqual(register.classificationYears, [2020, 2021, 2022]);
});

test('buildRegister keeps a merged gemeente with its years and hangs it under its last known provincie', () => {
  const register = buildRegister(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam'), area('GM0014', 'gemeente', 'Groningen')]),
        dataset('kwb-2022', 2022, 10, [area('GM1979', 'gemeente', 'Eemsdelta'), area('GM0014', 'gemeente', 'Groningen')]),
      ],
      [
        attributes('GM0003', 2020, { provinceCode: 'PV20', provinceName: 'Groningen' }),
        attributes('GM1979', 2022, { provinceCode: 'PV20', provinceName: 'Groningen' }),
      ],
    ),
  );

  const appingedam = register.areas.get('GM0003');
  assert.equal(appingedam?.name, 'Appingedam');
  assert.deepEqual(appingedam?.years, [2020]);
  assert.equal(appingedam?.parentCode, 'PV20');
  assert.equal(appingedam?.provinceCode, 'PV20');
});

test('buildRegister hangs a gemeente without any provincie directly under NL00', () => {
  const register = buildRegister(snapshot([dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam')])]));

  assert.equal(register.areas.get('GM0003')?.parentCode, 'NL00');
  assert.equal(register.areas.get('GM0003')?.provinceCode, null);
  assert.deepEqual(register.children.get('NL00') ?? [], [], 'NL00 has only provincies as children');
});

test('buildRegister prefers the name of the higher-priority dataset over a newer maatwerk spelling', () => {
  const register = buildRegister(
    snapshot([
      dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')]),
      dataset('maatwerk-inkomen-2023', 2023, 5, [area('GM0014', 'gemeente', 'Groningen (gemeente)')]),
    ]),
  );

  assert.equal(register.areas.get('GM0014')?.name, 'Groningen');
  assert.deepEqual(register.areas.get('GM0014')?.years, [2022, 2023]);
});

test('buildRegister takes name and parent of the most recent year among datasets of equal priority', () => {
  const register = buildRegister(
    snapshot([
      dataset('kwb-2022', 2022, 10, [area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363')]),
      dataset('rivm-2020', 2020, 10, [area('WK036300', 'wijk', 'Centrum', 'GM0363')]),
    ]),
  );

  assert.equal(register.areas.get('WK036300')?.name, 'Burgwallen-Oude Zijde');
  assert.equal(register.areas.get('WK036300')?.parentCode, 'GM0363');
});

test('buildRegister derives the parent of a wijk or buurt from its code when the record has none', () => {
  const register = buildRegister(
    snapshot([dataset('rivm-2020', 2020, 10, [area('BU03630000', 'buurt', 'Kop Zeedijk'), area('WK036300', 'wijk', 'Burgwallen-Oude Zijde')])]),
  );

  assert.equal(register.areas.get('BU03630000')?.parentCode, 'WK036300');
  assert.equal(register.areas.get('WK036300')?.parentCode, 'GM0363');
});

test('buildRegister creates provincies from the attributes with the most recent name, under NL00', () => {
  const register = buildRegister(
    snapshot(
      [dataset('kwb-2022', 2022, 10, [area('GM0080', 'gemeente', 'Leeuwarden'), area('GM0014', 'gemeente', 'Groningen')])],
      [
        attributes('GM0080', 2021, { provinceCode: 'PV21', provinceName: 'Friesland' }),
        attributes('GM0080', 2022, { provinceCode: 'PV21', provinceName: 'Fryslân' }),
        attributes('GM0014', 2022, { provinceCode: 'PV20', provinceName: 'Groningen' }),
      ],
    ),
  );

  const fryslan = register.areas.get('PV21');
  assert.equal(fryslan?.level, 'provincie');
  assert.equal(fryslan?.name, 'Fryslân');
  assert.equal(fryslan?.parentCode, 'NL00');
  assert.deepEqual(fryslan?.years, [2021, 2022]);
  assert.equal(register.areas.get('GM0080')?.parentCode, 'PV21');
  assert.deepEqual(
    register.children.get('NL00')?.map((a) => a.code),
    ['PV21', 'PV20'],
    'Fryslân sorts before Groningen',
  );
  assert.deepEqual(register.children.get('PV21')?.map((a) => a.code), ['GM0080']);
});

test('buildRegister always has NL00 Nederland, also when no dataset lists the country', () => {
  const register = buildRegister(snapshot([dataset('kwb-2022', 2022, 10, [area('GM0014', 'gemeente', 'Groningen')])]));

  const nl = register.areas.get('NL00');
  assert.equal(nl?.name, 'Nederland');
  assert.equal(nl?.level, 'land');
  assert.equal(nl?.parentCode, null);
});

test('buildRegister creates GGD-regio\'s whose children are the gemeenten of the latest GGD classification', () => {
  const register = buildRegister(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam')]),
        dataset('kwb-2022', 2022, 10, [
          area('GM1979', 'gemeente', 'Eemsdelta'),
          area('GM0014', 'gemeente', 'Groningen'),
          area('GM0080', 'gemeente', 'Leeuwarden'),
        ]),
      ],
      [
        attributes('GM0003', 2020, { ggdRegionName: 'GGD Groningen' }),
        attributes('GM1979', 2022, { ggdRegionName: 'GGD Groningen' }),
        attributes('GM0014', 2022, { ggdRegionName: 'GGD Groningen' }),
        attributes('GM0080', 2022, { ggdRegionName: 'GGD Fryslân' }),
      ],
    ),
  );

  const groningen = register.areas.get('ggd-groningen');
  assert.equal(groningen?.level, 'ggdregio');
  assert.equal(groningen?.name, 'GGD Groningen');
  assert.equal(groningen?.parentCode, 'NL00');
  assert.deepEqual(register.children.get('ggd-groningen')?.map((a) => a.code), ['GM1979', 'GM0014']);
  assert.equal(register.areas.get('ggd-fryslan')?.name, 'GGD Fryslân');
  assert.equal(register.areas.get('GM0003')?.ggdRegionCode, 'ggd-groningen', 'a merged gemeente keeps its GGD-regio');
});

test('buildRegister sorts children by Dutch collation, diacritics beside their letter', () => {
  const register = buildRegister(
    snapshot(
      [
        dataset('kwb-2022', 2022, 10, [
          area('GM1900', 'gemeente', 'Súdwest-Fryslân'),
          area('GM0093', 'gemeente', 'Terschelling'),
          area('GM0090', 'gemeente', 'Smallingerland'),
        ]),
      ],
      [
        attributes('GM1900', 2022, { provinceCode: 'PV21', provinceName: 'Fryslân' }),
        attributes('GM0093', 2022, { provinceCode: 'PV21', provinceName: 'Fryslân' }),
        attributes('GM0090', 2022, { provinceCode: 'PV21', provinceName: 'Fryslân' }),
      ],
    ),
  );

  assert.deepEqual(
    register.children.get('PV21')?.map((a) => a.name),
    ['Smallingerland', 'Súdwest-Fryslân', 'Terschelling'],
  );
});

test('buildRegister gives wijken and buurten the provincie and GGD-regio of their gemeente', () => {
  const register = buildRegister(
    snapshot(
      [
        dataset('rivm-2020', 2020, 10, [
          area('GM0363', 'gemeente', 'Amsterdam'),
          area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
          area('BU03630000', 'buurt', 'Kop Zeedijk', 'WK036300'),
        ]),
      ],
      [attributes('GM0363', 2022, { provinceCode: 'PV27', provinceName: 'Noord-Holland', ggdRegionName: 'GGD Amsterdam' })],
    ),
  );

  for (const code of ['WK036300', 'BU03630000']) {
    assert.equal(register.areas.get(code)?.provinceCode, 'PV27', code);
    assert.equal(register.areas.get(code)?.ggdRegionCode, 'ggd-amsterdam', code);
  }
});

test('buildRegister takes urbanity of gemeenten from attributes and of wijken only from their own series', () => {
  const kwb = dataset(
    'kwb-2022',
    2022,
    10,
    [
      area('GM0363', 'gemeente', 'Amsterdam'),
      area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
      area('WK036399', 'wijk', 'Nieuw-West buitengebied', 'GM0363'),
    ],
    [
      {
        indicatorId: 'stedelijkheid',
        period: '2022',
        sourceColumn: 'ste_mvs',
        referenceNl: '2022',
        values: new Float64Array([1, 1, Number.NaN]),
        missing: new Uint8Array([0, 0, 1]),
      },
    ],
  );
  const register = buildRegister(snapshot([kwb], [attributes('GM0363', 2022, { urbanity: 1 })]));

  assert.equal(register.areas.get('GM0363')?.urbanity, 1);
  assert.equal(register.areas.get('WK036300')?.urbanity, 1);
  assert.equal(register.areas.get('WK036399')?.urbanity, null, 'a missing class stays missing, not the gemeente\'s');
});

test('buildRegister prefers a newer urbanity series over older attributes for a gemeente', () => {
  const kwb2024 = dataset(
    'kwb-2024',
    2024,
    10,
    [area('GM0014', 'gemeente', 'Groningen')],
    [
      {
        indicatorId: 'stedelijkheid',
        period: '2024',
        sourceColumn: 'ste_mvs',
        referenceNl: '2024',
        values: new Float64Array([2]),
        missing: new Uint8Array([0]),
      },
    ],
  );
  const register = buildRegister(snapshot([kwb2024], [attributes('GM0014', 2022, { urbanity: 1 })]));

  assert.equal(register.areas.get('GM0014')?.urbanity, 2);
});

test('buildRegister records the codes per level and year for classification diffs', () => {
  const register = buildRegister(
    snapshot([
      dataset('rivm-2020', 2020, 10, [area('GM0003', 'gemeente', 'Appingedam'), area('WK000300', 'wijk', 'Appingedam', 'GM0003')]),
    ]),
  );

  assert.deepEqual([...(register.codesByLevelYear.get('gemeente')?.get(2020) ?? [])], ['GM0003']);
  assert.deepEqual([...(register.codesByLevelYear.get('wijk')?.get(2020) ?? [])], ['WK000300']);
});
