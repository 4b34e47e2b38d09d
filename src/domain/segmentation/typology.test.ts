import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from './random.ts';
import { syntheticCube } from './synthetic-cube.ts';
import { buildTypology, typologyInputFromCube } from './typology.ts';
import type { TypologyFeature, TypologyInput } from './typology.ts';

const FEATURES: TypologyFeature[] = [
  { id: 'ouderen', numerators: ['a'], highNl: 'veel ouderen', lowNl: 'weinig ouderen', tagsHigh: ['ouderen'] },
  { id: 'migratie', numerators: ['b'], highNl: 'veel migratie', lowNl: 'weinig migratie', tagsHigh: ['migratieachtergrond'] },
  { id: 'geldzorgen', numerators: ['c'], highNl: 'veel geldzorgen', lowNl: 'weinig geldzorgen', tagsHigh: ['geldzorgen'] },
  { id: 'bewegen', numerators: ['d'], highNl: 'veel bewegers', lowNl: 'weinig bewegers', tagsLow: ['bewegen'] },
];

/**
 * Three clearly different groups of wijken, with a little seeded noise: 40 young wijken with much migration and
 * money worries, 30 old wijken, 20 active wijken; plus one wijk with a missing value.
 */
function threeGroups(): TypologyInput {
  const noise = seededRandom(99);
  const jitter = (x: number): number => x + (noise.next() - 0.5) * 2;
  const groups: [string, number, number[]][] = [
    ['young', 40, [10, 40, 30, 40]],
    ['old', 30, [35, 5, 10, 45]],
    ['active', 20, [18, 8, 8, 75]],
  ];
  const codes: string[] = [];
  const columns: number[][] = [[], [], [], []];
  for (const [name, count, centre] of groups) {
    for (let i = 0; i < count; i++) {
      codes.push(`${name}-${String(i).padStart(2, '0')}`);
      centre.forEach((value, f) => columns[f]!.push(jitter(value)));
    }
  }
  codes.push('incomplete');
  columns.forEach((column, f) => column.push(f === 2 ? Number.NaN : 20));
  return { codes, features: FEATURES, values: columns.map((column) => Float64Array.from(column)) };
}

test('buildTypology gives the same types twice with the same seed', () => {
  const first = buildTypology(threeGroups(), { seed: 7 });
  const second = buildTypology(threeGroups(), { seed: 7 });
  assert.deepEqual(second.types, first.types);
  assert.deepEqual([...second.assignment], [...first.assignment]);
  assert.deepEqual(second.silhouette, first.silhouette);
});

test('buildTypology finds three clear groups by silhouette and keeps each group together', () => {
  const typology = buildTypology(threeGroups(), { seed: 7 });
  assert.deepEqual(typology.silhouette.map((s) => s.k), [3, 4, 5, 6, 7, 8]);
  assert.equal(typology.k, 3);
  const best = typology.silhouette.find((s) => s.k === 3)!.score;
  assert.ok(typology.silhouette.every((s) => s.score <= best));
  assert.deepEqual(typology.types.map((t) => t.size), [40, 30, 20]);
  for (const [prefix, type] of [['young', 0], ['old', 1], ['active', 2]] as const) {
    const members = [...typology.assignment].filter(([code]) => code.startsWith(prefix));
    assert.ok(members.every(([, t]) => t === type), `${prefix} split over types`);
  }
});

test('buildTypology describes each type by the features that set it apart most', () => {
  const typology = buildTypology(threeGroups(), { seed: 7 });
  const [young, old, active] = typology.types;
  assert.equal(young!.distinguishing[0]!.featureId, 'migratie');
  assert.ok(young!.distinguishing[0]!.meanZ > 1);
  assert.match(young!.labelNl, /^Wijken met veel migratie, veel geldzorgen/);
  assert.match(old!.labelNl, /veel ouderen/);
  assert.match(active!.labelNl, /veel bewegers/);
  assert.ok(young!.tags.includes('migratieachtergrond') && young!.tags.includes('geldzorgen'));
  assert.ok(old!.tags.includes('ouderen'));
});

test('buildTypology excludes and reports areas with a missing value', () => {
  const typology = buildTypology(threeGroups(), { seed: 7 });
  assert.deepEqual(typology.excluded, [{ code: 'incomplete', missingFeatures: ['geldzorgen'] }]);
  assert.equal(typology.assignment.has('incomplete'), false);
  assert.equal(typology.assignment.size, 90);
});

test('buildTypology standardises with the mean and sample standard deviation of the included areas', () => {
  const input: TypologyInput = {
    codes: ['a', 'b', 'c', 'd', 'e'],
    features: [FEATURES[0]!],
    values: [Float64Array.from([1, 2, 3, 10, Number.NaN])],
  };
  const typology = buildTypology(input, { k: 2, seed: 1 });
  // Mean of 1, 2, 3, 10 = 4; sample variance (9 + 4 + 1 + 36) / 3 = 50/3.
  assert.equal(typology.standardisation[0]!.mean, 4);
  assert.ok(Math.abs(typology.standardisation[0]!.sd - Math.sqrt(50 / 3)) < 1e-12);
  assert.deepEqual(typology.types.map((t) => t.size), [3, 1]);
});

test('typologyInputFromCube turns counts into percentages of residents and keeps percentages', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'WK000101' }, { code: 'WK000102' }],
    [
      { indicatorId: 'inwoners', period: '2021', unit: 'count', values: { NL00: 100, WK000101: 1000, WK000102: 0 } },
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 20, WK000101: 250, WK000102: 0 } },
      { indicatorId: 'overgewicht_18plus', period: '2020', unit: 'percent', values: { NL00: 50, WK000101: 48.5, WK000102: null } },
    ],
  );
  const features: TypologyFeature[] = [
    { id: 'ouderen', numerators: ['leeftijd_65plus'], denominator: 'inwoners', highNl: 'veel ouderen', lowNl: 'weinig ouderen' },
    { id: 'overgewicht', numerators: ['overgewicht_18plus'], highNl: 'veel overgewicht', lowNl: 'weinig overgewicht' },
  ];
  const input = typologyInputFromCube(cube, 'wijk', { populationPeriod: '2021', sharePeriod: '2020' }, features);
  assert.deepEqual(input.codes, ['WK000101', 'WK000102']);
  assert.deepEqual([...input.values[0]!], [25, Number.NaN]);
  assert.deepEqual([...input.values[1]!], [48.5, Number.NaN]);
});
