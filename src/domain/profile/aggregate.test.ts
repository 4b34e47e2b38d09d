import { test } from 'node:test';
import assert from 'node:assert/strict';
import { populationWeights, regionValue, regionValues } from './aggregate.ts';
import { fakeCube } from './testing.ts';

function closeTo(actual: number | null, expected: number): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);
}

// Two gemeenten in PV01 / ggd-noord with KWB counts on classification 2021, one gemeente with PDOK percentages
// on classification 2019, and one merged-away gemeente without any population figure.
function regionCube() {
  return fakeCube({
    areas: [
      { code: 'NL00', level: 'land' },
      { code: 'PV01', level: 'provincie', parentCode: 'NL00' },
      { code: 'ggd-noord', level: 'ggdregio', parentCode: 'NL00' },
      { code: 'GM0001', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'GM0002', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'GM0003', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: null },
      { code: 'GM0004', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'GM0005', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
    ],
    indicators: [
      { id: 'overgewicht_18plus', ageGroup: '18+', polarity: 'higher-is-worse', isEstimate: true },
      { id: 'overgewicht_65plus', ageGroup: '65+', polarity: 'higher-is-worse', isEstimate: true },
      { id: 'inwoners', unit: 'count' },
      { id: 'leeftijd_0_14', unit: 'count' },
      { id: 'leeftijd_15_24', unit: 'count' },
      { id: 'leeftijd_65plus', unit: 'count' },
      { id: 'aandeel_0_14' },
      { id: 'aandeel_15_24' },
      { id: 'aandeel_65plus' },
    ],
    columns: [
      { indicatorId: 'overgewicht_18plus', period: '2020', datasetId: 'rivm-2020', classificationYear: 2020, values: { NL00: 50, GM0001: 50, GM0002: 60, GM0003: 40, GM0004: null, GM0005: 70 } },
      { indicatorId: 'overgewicht_65plus', period: '2020', datasetId: 'rivm-2020', classificationYear: 2020, values: { NL00: 58, GM0001: 55, GM0002: 65 } },
      { indicatorId: 'inwoners', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 1000, GM0002: 3000, GM0004: 500 } },
      { indicatorId: 'leeftijd_0_14', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 100, GM0002: 300, GM0004: 50 } },
      { indicatorId: 'leeftijd_15_24', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 100, GM0002: 200, GM0004: 50 } },
      { indicatorId: 'leeftijd_65plus', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 200, GM0002: 500, GM0004: 100 } },
      { indicatorId: 'inwoners', period: '2018', datasetId: 'pdok-2018', classificationYear: 2018, values: { GM0005: 2000 } },
      { indicatorId: 'aandeel_0_14', period: '2018', datasetId: 'pdok-2018', classificationYear: 2018, values: { GM0005: 15 } },
      { indicatorId: 'aandeel_15_24', period: '2018', datasetId: 'pdok-2018', classificationYear: 2018, values: { GM0005: 10 } },
      { indicatorId: 'aandeel_65plus', period: '2018', datasetId: 'pdok-2018', classificationYear: 2018, values: { GM0005: 25 } },
    ],
  });
}

test('populationWeights estimates adults as inhabitants − 0–14 − 3/10 of 15–24, from counts or percentages', () => {
  const weights = populationWeights(regionCube(), '18+', 2020);
  closeTo(weights.get('GM0001')!.weight, 1000 - 100 - 0.3 * 100);
  closeTo(weights.get('GM0002')!.weight, 3000 - 300 - 0.3 * 200);
  // PDOK gives percentages: 2000 × (1 − 0.15 − 0.3 × 0.10).
  closeTo(weights.get('GM0005')!.weight, 2000 - 300 - 0.3 * 200);
  assert.equal(weights.get('GM0005')!.datasetId, 'pdok-2018');
  assert.equal(weights.get('GM0003'), undefined);
});

test('populationWeights takes the nearest classification year, the earlier one on a tie', () => {
  const weights = populationWeights(regionCube(), 'all', 2020);
  // 2018 and 2021 are not equally near 2020: 2021 (distance 1) wins for GM0001 and GM0002.
  assert.equal(weights.get('GM0001')!.classificationYear, 2021);
  assert.equal(weights.get('GM0005')!.classificationYear, 2018);
  const tie = fakeCube({
    areas: [{ code: 'GM0001', level: 'gemeente' }],
    indicators: [{ id: 'inwoners', unit: 'count' }],
    columns: [
      { indicatorId: 'inwoners', period: '2019', datasetId: 'pdok-2019', classificationYear: 2019, values: { GM0001: 100 } },
      { indicatorId: 'inwoners', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 999 } },
    ],
  });
  assert.equal(populationWeights(tie, 'all', 2020).get('GM0001')!.weight, 100);
});

test('regionValues: provincie value is the adult-weighted mean of its gemeenten, with coverage reported', () => {
  const pv = regionValue(regionCube(), 'overgewicht_18plus', '2020', 'PV01')!;
  const w1 = 1000 - 100 - 30;
  const w2 = 3000 - 300 - 60;
  const w5 = 2000 - 300 - 60;
  closeTo(pv.value, (w1 * 50 + w2 * 60 + w5 * 70) / (w1 + w2 + w5));
  assert.equal(pv.derived.method, 'weighted-mean');
  assert.equal(pv.derived.weightGroup, '18+');
  assert.equal(pv.derived.members, 5);
  assert.equal(pv.derived.membersUsed, 3);
  assert.deepEqual(pv.derived.membersWithoutWeight, ['GM0003']);
  assert.deepEqual(pv.derived.membersWithoutValue, ['GM0004']);
  assert.deepEqual(pv.derived.weightSources.map((s) => s.datasetId).sort(), ['kwb-2021', 'pdok-2018']);
});

test('regionValues: GGD-regio uses the register ggdRegionCode and 65+ weights for 65+ indicators', () => {
  const values = regionValues(regionCube(), 'overgewicht_65plus', '2020', 'ggdregio');
  const ggd = values.get('ggd-noord')!;
  closeTo(ggd.value, (200 * 55 + 500 * 65) / (200 + 500));
  assert.equal(ggd.derived.weightGroup, '65+');
  // GM0003 has no GGD-regio in the register, so no region gets it.
  assert.equal([...values.keys()].length, 1);
});

test('regionValue of a region without usable gemeenten is null with reason not-derivable, never 0', () => {
  const v = regionValue(regionCube(), 'overgewicht_65plus', '2020', 'PV99')!;
  assert.equal(v.value, null);
  assert.equal(v.missing, 'not-derivable');
});

test('regionValues is memoised per cube: the same map is returned twice', () => {
  const cube = regionCube();
  assert.equal(regionValues(cube, 'overgewicht_18plus', '2020', 'provincie'), regionValues(cube, 'overgewicht_18plus', '2020', 'provincie'));
});
