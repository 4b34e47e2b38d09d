import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CBS_AUTOBEZIT_2023_COLUMNS, CBS_INKOMEN_2020_COLUMNS, KWB_2021_COLUMNS, KWB_2022_COLUMNS, KWB_2024_COLUMNS, KWB_INDICATORS,
  PDOK_ATTRIBUTES, VEKTIS_ATTRIBUTES, referenceNl, seriesSpecs,
} from './kwb.ts';
import { THEMES } from '../../shared/types.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const ALL_MAPPINGS = { KWB_2021_COLUMNS, KWB_2022_COLUMNS, KWB_2024_COLUMNS, CBS_INKOMEN_2020_COLUMNS, CBS_AUTOBEZIT_2023_COLUMNS, PDOK_ATTRIBUTES, VEKTIS_ATTRIBUTES };

test('KWB_INDICATORS has unique ids and complete bilingual texts', () => {
  const ids = KWB_INDICATORS.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const d of KWB_INDICATORS) {
    assert.match(d.id, /^[a-z0-9]+(_[a-z0-9]+)*$/, d.id);
    for (const text of [d.labelNl, d.labelEn, d.definitionNl, d.definitionEn]) assert.ok(text.trim().length > 0, d.id);
    assert.notEqual(d.definitionNl, d.definitionEn, d.id);
    assert.ok((THEMES as readonly string[]).includes(d.theme), d.id);
    assert.equal(d.isEstimate, false);
    if (d.unit === 'percent' || d.unit === 'per-1000') assert.ok(d.shareOfNl !== null && d.shareOfEn !== null, `${d.id} says what it is a share of`);
    if (d.unit === 'count') assert.equal(d.shareOfNl, null, d.id);
  }
});

test('every column mapping points at a catalog indicator, once per mapping', () => {
  const catalog = new Set(KWB_INDICATORS.map((d) => d.id));
  for (const [name, mappings] of Object.entries(ALL_MAPPINGS)) {
    for (const m of mappings) assert.ok(catalog.has(m.indicatorId), `${name}: ${m.column} → ${m.indicatorId}`);
    assert.equal(new Set(mappings.map((m) => m.column)).size, mappings.length, `${name} maps a column twice`);
    assert.equal(new Set(mappings.map((m) => m.indicatorId)).size, mappings.length, `${name} maps two columns to one indicator`);
  }
});

async function header(file: string): Promise<string[]> {
  const text = await readFile(path.join(testDataDir(), file), 'utf8');
  return text.slice(0, text.indexOf('\n')).split(',');
}

test('KWB_2021_COLUMNS and KWB_2022_COLUMNS cover every numeric column of the real files', async () => {
  const notMeasures = new Set(['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs', 'gwb_code', 'ind_wbi']);
  const h2021 = await header('cbs-kwb-2021-2022-gemeente-wijk/kwb_2021_nl_gemeente_wijk.csv');
  const h2022 = await header('cbs-kwb-2021-2022-gemeente-wijk/kwb_2022_nl_gemeente_wijk.csv');
  assert.equal(h2021.length, 116);
  assert.deepEqual(KWB_2021_COLUMNS.map((m) => m.column).sort(), h2021.filter((h) => !notMeasures.has(h)).sort());
  assert.deepEqual(KWB_2022_COLUMNS.map((m) => m.column).sort(), h2022.filter((h) => !notMeasures.has(h)).sort());
});

test('the same indicator keeps one unit whichever source feeds it', () => {
  // KWB 2024 OData keys and the KWB short codes hold the same figures under the same ids.
  const byColumn2021 = new Map(KWB_2021_COLUMNS.map((m) => [m.column, m.indicatorId]));
  assert.equal(KWB_2024_COLUMNS.find((m) => m.column === 'AantalInwoners_5')?.indicatorId, byColumn2021.get('a_inw'));
  assert.equal(CBS_INKOMEN_2020_COLUMNS.find((m) => m.column === 'g_ink_pi')?.indicatorId, byColumn2021.get('g_ink_pi'));
  assert.equal(CBS_AUTOBEZIT_2023_COLUMNS[0]?.indicatorId, byColumn2021.get('g_pau_hh'));
  // PDOK age groups are percentages, KWB age groups counts: different indicators.
  const pdok65 = PDOK_ATTRIBUTES.find((m) => m.column === '65plus')?.indicatorId;
  assert.notEqual(pdok65, byColumn2021.get('a_65_oo'));
  const unit = (id: string | undefined) => KWB_INDICATORS.find((d) => d.id === id)?.unit;
  assert.equal(unit(pdok65), 'percent');
  assert.equal(unit(byColumn2021.get('a_65_oo')), 'count');
});

test('referenceNl says what a period means per kind of figure', () => {
  assert.equal(referenceNl('jan1', 2022), '1 januari 2022');
  assert.equal(referenceNl('income', 2020), '2020 (inkomen)');
  assert.equal(referenceNl('woz', 2021), 'waardepeildatum 1 januari 2020 (belastingjaar 2021)');
  assert.equal(referenceNl('edition', 2021), 'KWB-editie 2021');
  const [first] = seriesSpecs(KWB_2024_COLUMNS, 2024);
  assert.deepEqual(first, { column: 'AantalInwoners_5', indicatorId: 'inwoners', period: '2024', referenceNl: '1 januari 2024' });
});
