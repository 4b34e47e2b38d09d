import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEALTH_AGE_GROUPS, HEALTH_MEASURES, healthIndicatorId, healthIndicators } from './health.ts';
import { THEMES } from '../../shared/types.ts';

test('healthIndicators gives one entry per measure and age group, with unique ids', () => {
  const catalog = healthIndicators();
  assert.equal(catalog.length, HEALTH_MEASURES.length * HEALTH_AGE_GROUPS.length);
  assert.equal(new Set(catalog.map((i) => i.id)).size, catalog.length);
  assert.equal(new Set(HEALTH_MEASURES.map((m) => m.sourceColumn)).size, HEALTH_MEASURES.length);
});

test('healthIndicators fills both languages for labels, definitions and share-of', () => {
  for (const i of healthIndicators()) {
    for (const text of [i.labelNl, i.labelEn, i.definitionNl, i.definitionEn, i.shareOfNl, i.shareOfEn]) {
      assert.ok(typeof text === 'string' && text.trim().length > 0, i.id);
    }
    assert.notEqual(i.labelNl, i.labelEn, i.id);
    assert.ok((THEMES as readonly string[]).includes(i.theme), i.id);
  }
});

test('healthIndicators marks every RIVM measure as a percentage model estimate with one decimal', () => {
  for (const i of healthIndicators()) {
    assert.equal(i.unit, 'percent');
    assert.equal(i.isEstimate, true);
    assert.equal(i.decimals, 1);
  }
});

test('healthIndicatorId suffixes the age group and the entry carries it', () => {
  const [adults, working, elderly] = HEALTH_AGE_GROUPS;
  assert.equal(healthIndicatorId('overgewicht', adults!), 'overgewicht_18plus');
  assert.equal(healthIndicatorId('overgewicht', working!), 'overgewicht_18_64');
  assert.equal(healthIndicatorId('overgewicht', elderly!), 'overgewicht_65plus');
  const byId = new Map(healthIndicators().map((i) => [i.id, i]));
  assert.equal(byId.get('overgewicht_65plus')!.ageGroup, '65+');
  assert.equal(byId.get('overgewicht_65plus')!.shareOfNl, 'inwoners van 65 jaar en ouder');
  assert.equal(byId.get('roker_18_64')!.ageGroup, '18-64');
});

test('healthIndicators gives risks a worse direction, guidelines a better one and circumstances none', () => {
  const polarity = (id: string) => healthIndicators().find((i) => i.id === id)!.polarity;
  for (const worse of ['overgewicht', 'obesitas', 'roker', 'eenzaam', 'risico_angst_depressie', 'beperkt_gezondheid',
    'moeite_rondkomen', 'geluidhinder_buren']) {
    assert.equal(polarity(`${worse}_18plus`), 'higher-is-worse', worse);
  }
  for (const better of ['ervaren_gezondheid_goed', 'voldoet_beweegrichtlijn', 'wekelijkse_sporters', 'regie_eigen_leven']) {
    assert.equal(polarity(`${better}_18plus`), 'higher-is-better', better);
  }
  for (const none of ['drinker', 'mantelzorger', 'vrijwilligerswerk', 'lopen_fietsen_school_werk']) {
    assert.equal(polarity(`${none}_18plus`), 'no-judgement', none);
  }
});
