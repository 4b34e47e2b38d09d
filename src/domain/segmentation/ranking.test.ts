import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTarget } from './estimate.ts';
import { classifyStratum, rankEstimates } from './ranking.ts';
import { syntheticCube } from './synthetic-cube.ts';
import { validateTarget } from './targets.ts';

/** Gemeenten in two provinces; 65+ × 50% lonely makes the estimate half the 65+ count (range ±5%). */
function world() {
  const gemeenten: [string, string, number | null, number, number][] = [
    // code, province, urbanity, inhabitants, persons 65+
    ['GM0001', 'PV01', 1, 150_000, 2000],
    ['GM0002', 'PV01', 3, 30_000, 1000],
    ['GM0003', 'PV01', 5, 20_000, 1000],
    ['GM0004', 'PV01', 2, 50_000, 600],
    ['GM0005', 'PV01', 4, 40_000, 2200],
    ['GM0006', 'PV01', null, 10_000, 100],
    ['GM0007', 'PV01', 1, 120_000, 1990],
    ['GM0010', 'PV02', 4, 25_000, 800],
    ['GM0011', 'PV02', 4, 25_000, 800],
    ['GM0020', 'PV02', 3, 10_000, 300],
  ];
  const cube = syntheticCube(
    [
      { code: 'NL00' },
      { code: 'PV01', name: 'Provincie Een' },
      { code: 'PV02', name: 'Provincie Twee' },
      ...gemeenten.map(([code, provinceCode, urbanity]) => ({ code, provinceCode, urbanity })),
      { code: 'GM0099', provinceCode: null, urbanity: 3 },
    ],
    [
      {
        indicatorId: 'inwoners',
        period: '2021',
        unit: 'count',
        values: { NL00: 1_000_000, GM0099: 1000, ...Object.fromEntries(gemeenten.map(([code, , , inw]) => [code, inw])) },
      },
      {
        indicatorId: 'leeftijd_65plus',
        period: '2021',
        unit: 'count',
        values: { NL00: 100_000, GM0099: 100, ...Object.fromEntries(gemeenten.map(([code, , , , old]) => [code, old])) },
      },
      {
        indicatorId: 'eenzaam_65plus',
        period: '2020',
        unit: 'percent',
        isEstimate: true,
        values: { NL00: 50, GM0099: 50, ...Object.fromEntries(gemeenten.map(([code]) => [code, code === 'GM0020' ? null : 50])) },
      },
    ],
  );
  const result = validateTarget(
    {
      id: 'eenzame-ouderen-test',
      labelNl: 'Eenzame ouderen',
      labelEn: 'Lonely older people',
      descriptionNl: '65+ die zich eenzaam voelen',
      terms: [{ labelNl: '65+', population: 'leeftijd_65plus', share: 'eenzaam_65plus' }],
    },
    cube.indicators,
  );
  if (!result.ok) throw new Error('invalid test target');
  return { cube, table: estimateTarget(cube, result.target, { level: 'gemeente' }) };
}

test('classifyStratum applies the documented thresholds and accepts other ones', () => {
  assert.equal(classifyStratum(1, 150_000), 'grote-stad');
  assert.equal(classifyStratum(2, 100_000), 'grote-stad');
  assert.equal(classifyStratum(1, 99_999), 'kleinere-stad');
  assert.equal(classifyStratum(3, 300_000), 'kleinere-stad');
  assert.equal(classifyStratum(4, 200_000), 'platteland');
  assert.equal(classifyStratum(5, 5_000), 'platteland');
  assert.equal(classifyStratum(null, 5_000), null);
  assert.equal(classifyStratum(1, 60_000, { bigCityMinInhabitants: 50_000, bigCityMaxUrbanity: 1, ruralMinUrbanity: 5 }), 'grote-stad');
  assert.equal(classifyStratum(4, 60_000, { bigCityMinInhabitants: 50_000, bigCityMaxUrbanity: 1, ruralMinUrbanity: 5 }), 'kleinere-stad');
});

