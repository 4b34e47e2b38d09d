import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adapters, KWB_FOLDER } from './kwb-2021-2022.ts';
import { ImportError } from '../adapter.ts';
import { directorySource } from '../data-source.ts';
import { KWB_2021_COLUMNS, KWB_INDICATORS } from '../catalog/kwb.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const real = await adapters[0]!.read(directorySource(testDataDir()));

function dataset(id: string): DatasetRecord {
  const found = real.datasets?.find((d) => d.info.id === id);
  assert.ok(found, `dataset ${id} was read`);
  return found;
}

function value(d: DatasetRecord, indicatorId: string, code: string): number {
  const series = d.series.find((s) => s.indicatorId === indicatorId);
  assert.ok(series, `${d.info.id} has ${indicatorId}`);
  const i = d.areas.findIndex((a) => a.code === code);
  assert.ok(i >= 0, `${d.info.id} has area ${code}`);
  return series.values[i]!;
}

test('KWB 2022 reproduces the published population of NL, Amsterdam, Rotterdam and Utrecht', () => {
  const kwb = dataset('kwb-2022');
  assert.equal(value(kwb, 'inwoners', 'NL00'), 17_590_672);
  assert.equal(value(kwb, 'inwoners', 'GM0363'), 882_633);
  assert.equal(value(kwb, 'inwoners', 'GM0599'), 655_468);
  assert.equal(value(kwb, 'inwoners', 'GM0344'), 361_699);
});

test('KWB 2021 reproduces population, bijstand and household size as published', () => {
  const kwb = dataset('kwb-2021');
  assert.equal(value(kwb, 'inwoners', 'NL00'), 17_475_415);
  assert.equal(value(kwb, 'inwoners', 'GM0363'), 873_338);
  assert.equal(value(kwb, 'bijstand', 'NL00'), 407_970);
  assert.equal(value(kwb, 'gemiddelde_huishoudensgrootte', 'NL00'), 2.1);
  // Rescaled one-decimal columns: the national bottom 40% / top 20% are 40% and 20% by definition.
  assert.equal(value(kwb, 'huishoudens_laagste_40pct_inkomen', 'NL00'), 40);
  assert.equal(value(kwb, 'huishoudens_hoogste_20pct_inkomen', 'NL00'), 20);
});

test('KWB adapter reads every row with its level and the wijk parent from the code', () => {
  const kwb2021 = dataset('kwb-2021');
  const kwb2022 = dataset('kwb-2022');
  assert.equal(kwb2021.areas.length, 3601);
  assert.equal(kwb2022.areas.length, 3686);
  const count = (d: DatasetRecord, level: string) => d.areas.filter((a) => a.level === level).length;
  assert.deepEqual([count(kwb2021, 'land'), count(kwb2021, 'gemeente'), count(kwb2021, 'wijk')], [1, 352, 3248]);
  assert.deepEqual([count(kwb2022, 'land'), count(kwb2022, 'gemeente'), count(kwb2022, 'wijk')], [1, 345, 3340]);
  const wijk = kwb2022.areas.find((a) => a.level === 'wijk' && a.code.startsWith('WK0363'));
  assert.equal(wijk?.parentCode, 'GM0363');
  assert.equal(kwb2022.areas.find((a) => a.code === 'GM0363')?.name, 'Amsterdam');
  assert.equal(kwb2022.areas.find((a) => a.code === 'GM0363')?.parentCode, null);
});

test('KWB adapter keeps an empty cell missing (NaN, reason empty), never 0', () => {
  const kwb = dataset('kwb-2021');
  const wmo = kwb.series.find((s) => s.indicatorId === 'wmo_clienten');
  assert.ok(wmo);
  const nl = kwb.areas.findIndex((a) => a.code === 'NL00');
  assert.ok(Number.isNaN(wmo.values[nl]!));
  assert.equal(wmo.missing[nl], MISSING_REASON_CODES.empty);
  for (const s of kwb.series) {
    s.values.forEach((v, i) => assert.equal(Number.isNaN(v), s.missing[i] !== 0, `${s.indicatorId} row ${i}`));
  }
});

test('KWB adapter labels each period with its reference and only uses catalog indicators', () => {
  const kwb = dataset('kwb-2021');
  const byId = new Map(kwb.series.map((s) => [s.indicatorId, s]));
  assert.equal(byId.get('inwoners')?.referenceNl, '1 januari 2021');
  assert.equal(byId.get('inkomen_per_inwoner')?.referenceNl, '2021 (inkomen)');
  assert.equal(byId.get('bijstand')?.referenceNl, 'eind december 2021');
  assert.match(byId.get('woz_waarde')?.referenceNl ?? '', /1 januari 2020/);
  assert.match(byId.get('afstand_huisarts')?.referenceNl ?? '', /KWB-editie 2021/);
  assert.equal(byId.get('inwoners')?.sourceColumn, 'a_inw');
  const catalog = new Set(KWB_INDICATORS.map((d) => d.id));
  for (const d of real.datasets ?? []) {
    for (const s of d.series) assert.ok(catalog.has(s.indicatorId), s.indicatorId);
    assert.equal(new Set(d.series.map((s) => `${s.indicatorId}|${s.period}`)).size, d.series.length);
  }
  assert.equal(kwb.series.length, 109);
  assert.equal(dataset('kwb-2022').series.length, 58);
});

