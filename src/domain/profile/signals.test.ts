import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusters, deviations, formatValue, levelCorrelation, topSignals } from './signals.ts';
import { pearson } from './stats.ts';
import { fakeCube } from './testing.ts';

const GEMEENTEN = ['GM0001', 'GM0002', 'GM0003', 'GM0004', 'GM0005', 'GM0006'];

function column(indicatorId: string, nl: number, values: number[]) {
  return {
    indicatorId,
    period: '2020',
    datasetId: 'rivm-2020-18plus',
    classificationYear: 2020,
    values: { NL00: nl, ...Object.fromEntries(GEMEENTEN.map((c, i) => [c, values[i]!])) },
  };
}

// GM0001 does badly on roken and overgewicht (which rise together across gemeenten), on beweegrichtlijn (which
// falls where those rise) and on geluidhinder (unrelated to the others), and well on sporten.
const SERIES = {
  roker_18plus: [30, 20, 22, 18, 21, 19],
  overgewicht_18plus: [40, 25, 28, 24, 27, 26],
  voldoet_beweegrichtlijn_18plus: [50, 70, 68, 72, 69, 71],
  geluidhinder_buren_18plus: [30, 30, 10, 10, 10, 30],
  wekelijkse_sporters_18plus: [70, 50, 52, 49, 51, 50],
  drinker_18plus: [99, 50, 50, 50, 50, 50],
};

function signalCube() {
  return fakeCube({
    areas: [{ code: 'NL00', level: 'land' }, ...GEMEENTEN.map((code) => ({ code, level: 'gemeente' as const, parentCode: 'NL00' }))],
    indicators: [
      { id: 'roker_18plus', labelNl: 'Roker (18+)', labelEn: 'Smoker (18+)', ageGroup: '18+', polarity: 'higher-is-worse' },
      { id: 'overgewicht_18plus', labelNl: 'Overgewicht (18+)', labelEn: 'Overweight (18+)', ageGroup: '18+', polarity: 'higher-is-worse' },
      { id: 'voldoet_beweegrichtlijn_18plus', labelNl: 'Voldoet aan beweegrichtlijn (18+)', ageGroup: '18+', polarity: 'higher-is-better' },
      { id: 'geluidhinder_buren_18plus', ageGroup: '18+', polarity: 'higher-is-worse' },
      { id: 'wekelijkse_sporters_18plus', ageGroup: '18+', polarity: 'higher-is-better' },
      { id: 'drinker_18plus', ageGroup: '18+', polarity: 'no-judgement' },
    ],
    columns: [
      column('roker_18plus', 20, SERIES.roker_18plus),
      column('overgewicht_18plus', 26, SERIES.overgewicht_18plus),
      column('voldoet_beweegrichtlijn_18plus', 70, SERIES.voldoet_beweegrichtlijn_18plus),
      column('geluidhinder_buren_18plus', 20, SERIES.geluidhinder_buren_18plus),
      column('wekelijkse_sporters_18plus', 50, SERIES.wekelijkse_sporters_18plus),
      column('drinker_18plus', 50, SERIES.drinker_18plus),
    ],
  });
}

const ALL = Object.keys(SERIES).map((id) => ({ id, period: '2020' }));

test('deviations splits polarity-aware deviations into favourable and unfavourable, strongest first', () => {
  const { favourable, unfavourable } = deviations(signalCube(), 'GM0001', 'gemeente', ALL);
  assert.deepEqual(favourable.map((s) => s.indicatorId), ['wekelijkse_sporters_18plus']);
  assert.deepEqual(new Set(unfavourable.map((s) => s.indicatorId)), new Set(['roker_18plus', 'overgewicht_18plus', 'voldoet_beweegrichtlijn_18plus', 'geluidhinder_buren_18plus']));
  for (let i = 1; i < unfavourable.length; i++) assert.ok(unfavourable[i - 1]!.z <= unfavourable[i]!.z);
  assert.ok(unfavourable.every((s) => s.z < 0 && s.judgementVsNl === 'worse'));
  // A no-judgement indicator never becomes a signal, however extreme.
  assert.ok(![...favourable, ...unfavourable].some((s) => s.indicatorId === 'drinker_18plus'));
});

