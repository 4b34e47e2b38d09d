import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparableAreas } from './neighbours.ts';
import type { FeatureSpec } from './neighbours.ts';
import { moments } from './stats.ts';
import { fakeCube } from './testing.ts';

const FEATURES: FeatureSpec[] = [
  { key: 'pct_65plus', labelNl: 'Aandeel 65+', labelEn: 'Share 65+', numerators: ['leeftijd_65plus'], denominator: 'inwoners', scale: 100 },
  { key: 'inkomen_per_inwoner', labelNl: 'Inkomen', labelEn: 'Income', numerators: ['inkomen_per_inwoner'] },
];

// Shares 65+: 10, 12, 30, 11, 25, (missing income) → GM0001 is young and poor like GM0002 and GM0004.
function neighbourCube() {
  const gemeenten = ['GM0001', 'GM0002', 'GM0003', 'GM0004', 'GM0005', 'GM0006'];
  return fakeCube({
    areas: gemeenten.map((code) => ({ code, level: 'gemeente' as const, name: `Gemeente ${code.slice(2)}` })),
    indicators: [{ id: 'inwoners', unit: 'count' }, { id: 'leeftijd_65plus', unit: 'count' }, { id: 'inkomen_per_inwoner', unit: 'euro-x1000' }],
    columns: [
      { indicatorId: 'inwoners', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 1000, GM0002: 1000, GM0003: 1000, GM0004: 1000, GM0005: 1000, GM0006: 1000 } },
      { indicatorId: 'leeftijd_65plus', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 100, GM0002: 120, GM0003: 300, GM0004: 110, GM0005: 250, GM0006: 200 } },
      { indicatorId: 'inkomen_per_inwoner', period: '2021', datasetId: 'kwb-2021', classificationYear: 2021, values: { GM0001: 20, GM0002: 21, GM0003: 40, GM0004: 25, GM0005: 38, GM0006: 'secret' } },
    ],
  });
}

test('comparableAreas ranks same-level areas by distance on standardised features, excluding the area itself', () => {
  const result = comparableAreas(neighbourCube(), 'GM0001', { limit: 3, features: FEATURES });
  assert.deepEqual(result.neighbours.map((n) => n.code), ['GM0002', 'GM0004', 'GM0005']);
  // By hand: standardise over the five complete gemeenten, then Euclidean distance.
  const share = moments(Float64Array.of(10, 12, 30, 11, 25));
  const income = moments(Float64Array.of(20, 21, 40, 25, 38));
  const expected = Math.hypot((12 - 10) / share.sd, (21 - 20) / income.sd);
  assert.ok(Math.abs(result.neighbours[0]!.distance - expected) < 1e-12);
  assert.equal(result.neighbours[0]!.name, 'Gemeente 0002');
  assert.deepEqual(result.features.map((f) => f.key), ['pct_65plus', 'inkomen_per_inwoner']);
  assert.ok(Math.abs(result.features[0]!.areaValue - 10) < 1e-9);
});

test('comparableAreas leaves out and counts areas with a missing feature', () => {
  const result = comparableAreas(neighbourCube(), 'GM0001', { features: FEATURES });
  assert.equal(result.candidates, 6);
  assert.equal(result.excludedForMissing, 1);
  assert.ok(!result.neighbours.some((n) => n.code === 'GM0006'));
  assert.equal(result.neighbours.length, 4);
});

test('comparableAreas of an area with a missing feature gives no neighbours and says why', () => {
  const result = comparableAreas(neighbourCube(), 'GM0006', { features: FEATURES });
  assert.equal(result.neighbours.length, 0);
  assert.deepEqual(result.featuresUnavailable, ['inkomen_per_inwoner']);
  assert.ok(result.reasonNl !== null && result.reasonEn !== null);
});
