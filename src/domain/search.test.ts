import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCube } from './build-cube.ts';
import { normaliseForSearch } from './search.ts';
import type { AreaAttributes, AreaRecord, DatasetRecord, PostcodeRecord, Snapshot } from '../shared/snapshot.ts';
import type { Level } from '../shared/types.ts';

// searchAreas through the cube, over small synthetic registers written out per test.

function area(code: string, level: Level, name: string, parentCode: string | null = null): AreaRecord {
  return { code, level, name, parentCode };
}

function dataset(areas: AreaRecord[]): DatasetRecord {
  return {
    info: {
      id: 'kwb-2022',
      titleNl: 'Kerncijfers wijken en buurten 2022',
      publisher: 'CBS',
      tableId: '85318NED',
      licence: 'CC BY 4.0',
      classificationYear: 2022,
      source: [],
      contentHash: 'x',
    },
    priority: 10,
    areas,
    series: [],
  };
}

function snapshot(areas: AreaRecord[], extra: { areaAttributes?: AreaAttributes[]; postcodes?: PostcodeRecord[] } = {}): Snapshot {
  return {
    datasets: [dataset(areas)],
    referenceTables: [],
    indicators: [],
    areaAttributes: extra.areaAttributes ?? [],
    geometries: [],
    postcodes: extra.postcodes ?? [],
  };
}

const codes = (areas: { code: string }[]): string[] => areas.map((a) => a.code);

test('searchAreas puts an exact code first, in any case', () => {
  const cube = buildCube(
    snapshot([
      area('GM0363', 'gemeente', 'Amsterdam'),
      area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
      area('WK036399', 'wijk', 'gm0363 centrum', 'GM0363'),
    ]),
  );

  assert.equal(cube.searchAreas({ q: 'gm0363' })[0]?.code, 'GM0363');
  assert.equal(cube.searchAreas({ q: 'wk036300' })[0]?.code, 'WK036300');
});

test('searchAreas ranks names that start with the query before names that contain it', () => {
  const cube = buildCube(
    snapshot([
      area('GM1730', 'gemeente', 'Tynaarlo'),
      area('WK173001', 'wijk', 'Nieuw-Amsterdam', 'GM1730'),
      area('GM0363', 'gemeente', 'Amsterdam'),
      area('WK036300', 'wijk', 'Amsterdamse Poort', 'GM0363'),
    ]),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: 'amsterdam' })), ['GM0363', 'WK036300', 'WK173001']);
});

test('searchAreas orders each group by level, then by name', () => {
  const cube = buildCube(
    snapshot([
      area('WK001401', 'wijk', 'Groningen Centrum', 'GM0014'),
      area('BU00140100', 'buurt', 'Groningen Binnenstad', 'WK001401'),
      area('GM0014', 'gemeente', 'Groningen'),
      area('WK001400', 'wijk', 'Groningen Binnenstad', 'GM0014'),
    ]),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: 'groningen' })), ['GM0014', 'WK001400', 'WK001401', 'BU00140100']);
});

test('searchAreas ignores diacritics and case: "fryslan" finds "Fryslân"', () => {
  const cube = buildCube(
    snapshot(
      [area('GM1900', 'gemeente', 'Súdwest-Fryslân'), area('GM0080', 'gemeente', 'Leeuwarden')],
      {
        areaAttributes: [
          {
            code: 'GM1900',
            year: 2022,
            provinceCode: 'PV21',
            provinceName: 'Fryslân',
            ggdRegionName: 'GGD Fryslân',
            urbanity: 5,
            datasetId: 'regio',
          },
        ],
      },
    ),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: 'FRYSLAN' })), ['PV21', 'ggd-fryslan', 'GM1900']);
  assert.deepEqual(codes(cube.searchAreas({ q: 'sudwest' })), ['GM1900']);
});

test('searchAreas finds the gemeente of a four-digit postcode, then areas named after its place', () => {
  const cube = buildCube(
    snapshot(
      [
        area('GM1979', 'gemeente', 'Eemsdelta'),
        area('WK197900', 'wijk', 'Appingedam', 'GM1979'),
        area('GM0014', 'gemeente', 'Groningen'),
      ],
      {
        postcodes: [
          { pc4: '9901', place: 'Appingedam', gemeenteCode: 'GM1979', gemeenteName: 'Eemsdelta', wijkCode: null, inhabitants: 5_000 },
          { pc4: '9711', place: 'Groningen', gemeenteCode: null, gemeenteName: 'Groningen', wijkCode: null, inhabitants: 8_000 },
        ],
      },
    ),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: '9901' })), ['GM1979', 'WK197900']);
  assert.deepEqual(codes(cube.searchAreas({ q: '9901 AB' })), ['GM1979', 'WK197900']);
  assert.deepEqual(codes(cube.searchAreas({ q: '9711' })), ['GM0014'], 'matched by gemeente name when the code is unknown');
  assert.deepEqual(cube.searchAreas({ q: '1234' }), []);
});