test('deviations writes a plain sentence in Dutch and English with the area and national figures', () => {
  const { unfavourable } = deviations(signalCube(), 'GM0001', 'gemeente', ALL);
  const roker = unfavourable.find((s) => s.indicatorId === 'roker_18plus')!;
  assert.equal(roker.textNl, "Het percentage 'Roker (18+)' is hoger dan gemiddeld in Nederland (30,0 % tegen 20,0 %).");
  assert.equal(roker.textEn, "The percentage 'Smoker (18+)' is higher than the Dutch average (30.0% vs 20.0%).");
});

test('deviations of an average area are empty', () => {
  const { favourable, unfavourable } = deviations(signalCube(), 'GM0005', 'gemeente', ALL.filter((x) => x.id !== 'geluidhinder_buren_18plus'));
  assert.equal(favourable.length + unfavourable.length, 0);
});

test('levelCorrelation is Pearson r over the areas of the level (not Nederland)', () => {
  const c = levelCorrelation(signalCube(), 'gemeente', { id: 'roker_18plus', period: '2020' }, { id: 'overgewicht_18plus', period: '2020' });
  const expected = pearson(Float64Array.from(SERIES.roker_18plus), Float64Array.from(SERIES.overgewicht_18plus));
  assert.equal(c.n, 6);
  assert.ok(Math.abs(c.r - expected.r) < 1e-12);
});

test('clusters group concerns that correlate in the unfavourable direction and leave unrelated ones out', () => {
  const cube = signalCube();
  const { unfavourable } = deviations(cube, 'GM0001', 'gemeente', ALL);
  const found = clusters(cube, 'gemeente', unfavourable);
  assert.equal(found.length, 1);
  const cluster = found[0]!;
  assert.deepEqual(new Set(cluster.indicatorIds), new Set(['roker_18plus', 'overgewicht_18plus', 'voldoet_beweegrichtlijn_18plus']));
  // The seed is the strongest concern; every link runs from the seed.
  assert.equal(cluster.indicatorIds[0], unfavourable.filter((s) => s.indicatorId !== 'geluidhinder_buren_18plus')[0]!.indicatorId);
  assert.ok(cluster.links.every((l) => l.a === cluster.indicatorIds[0]));
  // The beweegrichtlijn link has a negative r (higher-is-better against higher-is-worse): still the same concern.
  const link = cluster.links.find((l) => l.b === 'voldoet_beweegrichtlijn_18plus' || l.a === 'voldoet_beweegrichtlijn_18plus')!;
  assert.ok(link.r <= -0.5);
  assert.ok(cluster.links.every((l) => Math.abs(l.r) >= 0.5));
  const unrelated = pearson(Float64Array.from(SERIES.roker_18plus), Float64Array.from(SERIES.geluidhinder_buren_18plus)).r;
  assert.ok(Math.abs(unrelated) < 0.5, 'fixture: geluidhinder is unrelated');
  assert.match(cluster.textNl, /^Deze aandachtspunten hangen met elkaar samen: .+ en .+\. In gemeenten waar/);
  assert.match(cluster.textEn, /r = -?0\.\d\d\)\.$/);
});

test('formatValue uses a decimal comma in Dutch', () => {
  assert.equal(formatValue(50.84, 1, 'percent', 'nl'), '50,8 %');
  assert.equal(formatValue(50.84, 1, 'percent', 'en'), '50.8%');
  assert.equal(formatValue(2.1, 1, 'number', 'nl'), '2,1');
});

test('topSignals keeps one age group per measure, the strongest', () => {
  const base = { labelNl: '', labelEn: '', period: '2020', value: 1, nlValue: 1, levelMean: 1, levelSd: 1, levelN: 1, judgementVsNl: 'worse' as const, textNl: '', textEn: '' };
  const signals = [
    { ...base, indicatorId: 'overgewicht_18plus', ageGroup: '18+' as const, z: -3 },
    { ...base, indicatorId: 'overgewicht_18_64', ageGroup: '18-64' as const, z: -2.5 },
    { ...base, indicatorId: 'roker_65plus', ageGroup: '65+' as const, z: -2 },
  ];
  assert.deepEqual(topSignals(signals, 5).map((s) => s.indicatorId), ['overgewicht_18plus', 'roker_65plus']);
  assert.deepEqual(topSignals(signals, 1).map((s) => s.indicatorId), ['overgewicht_18plus']);
});
