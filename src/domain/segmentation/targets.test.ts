import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReferenceTable } from '../../shared/snapshot.ts';
import type { Unit } from '../../shared/types.ts';
import {
  BUILT_IN_TARGETS,
  DIABETES_TYPE_2_NATIONAL,
  RISK_DIABETES_TYPE_2,
  diabetesType2Target,
  parseAgeClass,
  validateTarget,
} from './targets.ts';

function catalog(entries: Record<string, Unit>): Map<string, { unit: Unit }> {
  return new Map(Object.entries(entries).map(([id, unit]) => [id, { unit }]));
}

const CATALOG = catalog({
  inwoners: 'count',
  leeftijd_15_24: 'count',
  leeftijd_25_44: 'count',
  leeftijd_45_64: 'count',
  leeftijd_65plus: 'count',
  migratie_suriname: 'count',
  migratie_turkije: 'count',
  migratie_marokko: 'count',
  oppervlakte_land: 'ha',
  overgewicht_18plus: 'percent',
  overgewicht_18_64: 'percent',
  overgewicht_65plus: 'percent',
  obesitas_18plus: 'percent',
  voldoet_beweegrichtlijn_18plus: 'percent',
  eenzaam_65plus: 'percent',
  ernstig_eenzaam_65plus: 'percent',
  moeite_rondkomen_18plus: 'percent',
  beperking_bewegen_65plus: 'percent',
  bevolkingsdichtheid: 'per-km2',
});

const userTarget = {
  id: 'rokende-ouderen',
  labelNl: 'Rokende ouderen',
  labelEn: 'Smoking older people',
  descriptionNl: 'Inwoners van 65 jaar en ouder die roken.',
  terms: [{ labelNl: '65+', population: 'leeftijd_65plus', share: 'eenzaam_65plus' }],
};

test('validateTarget accepts a user-defined target and fills in the defaults', () => {
  const result = validateTarget(userTarget, CATALOG);
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.deepEqual(result.target.factors, []);
  assert.equal(result.target.renormalise, false);
  assert.equal(result.target.terms[0]!.populationFraction, 1);
  assert.deepEqual(result.target.terms[0]!.shareFallbacks, []);
});

test('validateTarget accepts an id of 80 characters and refuses a longer one, which the API could not read back', () => {
  const id80 = `a${'-b'.repeat(39)}a`.slice(0, 80);
  assert.equal(id80.length, 80);
  assert.equal(validateTarget({ ...userTarget, id: id80 }, CATALOG).ok, true);
  const result = validateTarget({ ...userTarget, id: `${id80}b` }, CATALOG);
  assert.deepEqual(result, { ok: false, issues: [{ path: 'id', message: 'id mag hoogstens 80 tekens lang zijn' }] });
});

test('validateTarget names an unknown indicator and where it is', () => {
  const result = validateTarget({ ...userTarget, terms: [{ labelNl: '65+', population: 'leeftijd_65plus', share: 'rokers_65plus' }] }, CATALOG);
  assert.deepEqual(result, { ok: false, issues: [{ path: 'terms.0.share', message: 'onbekende indicator "rokers_65plus"' }] });
});

test('validateTarget rejects a share indicator that is not a percentage', () => {
  const result = validateTarget({ ...userTarget, terms: [{ labelNl: '65+', population: 'leeftijd_65plus', share: 'bevolkingsdichtheid' }] }, CATALOG);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.issues.length, 1);
  assert.equal(result.issues[0]!.path, 'terms.0.share');
  assert.match(result.issues[0]!.message, /"bevolkingsdichtheid" is geen percentage .* eenheid per-km2/);
});

test('validateTarget rejects a population indicator that is not a count', () => {
  const result = validateTarget({ ...userTarget, terms: [{ labelNl: '65+', population: 'overgewicht_65plus', share: 'eenzaam_65plus' }] }, CATALOG);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.issues.map((issue) => issue.path), ['terms.0.population']);
  assert.match(result.issues[0]!.message, /is geen aantal \(eenheid count\) maar heeft eenheid percent/);
});

test('validateTarget reports every problem at once, including in factor exposures', () => {
  const result = validateTarget(
    {
      ...userTarget,
      terms: [{ labelNl: 'x', population: 'onbekend_a', share: 'onbekend_b' }],
      factors: [
        {
          id: 'f',
          labelNl: 'f',
          labelEn: 'f',
          categories: [
            {
              labelNl: 'c',
              exposure: { kind: 'count-ratio', count: 'overgewicht_18plus', denominator: 'inwoners' },
              relativeRisk: { estimate: 2, low: 1.5, high: 2.5 },
              source: 'bron',
            },
          ],
        },
      ],
    },
    CATALOG,
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.issues.map((issue) => issue.path), [
    'terms.0.population',
    'terms.0.share',
    'factors.0.categories.0.exposure.count',
  ]);
});