test('rankEstimates takes the top 5 per province by number, ties sharing a rank (1224)', () => {
  const { cube, table } = world();
  const ranking = rankEstimates(cube, table);
  assert.deepEqual(ranking.groups.map((g) => [g.groupCode, g.groupName, g.candidates]), [
    ['PV01', 'Provincie Een', 7],
    ['PV02', 'Provincie Twee', 2],
  ]);
  const pv01 = ranking.groups[0]!.entries;
  // Estimates: GM0005 1100, GM0001 1000, GM0007 995, GM0002 500, GM0003 500, GM0004 300, GM0006 50.
  assert.deepEqual(
    pv01.map((e) => [e.code, e.rank, e.value]),
    [
      ['GM0005', 1, 1100],
      ['GM0001', 2, 1000],
      ['GM0007', 3, 995],
      ['GM0002', 4, 500],
      ['GM0003', 4, 500],
    ],
  );
  assert.deepEqual(ranking.groups[1]!.entries.map((e) => [e.code, e.rank]), [
    ['GM0010', 1],
    ['GM0011', 1],
  ]);
  assert.deepEqual(ranking.unranked, [
    { code: 'GM0020', reason: 'no-estimate' },
    { code: 'GM0099', reason: 'no-group' },
  ]);
});

test('rankEstimates includes every area tied at the last rank and nothing below it', () => {
  const { cube, table } = world();
  assert.deepEqual(rankEstimates(cube, table, { n: 4 }).groups[0]!.entries.map((e) => e.rank), [1, 2, 3, 4, 4]);
  assert.deepEqual(rankEstimates(cube, table, { n: 3 }).groups[0]!.entries.map((e) => e.code), ['GM0005', 'GM0001', 'GM0007']);
});

test('rankEstimates flags ranks whose plausible range overlaps the next one', () => {
  const { cube, table } = world();
  const entries = rankEstimates(cube, table).groups[0]!.entries;
  // ±5% at gemeente level: 1100 (1045–1155) reaches 1000 (950–1050); 1000 reaches 995 (945.25–1044.75);
  // 995 does not reach 500 (475–525); the tied 500s overlap each other; the last 500 does not reach the
  // next area below the top 5 (GM0004, 300: 285–315).
  assert.deepEqual(entries.map((e) => e.overlapsNext), [true, true, false, true, false]);
  assert.ok(Math.abs(entries[0]!.low - 1045) < 1e-9 && Math.abs(entries[0]!.high - 1155) < 1e-9);
});

test('rankEstimates ranks per province × stratum when asked', () => {
  const { cube, table } = world();
  const ranking = rankEstimates(cube, table, { byStratum: true });
  assert.deepEqual(
    ranking.groups.map((g) => [g.groupCode, g.stratum, g.entries.map((e) => `${e.rank}:${e.code}`)]),
    [
      ['PV01', 'grote-stad', ['1:GM0001', '2:GM0007']],
      ['PV01', 'kleinere-stad', ['1:GM0002', '2:GM0004']],
      ['PV01', 'platteland', ['1:GM0005', '2:GM0003']],
      ['PV02', 'platteland', ['1:GM0010', '1:GM0011']],
    ],
  );
  assert.deepEqual(ranking.unranked.map((u) => [u.code, u.reason]), [
    ['GM0006', 'no-stratum'],
    ['GM0020', 'no-estimate'],
    ['GM0099', 'no-group'],
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
});

test('rankEstimates by share of residents orders by the share, not the number', () => {
  const { cube, table } = world();
  const entries = rankEstimates(cube, table, { metric: 'share', n: 2 }).groups[0]!.entries;
  // GM0005: 1100 / 40,000 = 2.75%; GM0003: 500 / 20,000 = 2.5%; GM0002: 500 / 30,000 = 1.67%.
  assert.deepEqual(entries.map((e) => e.code), ['GM0005', 'GM0003']);
  assert.ok(Math.abs(entries[0]!.value - 2.75) < 1e-12);
  assert.ok(Math.abs(entries[0]!.low - 2.75 * 0.95) < 1e-12);
});