test('searchAreas gives for a four-digit postcode its gemeente, then its wijk, then areas named after its place', () => {
  const cube = buildCube(
    snapshot(
      [
        area('GM0363', 'gemeente', 'Amsterdam'),
        area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
        area('WK036304', 'wijk', 'Nieuwmarkt/Lastage', 'GM0363'),
        area('WK036399', 'wijk', 'Amsterdam', 'GM0363'),
        area('BU03630400', 'buurt', 'Nieuwmarkt', 'WK036304'),
      ],
      {
        postcodes: [
          { pc4: '1011', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: 'WK036304', inhabitants: 9_630 },
          // A wijk code the register does not have (e.g. a wijk of another classification) is skipped.
          { pc4: '1012', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: 'WK099999', inhabitants: 8_545 },
        ],
      },
    ),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: '1011' })), ['GM0363', 'WK036304', 'WK036399']);
  assert.deepEqual(codes(cube.searchAreas({ q: '1011 ab' })), ['GM0363', 'WK036304', 'WK036399']);
  assert.deepEqual(codes(cube.searchAreas({ q: '1012' })), ['GM0363', 'WK036399']);
  // The filters apply to the wijk as to every result.
  assert.deepEqual(codes(cube.searchAreas({ q: '1011', level: 'wijk' })), ['WK036304', 'WK036399']);
  assert.deepEqual(codes(cube.searchAreas({ q: '1011', limit: 2 })), ['GM0363', 'WK036304']);
});

test('searchAreas filters by level and by an area the results lie within', () => {
  const cube = buildCube(
    snapshot([
      area('GM0363', 'gemeente', 'Amsterdam'),
      area('WK036300', 'wijk', 'Centrum', 'GM0363'),
      area('BU03630000', 'buurt', 'Centrum-Oost', 'WK036300'),
      area('GM0599', 'gemeente', 'Rotterdam'),
      area('WK059900', 'wijk', 'Centrum', 'GM0599'),
    ]),
  );

  assert.deepEqual(codes(cube.searchAreas({ q: 'centrum', level: 'wijk' })), ['WK036300', 'WK059900']);
  assert.deepEqual(codes(cube.searchAreas({ q: 'centrum', parentCode: 'GM0363' })), ['WK036300', 'BU03630000']);
  assert.deepEqual(codes(cube.searchAreas({ q: 'centrum', level: 'buurt', parentCode: 'GM0599' })), []);
});

test('searchAreas returns 20 areas unless another limit is asked for', () => {
  const buurten = Array.from({ length: 25 }, (_, i) =>
    area(`BU036300${String(i).padStart(2, '0')}`, 'buurt', `Buurt ${String(i).padStart(2, '0')}`, 'WK036300'),
  );
  const cube = buildCube(snapshot([area('WK036300', 'wijk', 'Centrum', 'GM0363'), ...buurten]));

  assert.equal(cube.searchAreas({ q: 'buurt' }).length, 20);
  assert.equal(cube.searchAreas({ q: 'buurt', limit: 3 }).length, 3);
  assert.equal(cube.searchAreas({ q: 'buurt', limit: 3 })[0]?.name, 'Buurt 00');
});

test('searchAreas without text lists the areas within a parent, by level and name', () => {
  const cube = buildCube(
    snapshot([
      area('GM0363', 'gemeente', 'Amsterdam'),
      area('WK036301', 'wijk', 'Haarlemmerbuurt', 'GM0363'),
      area('WK036300', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363'),
    ]),
  );

  assert.deepEqual(codes(cube.searchAreas({ parentCode: 'GM0363' })), ['WK036300', 'WK036301']);
});

test('normaliseForSearch folds case, diacritics, curly apostrophes and spacing', () => {
  assert.equal(normaliseForSearch('  Súdwest-Fryslân '), 'sudwest-fryslan');
  assert.equal(normaliseForSearch('\u2019s-Hertogenbosch'), "'s-hertogenbosch");
  assert.equal(normaliseForSearch('Bergen  (NH.)'), 'bergen (nh.)');
});
