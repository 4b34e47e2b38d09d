import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWith, favourableZ, judge, levelStatistics, valueOf } from './compare.ts';
import { fakeCube } from './testing.ts';

test('judge: a higher value of a higher-is-better indicator is better, of a higher-is-worse one worse', () => {
  assert.equal(judge(3, 4, 'higher-is-better'), 'better');
  assert.equal(judge(3, 4, 'higher-is-worse'), 'worse');
  assert.equal(judge(-3, 4, 'higher-is-better'), 'worse');
  assert.equal(judge(-3, 4, 'higher-is-worse'), 'better');
});

test('judge: a difference below half a standard deviation of the level is similar', () => {
  assert.equal(judge(1.9, 4, 'higher-is-worse'), 'similar');
  assert.equal(judge(2, 4, 'higher-is-worse'), 'worse');
});

test('judge gives no judgement without polarity, a missing figure or a spread', () => {
  assert.equal(judge(10, 4, 'no-judgement'), 'no-judgement');
  assert.equal(judge(null, 4, 'higher-is-worse'), 'no-judgement');
  assert.equal(judge(10, NaN, 'higher-is-worse'), 'no-judgement');
  assert.equal(judge(10, 0, 'higher-is-worse'), 'no-judgement');
});

test('favourableZ turns the z-score around for higher-is-worse indicators', () => {
  assert.equal(favourableZ(12, 10, 2, 'higher-is-better'), 1);
  assert.equal(favourableZ(12, 10, 2, 'higher-is-worse'), -1);
  assert.ok(Number.isNaN(favourableZ(12, 10, 2, 'no-judgement')));
});

function smallCube() {
  return fakeCube({
    areas: [
      { code: 'NL00', level: 'land' },
      { code: 'PV01', level: 'provincie', parentCode: 'NL00' },
      { code: 'GM0001', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01' },
      { code: 'GM0002', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01' },
      { code: 'GM0003', level: 'gemeente', parentCode: 'PV01', provinceCode: 'PV01' },
      { code: 'WK000101', level: 'wijk', parentCode: 'GM0001' },
    ],
    indicators: [
      { id: 'roker_18plus', ageGroup: '18+', polarity: 'higher-is-worse', isEstimate: true },
      { id: 'inwoners', unit: 'count' },
    ],
    columns: [
      { indicatorId: 'roker_18plus', period: '2020', datasetId: 'rivm', classificationYear: 2020, values: { NL00: 18, GM0001: 10, GM0002: 20, GM0003: null, WK000101: 40 } },
      { indicatorId: 'inwoners', period: '2021', datasetId: 'kwb', classificationYear: 2021, values: { GM0001: 100, GM0002: 300, GM0003: 100 } },
    ],
  });
}

test('levelStatistics covers only areas of the level and keeps missing values out of the spread', () => {
  const stats = levelStatistics(smallCube(), 'roker_18plus', '2020', 'gemeente');
  assert.deepEqual(stats.codes, ['GM0001', 'GM0002', 'GM0003']);
  assert.equal(stats.n, 2);
  assert.equal(stats.mean, 15);
  assert.deepEqual([...stats.sorted], [10, 20]);
  assert.ok(Math.abs(stats.sd - Math.sqrt(50)) < 1e-12);
});

test('valueOf returns the published cell, the missing reason, or a derived region value', () => {
  const cube = smallCube();
  assert.deepEqual(valueOf(cube, 'roker_18plus', '2020', 'GM0001'), { value: 10, missing: null, derived: null });
  assert.deepEqual(valueOf(cube, 'roker_18plus', '2020', 'GM0003'), { value: null, missing: 'empty', derived: null });
  const pv = valueOf(cube, 'roker_18plus', '2020', 'PV01');
  // Weighted by all inhabitants (the fixture has no age counts, so the 18+ weight cannot be formed) → not derivable.
  assert.equal(pv.value, null);
  assert.equal(pv.missing, 'not-derivable');
  assert.equal(pv.derived?.method, 'weighted-mean');
  assert.deepEqual(valueOf(cube, 'roker_18plus', '2020', 'BU00010101'), { value: null, missing: 'not-in-dataset', derived: null });
});

test('compareWith gives the difference in percentage points and a judgement', () => {
  const c = compareWith(40, { role: 'land', code: 'NL00', value: { value: 18, missing: null, derived: null } }, 10, 'higher-is-worse');
  assert.equal(c.difference, 22);
  assert.equal(c.judgement, 'worse');
  const none = compareWith(40, { role: 'gemeente', code: 'GM0003', value: { value: null, missing: 'empty', derived: null } }, 10, 'higher-is-worse');
  assert.equal(none.difference, null);
  assert.equal(none.judgement, 'no-judgement');
});