test('KWB adapter describes each dataset with its table, classification year and content hash', () => {
  const kwb = dataset('kwb-2022');
  assert.equal(kwb.info.tableId, '85318NED');
  assert.equal(kwb.info.classificationYear, 2022);
  assert.equal(kwb.info.licence, 'CC BY 4.0');
  assert.equal(kwb.priority, 100);
  assert.deepEqual(kwb.info.source, [`${KWB_FOLDER}/kwb_2022_nl_gemeente_wijk.csv`]);
  assert.match(kwb.info.contentHash, /^[0-9a-f]{64}$/);
  assert.notEqual(kwb.info.contentHash, dataset('kwb-2021').info.contentHash);
});

// ---- bad input: small synthetic files laid out like the data directory ----

const AREA_HEADER = ['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs', 'gwb_code', 'ind_wbi'];
const HEADER = [...AREA_HEADER, ...KWB_2021_COLUMNS.map((c) => c.column)];

function row(code: string, name: string, recs: string, cells: Record<string, string> = {}): string[] {
  return HEADER.map((h) => {
    if (h in cells) return cells[h]!;
    if (h === 'gwb_code_10' || h === 'gwb_code') return code;
    if (h === 'regio' || h === 'gm_naam') return name;
    if (h === 'recs') return recs;
    if (h === 'gwb_code_8') return '0';
    if (h === 'ind_wbi') return '1';
    return '7';
  });
}

async function readBad(text: string | Uint8Array): Promise<ImportError> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kwb-'));
  await mkdir(path.join(dir, KWB_FOLDER));
  await writeFile(path.join(dir, KWB_FOLDER, 'kwb_2021_nl_gemeente_wijk.csv'), text);
  const error = await adapters[0]!.read(directorySource(dir)).then(() => null, (e: unknown) => e);
  await rm(dir, { recursive: true, force: true });
  assert.ok(error instanceof ImportError, `expected ImportError, got ${String(error)}`);
  return error;
}

const FILE = `${KWB_FOLDER}/kwb_2021_nl_gemeente_wijk.csv`;
const csv = (header: string[], ...rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';

test('KWB adapter reports a missing column by name', async () => {
  const header = HEADER.filter((h) => h !== 'a_inw');
  const e = await readBad(csv(header, row('NL00', 'Nederland', 'Land').filter((_, i) => HEADER[i] !== 'a_inw')));
  assert.deepEqual([e.file, e.line, e.column], [FILE, 1, 'a_inw']);
});

test('KWB adapter reports a renamed column as the column it misses', async () => {
  const header = HEADER.map((h) => (h === 'g_hhgro' ? 'g_hh_gro' : h));
  const e = await readBad(csv(header, row('NL00', 'Nederland', 'Land')));
  assert.deepEqual([e.file, e.line, e.column], [FILE, 1, 'g_hhgro']);
});

test('KWB adapter rejects text in a number column at its line and column', async () => {
  const e = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM0014', 'Groningen', 'Gemeente', { a_man: 'onbekend' })));
  assert.deepEqual([e.file, e.line, e.column], [FILE, 3, 'a_man']);
});

test('KWB adapter rejects CBS symbols "." and "x" in this plain-number file', async () => {
  const dot = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land', { p_koopw: '.' })));
  assert.deepEqual([dot.file, dot.line, dot.column], [FILE, 2, 'p_koopw']);
  const secret = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM0014', 'Groningen', 'Gemeente', { a_soz_wb: 'x' })));
  assert.deepEqual([secret.file, secret.line, secret.column], [FILE, 3, 'a_soz_wb']);
});

test('KWB adapter rejects a duplicate area code at its second occurrence', async () => {
  const e = await readBad(csv(HEADER, row('GM0014', 'Groningen', 'Gemeente'), row('WK001400', 'Centrum', 'Wijk'), row('GM0014', 'Groningen', 'Gemeente')));
  assert.deepEqual([e.file, e.line, e.column], [FILE, 4, 'gwb_code_10']);
  assert.match(e.message, /first on line 2/);
});

test('KWB adapter rejects an unknown or malformed code and a level that contradicts recs', async () => {
  const malformed = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM14', 'Groningen', 'Gemeente')));
  assert.deepEqual([malformed.file, malformed.line, malformed.column], [FILE, 3, 'gwb_code_10']);
  const unknown = await readBad(csv(HEADER, row('XX0014', 'Groningen', 'Gemeente')));
  assert.deepEqual([unknown.line, unknown.column], [2, 'gwb_code_10']);
  const contradiction = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land'), row('WK001400', 'Centrum', 'Gemeente')));
  assert.deepEqual([contradiction.file, contradiction.line, contradiction.column], [FILE, 3, 'recs']);
});

test('KWB adapter reports a file cut off in the middle of a row', async () => {
  const whole = csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM0014', 'Groningen', 'Gemeente'));
  const cut = whole.slice(0, whole.lastIndexOf('\n', whole.length - 2) + 1 + 'GM0014,0,Groningen,Groningen,Gemeente,GM0014,1,7,7'.length);
  const e = await readBad(cut);
  assert.deepEqual([e.file, e.line, e.column], [FILE, 3, 'a_man']);
  assert.match(e.message, /truncated/);
});

test('KWB adapter rejects a Windows-1252 encoded name at its line and column', async () => {
  const text = csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM1900', 'Súdwest-Fryslân', 'Gemeente'));
  const e = await readBad(Buffer.from(text, 'latin1'));
  assert.deepEqual([e.file, e.line, e.column], [FILE, 3, 'regio']);
});

test('KWB adapter reports a file whose row count differs from PROVENANCE.md', async () => {
  const e = await readBad(csv(HEADER, row('NL00', 'Nederland', 'Land'), row('GM0014', 'Groningen', 'Gemeente')));
  assert.equal(e.file, FILE);
  assert.match(e.message, /expected 3601 areas/);
});