test('validateTarget reports shape errors with their path before looking at the catalog', () => {
  const result = validateTarget(
    {
      ...userTarget,
      id: 'Met Spaties',
      terms: [{ labelNl: 'x', population: 'leeftijd_65plus', share: 'eenzaam_65plus', rate: 0.1 }],
      factors: [
        {
          id: 'f',
          labelNl: 'f',
          labelEn: 'f',
          categories: [
            { labelNl: 'c', exposure: { kind: 'percent', indicator: 'eenzaam_65plus' }, relativeRisk: { estimate: 3, low: 1, high: 2 }, source: 'b' },
          ],
        },
      ],
    },
    CATALOG,
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  const byPath = new Map(result.issues.map((issue) => [issue.path, issue.message]));
  assert.match(byPath.get('id') ?? '', /kleine letters/);
  assert.match(byPath.get('terms.0') ?? '', /óf een vaste rate/);
  assert.match(byPath.get('factors.0.categories.0.relativeRisk') ?? '', /ondergrens ≤ schatting ≤ bovengrens/);
});

test('validateTarget rejects a term without terms and a non-object', () => {
  const empty = validateTarget({ ...userTarget, terms: [] }, CATALOG);
  assert.equal(empty.ok, false);
  if (!empty.ok) assert.match(empty.issues[0]!.message, /minstens één term/);
  assert.equal(validateTarget('geen doelgroep', CATALOG).ok, false);
});

test('every built-in target validates against the catalog ids it is written for', () => {
  for (const target of BUILT_IN_TARGETS) {
    const result = validateTarget(target, CATALOG);
    assert.equal(result.ok, true, `${target.id}: ${JSON.stringify(result.ok ? null : result.issues)}`);
  }
});

test('the diabetes risk model keeps overweight in its base and not again as a factor', () => {
  const factorIndicators = RISK_DIABETES_TYPE_2.factors.flatMap((factor) =>
    factor.categories.map((category) => (category.exposure.kind === 'percent' ? category.exposure.indicator : category.exposure.count)),
  );
  assert.ok(RISK_DIABETES_TYPE_2.terms.every((term) => term.share?.startsWith('overgewicht_')));
  assert.ok(factorIndicators.every((id) => !id.startsWith('overgewicht') && !id.startsWith('obesitas')));
});

test('parseAgeClass reads the age labels of the CBS table', () => {
  assert.deepEqual(parseAgeClass('45 tot 50 jaar'), { from: 45, to: 50 });
  assert.deepEqual(parseAgeClass('75 jaar of ouder'), { from: 75, to: Number.POSITIVE_INFINITY });
  assert.deepEqual(parseAgeClass('0 jaar'), { from: 0, to: 1 });
  assert.equal(parseAgeClass('Totaal leeftijd'), null);
});

function referenceTable(rows: [string, string, string, number | null][]): ReferenceTable {
  return {
    id: 'diabetes-huisarts-2002-2009',
    titleNl: 'synthetisch',
    datasetId: 'test',
    publisher: 'test',
    tableId: 'test',
    sourceColumn: 'aantalpatienten',
    unit: 'per-1000',
    dimensions: ['jaar', 'geslacht', 'leeftijd'],
    rows: rows.map(([jaar, geslacht, leeftijd, value]) => ({
      dims: [jaar, geslacht, leeftijd],
      value,
      missing: value === null ? 'unknown' : null,
    })),
  };
}

test('diabetesType2Target averages the latest year, both sexes, into the KWB age bands', () => {
  const T = 'Totaal mannen en vrouwen';
  const table = referenceTable([
    ['2008', T, '45 tot 50 jaar', 999],
    ['2009', 'Mannen', '45 tot 50 jaar', 999],
    ['2009', T, 'Totaal leeftijd', 45],
    ['2009', T, '10 tot 15 jaar', 1],
    ['2009', T, '15 tot 20 jaar', 2],
    ['2009', T, '20 tot 25 jaar', 4],
    ['2009', T, '25 tot 30 jaar', 4],
    ['2009', T, '30 tot 35 jaar', 6],
    ['2009', T, '35 tot 40 jaar', 10],
    ['2009', T, '40 tot 45 jaar', null],
    ['2009', T, '45 tot 50 jaar', 30],
    ['2009', T, '50 tot 55 jaar', 50],
    ['2009', T, '65 tot 70 jaar', 130],
    ['2009', T, '70 tot 75 jaar', 160],
    ['2009', T, '75 jaar of ouder', 190],
  ]);
  const model = diabetesType2Target(table);
  assert.equal(model.referenceYear, 2009);
  // (2+4)/2 = 3; (4+6+10)/3 (40–45 unknown, skipped) = 6.667; (30+50)/2 = 40; (130+160+190)/3 = 160.
  assert.deepEqual(
    model.rates.map((rate) => Math.round(rate.per1000 * 1000) / 1000),
    [3, 6.667, 40, 160],
  );
  assert.deepEqual(model.rates[3]!.classes, ['65 tot 70 jaar', '70 tot 75 jaar', '75 jaar of ouder']);
  assert.equal(model.target.terms[2]!.rate, 0.04);
  assert.equal(model.target.terms[2]!.population, 'leeftijd_45_64');
  assert.equal(model.target.calibration?.nationalTotal, DIABETES_TYPE_2_NATIONAL.nationalTotal);
  assert.equal(validateTarget(model.target, CATALOG).ok, true);
});

test('diabetesType2Target refuses a table without the needed dimensions', () => {
  const table = { ...referenceTable([]), dimensions: ['jaar', 'leeftijd'] };
  assert.throws(() => diabetesType2Target(table), /needs dimensions jaar, geslacht, leeftijd/);
});
