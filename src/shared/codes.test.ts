import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ggdRegionCode, levelOfCode, normaliseCode, parentFromCode } from './codes.ts';

test('levelOfCode recognises every CBS level and rejects malformed codes', () => {
  assert.equal(levelOfCode('NL00'), 'land');
  assert.equal(levelOfCode('PV27'), 'provincie');
  assert.equal(levelOfCode('GM0363'), 'gemeente');
  assert.equal(levelOfCode('WK036300'), 'wijk');
  assert.equal(levelOfCode('BU03630000'), 'buurt');
  assert.equal(levelOfCode('ggd-amsterdam'), 'ggdregio');
  assert.equal(levelOfCode('GM363'), null);
  assert.equal(levelOfCode('WK0363'), null);
  assert.equal(levelOfCode('WK0363AA'), 'wijk');
  assert.equal(levelOfCode('BU0363AA01'), 'buurt');
  assert.equal(levelOfCode('WK03630a'), null);
});

test('normaliseCode maps the RIVM spelling NL01 to NL00 and trims', () => {
  assert.equal(normaliseCode('NL01'), 'NL00');
  assert.equal(normaliseCode(' gm0363 '), 'GM0363');
});

test('parentFromCode follows the digits of wijk and buurt codes', () => {
  assert.equal(parentFromCode('BU03630001'), 'WK036300');
  assert.equal(parentFromCode('WK036300'), 'GM0363');
  assert.equal(parentFromCode('WK0363AA'), 'GM0363');
  assert.equal(parentFromCode('BU0363AA01'), 'WK0363AA');
  assert.equal(parentFromCode('GM0363'), null);
});

test('ggdRegionCode makes a readable slug without the GGD prefix and diacritics', () => {
  assert.equal(ggdRegionCode('GGD Hollands Midden'), 'ggd-hollands-midden');
  assert.equal(ggdRegionCode('GGD Fryslân'), 'ggd-fryslan');
  assert.equal(ggdRegionCode('GGD Zaanstreek/Waterland'), 'ggd-zaanstreek-waterland');
});
