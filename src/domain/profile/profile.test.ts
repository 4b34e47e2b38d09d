import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProfile } from './profile.ts';
import { buildCube } from '../build-cube.ts';
import { levelStatistics } from './compare.ts';
import { quantile } from './stats.ts';
import { fakeCube } from './testing.ts';
import type { FakeColumn } from './testing.ts';

// One provincie with three gemeenten in one GGD-regio; gemeente GM0001 has four wijken on the RIVM classification
// (2020). KWB 2022 no longer has WK000104 (a changed classification), KWB 2021 still does.
function rivm(indicatorId: string, period: string, values: FakeColumn['values']): FakeColumn {
  return { indicatorId, period, datasetId: `rivm-${period}`, classificationYear: 2020, values };
}
function kwb(indicatorId: string, year: number, values: FakeColumn['values']): FakeColumn {
  return { indicatorId, period: String(year), datasetId: `kwb-${year}`, classificationYear: year, values };
}

function profileCube() {
  const inGm1 = { parentCode: 'GM0001', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' };
  return fakeCube({
    areas: [
      { code: 'NL00', level: 'land', name: 'Nederland' },
      { code: 'PV01', level: 'provincie', name: 'Noordland', parentCode: 'NL00' },
      { code: 'ggd-noord', level: 'ggdregio', name: 'GGD Noord', parentCode: 'NL00' },
      { code: 'GM0001', level: 'gemeente', name: 'Aastad', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'GM0002', level: 'gemeente', name: 'Bedorp', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'GM0003', level: 'gemeente', name: 'Cewoude', parentCode: 'PV01', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
      { code: 'WK000101', level: 'wijk', name: 'Centrum', ...inGm1 },
      { code: 'WK000102', level: 'wijk', name: 'Oost', ...inGm1 },
      { code: 'WK000103', level: 'wijk', name: 'West', ...inGm1 },
      { code: 'WK000104', level: 'wijk', name: 'Zuid', ...inGm1 },
      { code: 'BU00010101', level: 'buurt', name: 'Markt', parentCode: 'WK000101', provinceCode: 'PV01', ggdRegionCode: 'ggd-noord' },
    ],
    indicators: [
      { id: 'overgewicht_18plus', labelNl: 'Overgewicht (18+)', labelEn: 'Overweight (18+)', ageGroup: '18+', polarity: 'higher-is-worse', isEstimate: true, theme: 'leefstijl' },
      { id: 'obesitas_18plus', labelNl: 'Obesitas (18+)', labelEn: 'Obesity (18+)', ageGroup: '18+', polarity: 'higher-is-worse', isEstimate: true, theme: 'leefstijl' },
      { id: 'ervaren_gezondheid_goed_18plus', labelNl: 'Ervaren gezondheid (zeer) goed (18+)', ageGroup: '18+', polarity: 'higher-is-better', isEstimate: true },
      { id: 'inwoners', unit: 'count', decimals: 0, theme: 'bevolking' },
      { id: 'leeftijd_0_14', unit: 'count', theme: 'bevolking' },
      { id: 'leeftijd_15_24', unit: 'count', theme: 'bevolking' },
      { id: 'leeftijd_65plus', unit: 'count', theme: 'bevolking' },
      { id: 'inkomen_per_inwoner', unit: 'euro-x1000', theme: 'inkomen' },
    ],
    columns: [
      rivm('overgewicht_18plus', '2012', { NL00: 48, GM0001: 50, GM0002: 47, GM0003: 45, WK000101: null, WK000102: 50, WK000103: 45, WK000104: 48 }),
      rivm('overgewicht_18plus', '2016', { NL00: 49, GM0001: 52, GM0002: 48, GM0003: 46, WK000101: 58, WK000102: 51, WK000103: 46, WK000104: 49 }),
      rivm('overgewicht_18plus', '2020', { NL00: 50, GM0001: 54, GM0002: 49, GM0003: 47, WK000101: 60, WK000102: 52, WK000103: 47, WK000104: 50, BU00010101: null }),
      rivm('obesitas_18plus', '2020', { NL00: 15, GM0001: 17, GM0002: 15, GM0003: 14, WK000101: 22, WK000102: 16, WK000103: 13, WK000104: 15, BU00010101: 21 }),
      rivm('ervaren_gezondheid_goed_18plus', '2020', { NL00: 78, GM0001: 75, GM0002: 79, GM0003: 80, WK000101: 68, WK000102: 76, WK000103: 80, WK000104: 77, BU00010101: 66 }),
      kwb('inwoners', 2021, { GM0001: 10000, GM0002: 5000, GM0003: 2000, WK000101: 4000, WK000102: 3000, WK000103: 2000, WK000104: 1000 }),
      kwb('leeftijd_0_14', 2021, { GM0001: 1500, GM0002: 800, GM0003: 300, WK000101: 400, WK000102: 600, WK000103: 300, WK000104: 200 }),
      kwb('leeftijd_15_24', 2021, { GM0001: 1000, GM0002: 500, GM0003: 200, WK000101: 600, WK000102: 200, WK000103: 100, WK000104: 100 }),
      kwb('leeftijd_65plus', 2021, { GM0001: 2000, GM0002: 1000, GM0003: 500, WK000101: 600, WK000102: 700, WK000103: 400, WK000104: 300 }),
      kwb('inkomen_per_inwoner', 2021, { GM0001: 30, GM0002: 28, GM0003: 33, WK000101: 24, WK000102: 31, WK000103: 35, WK000104: 'secret' }),
      kwb('inwoners', 2022, { GM0001: 10100, GM0002: 5050, GM0003: 2020, WK000101: 4050, WK000102: 3030, WK000103: 3020 }),
      kwb('leeftijd_65plus', 2022, { GM0001: 2100, GM0002: 1050, GM0003: 520, WK000101: 810, WK000102: 720, WK000103: 420 }),
    ],
  });
}

test('buildProfile of an unknown code is null', () => {
  assert.equal(buildProfile(profileCube(), 'WK999999'), null);
});

test('buildProfile names the area, its ancestors, its GGD-regio and the comparators in order', () => {
  const profile = buildProfile(profileCube(), 'WK000101')!;
  assert.deepEqual(profile.area.code, 'WK000101');
  assert.deepEqual(profile.ancestors.map((a) => a.code), ['GM0001', 'PV01', 'NL00']);
  assert.equal(profile.ggdRegion?.code, 'ggd-noord');
  assert.deepEqual(profile.comparators.map((c) => [c.role, c.area.code]), [['gemeente', 'GM0001'], ['ggdregio', 'ggd-noord'], ['provincie', 'PV01'], ['land', 'NL00']]);
  const gemeente = buildProfile(profileCube(), 'GM0001')!;
  assert.deepEqual(gemeente.comparators.map((c) => c.role), ['ggdregio', 'provincie', 'land']);
});

test('health: differences with each comparator in percentage points and a polarity-aware judgement', () => {
  const profile = buildProfile(profileCube(), 'WK000101')!;
  const overgewicht = profile.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
  assert.equal(overgewicht.period, '2020');
  assert.equal(overgewicht.isEstimate, true);
  assert.equal(overgewicht.value.value, 60);
  const vsNl = overgewicht.comparisons.find((c) => c.role === 'land')!;
  assert.equal(vsNl.difference, 60 - 50);
  // SD over the four wijken (60, 52, 47, 50) is about 5.6: 10 points more overweight is 'worse'.
  assert.equal(overgewicht.judgementVsNl, 'worse');
  assert.equal(overgewicht.comparisons.find((c) => c.role === 'gemeente')!.difference, 60 - 54);
  assert.equal(overgewicht.judgementVsGemeente, 'worse');
  const gezond = profile.health.find((h) => h.indicatorId === 'ervaren_gezondheid_goed_18plus')!;
  // Lower perceived health (68 against 78) is worse for a higher-is-better indicator.
  assert.equal(gezond.judgementVsNl, 'worse');
  const west = buildProfile(profileCube(), 'WK000103')!.health.find((h) => h.indicatorId === 'ervaren_gezondheid_goed_18plus')!;
  assert.equal(west.judgementVsNl, 'similar');
});

test('health: GGD-regio and provincie values are weighted means of gemeenten, labelled as derived', () => {
  const profile = buildProfile(profileCube(), 'WK000101')!;
  const overgewicht = profile.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
  const provincie = overgewicht.comparisons.find((c) => c.role === 'provincie')!;
  // Adults 18+ from KWB 2021 (nearest to 2020): inhabitants − 0–14 − 3/10 × 15–24.
  const w = [10000 - 1500 - 300, 5000 - 800 - 150, 2000 - 300 - 60];
  const expected = (w[0]! * 54 + w[1]! * 49 + w[2]! * 47) / (w[0]! + w[1]! + w[2]!);
  assert.ok(Math.abs(provincie.value.value! - expected) < 1e-9);
  assert.equal(provincie.value.derived?.method, 'weighted-mean');
  assert.equal(overgewicht.comparisons.find((c) => c.role === 'land')!.value.derived, null);
});

test('health: spine summary of the national spread over the areas of the same level', () => {
  const cube = profileCube();
  const overgewicht = buildProfile(cube, 'WK000101')!.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
  const spine = overgewicht.spine!;
  const sorted = levelStatistics(cube, 'overgewicht_18plus', '2020', 'wijk').sorted;
  assert.deepEqual([...sorted], [47, 50, 52, 60]);
  assert.equal(spine.level, 'wijk');
  assert.equal(spine.n, 4);
  assert.equal(spine.min, 47);
  assert.equal(spine.max, 60);
  assert.equal(spine.median, quantile(sorted, 0.5));
  assert.equal(spine.median, 51);
  assert.equal(spine.p25, quantile(sorted, 0.25));
  assert.equal(spine.areaValue, 60);
  assert.equal(spine.rankFromHighest, 1);
  assert.equal(spine.percentile, 87.5);
  assert.equal(spine.nlValue, 50);
});

test('health: the trend lists every period; a missing value stays null with its reason', () => {
  const overgewicht = buildProfile(profileCube(), 'WK000101')!.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
  assert.deepEqual(overgewicht.trend.map((t) => [t.period, t.value, t.missing]), [['2012', null, 'empty'], ['2016', 58, null], ['2020', 60, null]]);
  assert.equal(overgewicht.trend[0]!.provenance.datasetId, 'rivm-2012');
});

test('missing values are null with the reason from the cube, never 0', () => {
  const buurt = buildProfile(profileCube(), 'BU00010101')!;
  const overgewicht = buurt.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
  assert.deepEqual(overgewicht.value, { value: null, missing: 'empty', derived: null });
  assert.ok(overgewicht.comparisons.every((c) => c.difference === null && c.judgement === 'no-judgement'));
  // No buurt has an overgewicht value here, so there is no spread to draw.
  assert.equal(overgewicht.spine, null);
  assert.equal(buurt.health.find((h) => h.indicatorId === 'obesitas_18plus')!.spine!.areaValue, 21);
  const inwoners = buurt.population.find((p) => p.key === 'inwoners')!;
  assert.equal(inwoners.value, null);
  assert.equal(inwoners.missing, 'not-in-dataset');
});

test('population: shares derived from counts of one edition, with formula and provenance', () => {
  const profile = buildProfile(profileCube(), 'WK000101')!;
  const old = profile.population.find((p) => p.key === 'pct_65plus')!;
  assert.equal(old.value, (810 / 4050) * 100);
  assert.equal(old.period, '2022');
  assert.equal(old.fallbackNl, null);
  assert.deepEqual(old.derivedFrom?.indicatorIds, ['leeftijd_65plus', 'inwoners']);
  assert.deepEqual(old.provenance.map((p) => [p.datasetId, p.classificationYear]), [['kwb-2022', 2022], ['kwb-2022', 2022]]);
  // 0–14 is only in KWB 2021: that edition, no fallback note (the area is in KWB 2022, the count is not).
  const young = profile.population.find((p) => p.key === 'pct_0_14')!;
  assert.equal(young.value, (400 / 4000) * 100);
  assert.equal(young.period, '2021');
  assert.equal(young.fallbackNl, null);
});

test('population: a wijk missing from the newest edition falls back to the previous one and says so', () => {
  const zuid = buildProfile(profileCube(), 'WK000104')!;
  const inwoners = zuid.population.find((p) => p.key === 'inwoners')!;
  assert.equal(inwoners.value, 1000);
  assert.equal(inwoners.period, '2021');
  assert.match(inwoners.fallbackNl!, /niet voor in de gegevens van 2022/);
  assert.match(inwoners.fallbackEn!, /does not occur in the 2022 figures/);
  const income = zuid.population.find((p) => p.key === 'inkomen_per_inwoner')!;
  assert.equal(income.value, null);
  assert.equal(income.missing, 'secret');
});

test('signals and clusters: the unfavourable deviations of a wijk, grouped where they correlate', () => {
  const profile = buildProfile(profileCube(), 'WK000101')!;
  const ids = profile.signals.unfavourable.map((s) => s.indicatorId);
  assert.deepEqual(new Set(ids), new Set(['overgewicht_18plus', 'obesitas_18plus', 'ervaren_gezondheid_goed_18plus']));
  assert.equal(profile.signals.favourable.length, 0);
  assert.equal(profile.clusters.length, 1);
  assert.equal(profile.clusters[0]!.indicatorIds.length, 3);
  assert.match(profile.signals.unfavourable.find((s) => s.indicatorId === 'overgewicht_18plus')!.textNl, /hoger dan gemiddeld in Nederland \(60,0 % tegen 50,0 %\)/);
});

test('subAreas: the wijken of a gemeente with the key indicators and their missing reasons', () => {
  const profile = buildProfile(profileCube(), 'GM0001', { keyIndicators: ['inwoners', 'overgewicht_18plus', 'onbekend'] })!;
  assert.deepEqual(profile.subAreas.columns.map((c) => c.indicatorId), ['inwoners', 'overgewicht_18plus']);
  assert.deepEqual(profile.subAreas.rows.map((r) => r.code), ['WK000101', 'WK000102', 'WK000103', 'WK000104']);
  const zuid = profile.subAreas.rows.find((r) => r.code === 'WK000104')!;
  assert.deepEqual(zuid.cells.map((c) => [c.value, c.period]), [[1000, '2021'], [50, '2020']]);
  const centrum = profile.subAreas.rows.find((r) => r.code === 'WK000101')!;
  assert.equal(centrum.cells[1]!.judgementVsNl, 'worse');
});

test('comparable: nearest wijken on composition, the area itself excluded, missing features counted', () => {
  const profile = buildProfile(profileCube(), 'WK000102')!;
  const comparable = profile.comparable;
  assert.ok(!comparable.neighbours.some((n) => n.code === 'WK000102'));
  assert.ok(comparable.features.length >= 2);
  assert.ok(comparable.featuresUnavailable.includes('huishoudensgrootte'));
  assert.ok(comparable.neighbours.length > 0);
  for (let i = 1; i < comparable.neighbours.length; i++) assert.ok(comparable.neighbours[i - 1]!.distance <= comparable.neighbours[i]!.distance);
});

test('buildProfile works on the real cube builder: a gemeente against its weighted GGD-regio', () => {
  const health = { labelNl: 'Roker (18+)', labelEn: 'Smoker (18+)', unit: 'percent' as const, definitionNl: 'd', definitionEn: 'd', theme: 'leefstijl' as const, ageGroup: '18+' as const, polarity: 'higher-is-worse' as const, shareOfNl: null, shareOfEn: null, isEstimate: true, decimals: 1 };
  const count = { ...health, unit: 'count' as const, theme: 'bevolking' as const, ageGroup: null, polarity: 'no-judgement' as const, isEstimate: false, decimals: 0 };
  const info = (id: string, classificationYear: number) => ({ id, titleNl: id, publisher: 'test', tableId: id, licence: 'CC BY 4.0', classificationYear, source: [], contentHash: id });
  const areas = [
    { code: 'NL00', level: 'land' as const, name: 'Nederland', parentCode: null },
    { code: 'GM0001', level: 'gemeente' as const, name: 'Aastad', parentCode: null },
    { code: 'GM0002', level: 'gemeente' as const, name: 'Bedorp', parentCode: null },
  ];
  const series = (indicatorId: string, period: string, values: number[]) => ({ indicatorId, period, sourceColumn: indicatorId, referenceNl: period, values: Float64Array.from(values), missing: new Uint8Array(values.length) });
  const cube = buildCube({
    datasets: [
      { info: info('rivm-2020-18plus', 2020), priority: 100, areas, series: [series('roker_18plus', '2020', [18, 30, 10])] },
      { info: info('pdok-2019', 2019), priority: 10, areas: areas.slice(1), series: [series('inwoners', '2019', [1000, 3000])] },
    ],
    indicators: [{ id: 'roker_18plus', ...health }, { id: 'inwoners', ...count, labelNl: 'Inwoners', labelEn: 'Inhabitants' }],
    areaAttributes: ['GM0001', 'GM0002'].map((code) => ({ code, year: 2020, provinceCode: 'PV01', provinceName: 'Noordland', ggdRegionName: 'GGD Noord', urbanity: 3, datasetId: 'regio' })),
    referenceTables: [],
    geometries: [],
    postcodes: [],
  });
  const profile = buildProfile(cube, 'GM0001')!;
  assert.deepEqual(profile.comparators.map((c) => c.area.code), ['ggd-noord', 'PV01', 'NL00']);
  const roker = profile.health.find((h) => h.indicatorId === 'roker_18plus')!;
  const ggd = roker.comparisons.find((c) => c.role === 'ggdregio')!;
  // Without age counts the 18+ weight cannot be formed: the region value is not derivable, and says so.
  assert.equal(ggd.value.value, null);
  assert.equal(ggd.value.missing, 'not-derivable');
  assert.deepEqual(ggd.value.derived?.membersWithoutWeight, ['GM0001', 'GM0002']);
  assert.equal(roker.comparisons.find((c) => c.role === 'land')!.difference, 30 - 18);
  assert.equal(profile.population.find((p) => p.key === 'inwoners')!.value, 1000);
});
