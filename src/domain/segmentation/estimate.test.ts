import { test } from 'node:test';
import assert from 'node:assert/strict';
import { additivityCheck, choosePopulationPeriod, estimateRow, estimateTarget, unestimable } from './estimate.ts';
import { syntheticCube } from './synthetic-cube.ts';
import { validateTarget } from './targets.ts';
import type { TargetDefinition, TargetInput } from './targets.ts';

/** Validates a definition against the cube's catalog, as a user-defined target would be. */
function target(input: TargetInput, cube: ReturnType<typeof syntheticCube>): TargetDefinition {
  const result = validateTarget(input, cube.indicators);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.target;
}

const lonelyElderly: TargetInput = {
  id: 'eenzame-ouderen-test',
  labelNl: 'Eenzame ouderen',
  labelEn: 'Lonely older people',
  descriptionNl: '65+ die zich eenzaam voelen',
  terms: [{ labelNl: '65+', population: 'leeftijd_65plus', share: 'eenzaam_65plus' }],
};

function at(table: ReturnType<typeof estimateTarget>, code: string): number {
  const i = table.codes.indexOf(code);
  assert.ok(i >= 0, `${code} not in table`);
  return i;
}

test('estimateTarget multiplies counts by shares and reports share of residents, density and range', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'WK000101' }, { code: 'WK000102' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 10000, GM0001: 1400, WK000101: 1000, WK000102: 400 } },
      { indicatorId: 'inwoners', period: '2021', unit: 'count', values: { NL00: 50000, GM0001: 7000, WK000101: 5000, WK000102: 2000 } },
      { indicatorId: 'oppervlakte_land', period: '2021', unit: 'ha', values: { NL00: 9000, GM0001: 500, WK000101: 200, WK000102: 300 } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', isEstimate: true, values: { NL00: 48, GM0001: 45, WK000101: 50, WK000102: 'secret' } },
    ],
  );
  const table = estimateTarget(cube, target(lonelyElderly, cube), { level: 'wijk' });
  assert.deepEqual(table.codes, ['WK000101', 'WK000102']);
  assert.equal(table.populationPeriod, '2021');
  assert.equal(table.sharePeriod, '2020');
  const a = estimateRow(table, at(table, 'WK000101'));
  // 1000 persons 65+ × 50% = 500; 500 / 5000 residents = 10%; 200 ha = 2 km² → 250 per km².
  assert.equal(a.estimate, 500);
  assert.equal(a.share, 10);
  assert.equal(a.density, 250);
  // Wijk margin of a model estimate: ±10% → 450–550.
  assert.ok(Math.abs(a.low! - 450) < 1e-9 && Math.abs(a.high! - 550) < 1e-9, `${a.low}–${a.high}`);
  assert.deepEqual(a.missing, []);
  const b = estimateRow(table, at(table, 'WK000102'));
  assert.equal(b.estimate, null, 'a missing share gives no estimate, never 0');
  assert.deepEqual(b.missing, [{ indicatorId: 'eenzaam_65plus', period: '2020', reason: 'secret' }]);
  assert.deepEqual(unestimable(table), [{ code: 'WK000102', missing: b.missing }]);
});

test('estimateTarget reports an area that only one classification knows as not-in-dataset', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0003' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 10000, GM0001: 1400 } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', isEstimate: true, values: { NL00: 48, GM0001: 45, GM0003: 40 } },
    ],
  );
  const table = estimateTarget(cube, target(lonelyElderly, cube), { level: 'gemeente' });
  assert.deepEqual(unestimable(table), [
    { code: 'GM0003', missing: [{ indicatorId: 'leeftijd_65plus', period: '2021', reason: 'not-in-dataset' }] },
  ]);
  assert.equal(table.estimate[at(table, 'GM0001')], 630);
});

