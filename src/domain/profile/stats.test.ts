import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moments, pearson, percentileRank, quantile, rankFromHighest, sortedPresent, zScore } from './stats.ts';

test('sortedPresent drops NaN (missing) and sorts ascending, keeping zeros as real values', () => {
  const sorted = sortedPresent(Float64Array.of(3, NaN, 0, 10, NaN, 1));
  assert.deepEqual([...sorted], [0, 1, 3, 10]);
});

test('quantile interpolates linearly between order statistics (type 7)', () => {
  const sorted = Float64Array.of(10, 20, 30, 40, 50);
  assert.equal(quantile(sorted, 0), 10);
  assert.equal(quantile(sorted, 0.5), 30);
  assert.equal(quantile(sorted, 1), 50);
  // h = 4 × 0.25 = 1 → exactly the second value; h = 4 × 0.05 = 0.2 → 10 + 0.2 × 10.
  assert.equal(quantile(sorted, 0.25), 20);
  assert.ok(Math.abs(quantile(sorted, 0.05) - 12) < 1e-12);
  assert.ok(Math.abs(quantile(sorted, 0.95) - 48) < 1e-12);
});

test('quantile of an empty array is NaN, of one value that value', () => {
  assert.ok(Number.isNaN(quantile(new Float64Array(0), 0.5)));
  assert.equal(quantile(Float64Array.of(7), 0.9), 7);
});

test('moments gives the mean and the sample standard deviation, skipping missing values', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample variance 32/7.
  const m = moments(Float64Array.of(2, 4, NaN, 4, 4, 5, 5, 7, 9));
  assert.equal(m.n, 8);
  assert.equal(m.mean, 5);
  assert.ok(Math.abs(m.sd - Math.sqrt(32 / 7)) < 1e-12);
});

test('moments of a single value has no spread', () => {
  const m = moments(Float64Array.of(NaN, 4));
  assert.equal(m.n, 1);
  assert.ok(Number.isNaN(m.sd));
});

test('zScore is NaN when the value is missing or there is no spread', () => {
  assert.equal(zScore(7, 5, 2), 1);
  assert.ok(Number.isNaN(zScore(NaN, 5, 2)));
  assert.ok(Number.isNaN(zScore(7, 5, 0)));
});

test('pearson finds perfect positive and negative linear relations', () => {
  const x = Float64Array.of(1, 2, 3, 4, 5);
  assert.ok(Math.abs(pearson(x, Float64Array.of(3, 5, 7, 9, 11)).r - 1) < 1e-12);
  assert.ok(Math.abs(pearson(x, Float64Array.of(10, 8, 6, 4, 2)).r + 1) < 1e-12);
});

test('pearson uses only pairs where both values are present', () => {
  const x = Float64Array.of(1, 2, NaN, 4, 5, 6);
  const y = Float64Array.of(2, 4, 100, NaN, 10, 12);
  const c = pearson(x, y);
  assert.equal(c.n, 4);
  assert.ok(Math.abs(c.r - 1) < 1e-12);
});

test('pearson by hand on a small non-linear example', () => {
  // x = 1,2,3 and y = 1,3,2: mx = 2, my = 2, sxy = (−1)(−1) + 0 + (1)(0) = 1, sxx = 2, syy = 2 → r = 0.5.
  assert.ok(Math.abs(pearson(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2)).r - 0.5) < 1e-12);
});

test('pearson is NaN for a constant series or too few pairs', () => {
  assert.ok(Number.isNaN(pearson(Float64Array.of(1, 2, 3), Float64Array.of(4, 4, 4)).r));
  assert.ok(Number.isNaN(pearson(Float64Array.of(1, 2), Float64Array.of(3, 4)).r));
});

test('percentileRank counts ties as half and puts the median at 50', () => {
  const sorted = Float64Array.of(1, 2, 3, 4, 5);
  assert.equal(percentileRank(sorted, 3), 50);
  assert.equal(percentileRank(sorted, 1), 10);
  assert.equal(percentileRank(Float64Array.of(2, 2, 2, 2), 2), 50);
  assert.ok(Number.isNaN(percentileRank(sorted, NaN)));
});

test('rankFromHighest gives 1 to the highest value and shares ranks on ties', () => {
  const sorted = Float64Array.of(1, 3, 3, 8);
  assert.equal(rankFromHighest(sorted, 8), 1);
  assert.equal(rankFromHighest(sorted, 3), 2);
  assert.equal(rankFromHighest(sorted, 1), 4);
});