test('estimateTarget leaves density missing but keeps the estimate when land area is unknown', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 10000, GM0001: 1000 } },
      { indicatorId: 'oppervlakte_land', period: '2021', unit: 'ha', values: { NL00: 9000, GM0001: null } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', isEstimate: true, values: { NL00: 48, GM0001: 40 } },
    ],
  );
  const row = estimateRow(estimateTarget(cube, target(lonelyElderly, cube), { level: 'gemeente' }), 0);
  assert.equal(row.estimate, 400);
  assert.equal(row.density, null);
  assert.equal(row.share, null, 'no inwoners column: no share of residents');
});

test('estimateTarget falls back to 18+ when 18–64 has no values for the period, and adjusts for inactivity with renormalisation', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0002' }],
    [
      { indicatorId: 'leeftijd_45_64', period: '2021', unit: 'count', values: { NL00: 100000, GM0001: 1000, GM0002: 2000 } },
      { indicatorId: 'overgewicht_18_64', period: '2016', unit: 'percent', isEstimate: true, values: { NL00: 50, GM0001: 50, GM0002: 50 } },
      { indicatorId: 'overgewicht_18plus', period: '2020', unit: 'percent', isEstimate: true, values: { NL00: 50, GM0001: 60, GM0002: 40 } },
      { indicatorId: 'voldoet_beweegrichtlijn_18plus', period: '2020', unit: 'percent', isEstimate: true, values: { NL00: 50, GM0001: 30, GM0002: 70 } },
    ],
  );
  const model = target(
    {
      id: 'risico-test',
      labelNl: 'Risico',
      labelEn: 'Risk',
      descriptionNl: '45–64 met overgewicht, gewogen naar inactiviteit',
      terms: [{ labelNl: '45–64', population: 'leeftijd_45_64', share: 'overgewicht_18_64', shareFallbacks: ['overgewicht_18plus'] }],
      factors: [
        {
          id: 'bewegen',
          labelNl: 'Te weinig bewegen',
          labelEn: 'Inactivity',
          categories: [
            {
              labelNl: 'voldoet niet',
              exposure: { kind: 'percent', indicator: 'voldoet_beweegrichtlijn_18plus', complement: true },
              relativeRisk: { estimate: 1.5, low: 1.2, high: 2.0 },
              source: 'test',
            },
          ],
        },
      ],
      renormalise: true,
    },
    cube,
  );
  const table = estimateTarget(cube, model, { level: 'gemeente' });
  assert.equal(table.sharePeriod, '2020');
  assert.deepEqual(
    table.usedIndicators.find((u) => u.role === 'terms.0.share'),
    { role: 'terms.0.share', requested: 'overgewicht_18_64', used: 'overgewicht_18plus', period: '2020' },
  );
  // National inactivity 100 − 50 = 50% → denominator 1 + 0.5 × (1.5 − 1) = 1.25.
  // GM0001: base 1000 × 60% = 600; inactive 70% → (1 + 0.7 × 0.5) / 1.25 = 1.08 → 648.
  // GM0002: base 2000 × 40% = 800; inactive 30% → (1 + 0.3 × 0.5) / 1.25 = 0.92 → 736.
  // Renormalisation keeps the total at 600 + 800 = 1400: k = 1400 / (648 + 736) = 1400 / 1384.
  const k = 1400 / 1384;
  const a = at(table, 'GM0001');
  const b = at(table, 'GM0002');
  assert.ok(Math.abs(table.multipliers[0]![a]! - 1.08) < 1e-12);
  assert.ok(Math.abs(table.multipliers[0]![b]! - 0.92) < 1e-12);
  assert.ok(Math.abs(table.renormalisationFactor - k) < 1e-12);
  assert.ok(Math.abs(table.estimate[a]! - 648 * k) < 1e-9);
  assert.ok(Math.abs(table.estimate[b]! - 736 * k) < 1e-9);
  assert.ok(Math.abs(table.estimate[a]! + table.estimate[b]! - 1400) < 1e-9, 'the level total stays fixed');

  // The decomposition adds up: term + factor + normalisation = estimate; inactivity pushes GM0001 up.
  const row = estimateRow(table, a);
  assert.equal(row.terms[0]!.value, 600);
  assert.ok(row.factors[0]!.contribution! > 0);
  assert.ok(Math.abs(row.terms[0]!.value! + row.factors[0]!.contribution! + row.normalisation! - row.estimate!) < 1e-9);

  // Range: share margin 5% (gemeente) in quadrature with the RR interval and the exposure margin.
  // RR 1.2: (1 + 0.7 × 0.2) / (1 + 0.5 × 0.2) = 1.14 / 1.1; RR 2.0: 1.7 / 1.5; relative to 1.08.
  // Exposure ±5% of 0.7 = ±0.035: (1 + 0.665 × 0.5) / 1.25 and (1 + 0.735 × 0.5) / 1.25, relative to 1.08.
  const rrDown = 1.14 / 1.1 / 1.08 - 1;
  const rrUp = 1.7 / 1.5 / 1.08 - 1;
  const expDown = (1 + 0.665 * 0.5) / 1.25 / 1.08 - 1;
  const expUp = (1 + 0.735 * 0.5) / 1.25 / 1.08 - 1;
  const down = Math.sqrt(0.05 ** 2 + rrDown ** 2 + expDown ** 2);
  const up = Math.sqrt(0.05 ** 2 + rrUp ** 2 + expUp ** 2);
  assert.ok(Math.abs(row.low! - row.estimate! * (1 - down)) < 1e-9, `low ${row.low}`);
  assert.ok(Math.abs(row.high! - row.estimate! * (1 + up)) < 1e-9, `high ${row.high}`);
});

test('estimateTarget calibrates rate terms to a national total and adjusts by a count-ratio exposure', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0002' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2022', unit: 'count', values: { NL00: 10000, GM0001: 200, GM0002: 300 } },
      { indicatorId: 'inwoners', period: '2022', unit: 'count', values: { NL00: 10000, GM0001: 1000, GM0002: 1000 } },
      { indicatorId: 'migratie_suriname', period: '2022', unit: 'count', values: { NL00: 200, GM0001: 100, GM0002: 0 } },
    ],
  );
  const model = target(
    {
      id: 'diabetes-test',
      labelNl: 'Diabetes',
      labelEn: 'Diabetes',
      descriptionNl: 'indirecte standaardisatie',
      terms: [{ labelNl: '65+', population: 'leeftijd_65plus', rate: 0.1 }],
      factors: [
        {
          id: 'migratie',
          labelNl: 'Migratie',
          labelEn: 'Migration',
          categories: [
            {
              labelNl: 'Suriname',
              exposure: { kind: 'count-ratio', count: 'migratie_suriname', denominator: 'inwoners' },
              relativeRisk: { estimate: 3, low: 2, high: 4 },
              source: 'test',
            },
          ],
        },
      ],
      calibration: { nationalTotal: 1500, year: 2023, sourceNl: 'test' },
    },
    cube,
  );
  const table = estimateTarget(cube, model, { level: 'gemeente' });
  // National expectation 10000 × 0.1 = 1000 → calibration 1500 / 1000 = 1.5.
  assert.equal(table.calibrationFactor, 1.5);
  // GM0001: 200 × 0.1 × 1.5 = 30; Surinamese 10% vs 2% nationally → (1 + 0.1 × 2) / (1 + 0.02 × 2) = 1.2 / 1.04.
  // GM0002: 300 × 0.1 × 1.5 = 45; 0% → 1 / 1.04.
  assert.ok(Math.abs(table.estimate[at(table, 'GM0001')]! - (30 * 1.2) / 1.04) < 1e-9);
  assert.ok(Math.abs(table.estimate[at(table, 'GM0002')]! - 45 / 1.04) < 1e-9);
  assert.equal(table.renormalisationFactor, 1, 'no renormalisation asked');
  assert.ok(Math.abs(table.share[at(table, 'GM0002')]! - (45 / 1.04 / 1000) * 100) < 1e-9);
});

test('choosePopulationPeriod takes the count period whose codes match the share codes best, then the latest', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0002' }, { code: 'GM0003' }, { code: 'GM0004' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 1, GM0001: 1, GM0002: 1, GM0003: 1 } },
      { indicatorId: 'leeftijd_65plus', period: '2022', unit: 'count', values: { NL00: 1, GM0001: 1, GM0004: 1 } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', values: { NL00: 1, GM0001: 1, GM0002: 1, GM0003: 1 } },
    ],
  );
  const choice = choosePopulationPeriod(cube, target(lonelyElderly, cube), 'gemeente', '2020');
  assert.equal(choice.period, '2021');
  assert.deepEqual(choice.overlap, [
    { period: '2021', codesInBoth: 3, onlyInCounts: 0, onlyInShares: 0 },
    { period: '2022', codesInBoth: 1, onlyInCounts: 1, onlyInShares: 2 },
  ]);

  const tied = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 1, GM0001: 1 } },
      { indicatorId: 'leeftijd_65plus', period: '2022', unit: 'count', values: { NL00: 1, GM0001: 1 } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', values: { NL00: 1, GM0001: 1 } },
    ],
  );
  assert.equal(choosePopulationPeriod(tied, target(lonelyElderly, tied), 'gemeente', '2020').period, '2022');
});

test('estimateTarget names the indicator and period when a needed column does not exist', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }],
    [
      { indicatorId: 'leeftijd_65plus', period: '2021', unit: 'count', values: { NL00: 1, GM0001: 1 } },
      { indicatorId: 'eenzaam_65plus', period: '2020', unit: 'percent', values: { NL00: 1, GM0001: 1 } },
    ],
  );
  assert.throws(
    () => estimateTarget(cube, target(lonelyElderly, cube), { level: 'gemeente', populationPeriod: '2022' }),
    /leeftijd_65plus has values for 2022/,
  );
});

test('additivityCheck compares wijken summed per gemeente with the gemeente estimate', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0002' }, { code: 'GM0003' }, { code: 'WK000101' }, { code: 'WK000102' }, { code: 'WK000201' }, { code: 'WK000301' }, { code: 'WK000302' }],
    [
      {
        indicatorId: 'leeftijd_65plus',
        period: '2021',
        unit: 'count',
        values: { NL00: 9999, GM0001: 1400, GM0002: 1000, GM0003: 500, WK000101: 1000, WK000102: 400, WK000201: 1000, WK000301: 250, WK000302: 250 },
      },
      {
        indicatorId: 'eenzaam_65plus',
        period: '2020',
        unit: 'percent',
        values: { NL00: 48, GM0001: 45, GM0002: 40, GM0003: 40, WK000101: 50, WK000102: 30, WK000201: 50, WK000301: 40, WK000302: null },
      },
    ],
  );
  const model = target(lonelyElderly, cube);
  const wijken = estimateTarget(cube, model, { level: 'wijk' });
  const gemeenten = estimateTarget(cube, model, { level: 'gemeente' });
  const rows = additivityCheck(wijken, gemeenten);
  // GM0001: 1400 × 45% = 630 vs 1000 × 50% + 400 × 30% = 620 → −1.6%, within 5%.
  // GM0002: 1000 × 40% = 400 vs 500 → +25%, outside. GM0003: a wijk without estimate → not comparable.
  assert.deepEqual(
    rows.map((r) => [r.parentCode, r.parentEstimate, r.childSum, r.childrenMissing, r.withinMargin]),
    [
      ['GM0001', 630, 620, 0, true],
      ['GM0002', 400, 500, 0, false],
      ['GM0003', 200, 100, 1, null],
    ],
  );
  assert.ok(Math.abs(rows[0]!.relativeDeviation! - (620 - 630) / 630) < 1e-12);
  assert.ok(Math.abs(rows[1]!.relativeDeviation! - 0.25) < 1e-12);
  assert.equal(additivityCheck(wijken, gemeenten, { relativeMargin: 0.3 })[1]!.withinMargin, true);
});

/** Residents × rate, adjusted by one count-ratio factor (Surinamese origin over residents) with the given RR. */
function migrationTarget(cube: ReturnType<typeof syntheticCube>, rr: { estimate: number; low: number; high: number }, categories = 1): TargetDefinition {
  return target(
    {
      id: 'migratie-test',
      labelNl: 'Migratie',
      labelEn: 'Migration',
      descriptionNl: 'test',
      terms: [{ labelNl: 'inwoners', population: 'inwoners', rate: 0.1 }],
      factors: [
        {
          id: 'migratie',
          labelNl: 'Migratie',
          labelEn: 'Migration',
          categories: Array.from({ length: categories }, (_, c) => ({
            labelNl: `Suriname ${c}`,
            exposure: { kind: 'count-ratio' as const, count: 'migratie_suriname', denominator: 'inwoners' },
            relativeRisk: rr,
            source: 'test',
          })),
        },
      ],
    },
    cube,
  );
}

test('estimateTarget refuses a national count-ratio exposure above 1 instead of flipping the relative risk', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }],
    [
      { indicatorId: 'inwoners', period: '2022', unit: 'count', values: { NL00: 1000, GM0001: 100 } },
      // A count that is not a part of the denominator: 1500 "of" 1000 residents.
      { indicatorId: 'migratie_suriname', period: '2022', unit: 'count', values: { NL00: 1500, GM0001: 10 } },
    ],
  );
  assert.throws(
    () => estimateTarget(cube, migrationTarget(cube, { estimate: 3, low: 2, high: 4 }), { level: 'gemeente' }),
    (error: Error) => /factor migratie: the national \(NL00\) exposure from migratie_suriname and inwoners is 1\.5, not a share between 0 and 1/.test(error.message),
  );
});

test('estimateTarget refuses a factor whose national denominator 1 + Σ p(RR − 1) is not positive', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }],
    [
      { indicatorId: 'inwoners', period: '2022', unit: 'count', values: { NL00: 1000, GM0001: 100 } },
      { indicatorId: 'migratie_suriname', period: '2022', unit: 'count', values: { NL00: 600, GM0001: 10 } },
    ],
  );
  // Two categories of p = 0.6 with RR 0.1: 1 + 2 × 0.6 × (0.1 − 1) = −0.08.
  assert.throws(
    () => estimateTarget(cube, migrationTarget(cube, { estimate: 0.1, low: 0.05, high: 0.2 }, 2), { level: 'gemeente' }),
    (error: Error) => /factor migratie: the national denominator 1 \+ Σ p × \(RR − 1\) is -?[\d.e-]+, not positive/.test(error.message),
  );
});

test('estimateTarget makes an area whose exposure is not a share (above 1, or a count over 0 residents) missing, never a number', () => {
  const cube = syntheticCube(
    [{ code: 'NL00' }, { code: 'GM0001' }, { code: 'GM0002' }, { code: 'GM0003' }],
    [
      { indicatorId: 'inwoners', period: '2022', unit: 'count', values: { NL00: 1000, GM0001: 100, GM0002: 50, GM0003: 0 } },
      { indicatorId: 'migratie_suriname', period: '2022', unit: 'count', values: { NL00: 100, GM0001: 10, GM0002: 80, GM0003: 5 } },
    ],
  );
  const table = estimateTarget(cube, migrationTarget(cube, { estimate: 3, low: 2, high: 4 }), { level: 'gemeente' });
  // GM0001: 100 × 0.1 × (1 + 0.1 × 2) / (1 + 0.1 × 2) = 10.
  assert.ok(Math.abs(table.estimate[at(table, 'GM0001')]! - 10) < 1e-9);
  for (const code of ['GM0002', 'GM0003']) {
    assert.ok(Number.isNaN(table.estimate[at(table, code)]!), code);
    assert.deepEqual(estimateRow(table, at(table, code)).estimate, null, code);
    assert.deepEqual(table.missing[at(table, code)], [{ indicatorId: 'migratie_suriname', period: '2022', reason: 'unreliable' }], code);
  }
});
