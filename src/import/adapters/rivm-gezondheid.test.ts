import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { adapters } from './rivm-gezondheid.ts';
import { HEALTH_MEASURES } from '../catalog/health.ts';
import { directorySource } from '../data-source.ts';
import { ImportError, type AdapterOutput } from '../adapter.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const FOLDER = 'rivm-gezondheid-wijk-buurt-2012-2016-2020';
const adapter = adapters[0]!;

let realOutput: Promise<Partial<AdapterOutput>> | undefined;
/** The real folder is read once for all tests below (8 files, about 17,000 areas each). */
function readReal(): Promise<Partial<AdapterOutput>> {
  realOutput ??= adapter.read(directorySource(testDataDir()));
  return realOutput;
}

async function realDataset(id: string): Promise<DatasetRecord> {
  const dataset = (await readReal()).datasets!.find((d) => d.info.id === id);
  assert.ok(dataset, `dataset ${id} not read`);
  return dataset;
}

function value(dataset: DatasetRecord, indicatorId: string, code: string): number {
  const series = dataset.series.find((s) => s.indicatorId === indicatorId);
  assert.ok(series, `no series ${indicatorId} in ${dataset.info.id}`);
  const i = dataset.areas.findIndex((a) => a.code === code);
  assert.ok(i >= 0, `no area ${code} in ${dataset.info.id}`);
  return series.values[i]!;
}

test('adapters read one dataset per RIVM file with the published ids', async () => {
  const ids = (await readReal()).datasets!.map((d) => d.info.id).sort();
  assert.deepEqual(ids, [
    'rivm-2012-18-64', 'rivm-2012-18plus', 'rivm-2012-65plus',
    'rivm-2016-18-64', 'rivm-2016-18plus', 'rivm-2016-65plus',
    'rivm-2020-18plus', 'rivm-2020-65plus',
  ]);
});

test('adapters read the published 2020 18+ figures for Nederland (NL01 → NL00)', async () => {
  const d = await realDataset('rivm-2020-18plus');
  assert.equal(value(d, 'overgewicht_18plus', 'NL00'), 50.8);
  assert.equal(value(d, 'obesitas_18plus', 'NL00'), 15.6);
  assert.equal(value(d, 'voldoet_beweegrichtlijn_18plus', 'NL00'), 49.9);
  assert.equal(value(d, 'roker_18plus', 'NL00'), 17.9);
  assert.equal(value(d, 'eenzaam_18plus', 'NL00'), 47.0);
  assert.equal(value(d, 'moeite_rondkomen_18plus', 'NL00'), 13.9);
  assert.equal(value(d, 'ervaren_gezondheid_goed_18plus', 'NL00'), 78.4);
  assert.equal(d.areas.some((a) => a.code === 'NL01'), false);
});

test('adapters read the published 2020 18+ figures for Amsterdam and Rotterdam', async () => {
  const d = await realDataset('rivm-2020-18plus');
  assert.equal(value(d, 'overgewicht_18plus', 'GM0363'), 41.4);
  assert.equal(value(d, 'obesitas_18plus', 'GM0363'), 12.5);
  assert.equal(value(d, 'moeite_rondkomen_18plus', 'GM0363'), 24.3);
  assert.equal(value(d, 'overgewicht_18plus', 'GM0599'), 51.3);
  assert.equal(value(d, 'obesitas_18plus', 'GM0599'), 17.5);
});

test('adapters read the published 2020 65+ and 2016 18+ figures', async () => {
  const d65 = await realDataset('rivm-2020-65plus');
  assert.equal(value(d65, 'overgewicht_65plus', 'NL00'), 58.9);
  assert.equal(value(d65, 'eenzaam_65plus', 'NL00'), 49.5);
  const d16 = await realDataset('rivm-2016-18plus');
  assert.equal(value(d16, 'overgewicht_18plus', 'NL00'), 49.3);
  assert.equal(value(d16, 'eenzaam_18plus', 'NL00'), 43.4);
});

test('adapters keep every area of the 2020 classification in each file: 1 + 355 + 3,177 + 13,808', async () => {
  for (const d of (await readReal()).datasets!) {
    const counts = { land: 0, gemeente: 0, wijk: 0, buurt: 0 } as Record<string, number>;
    for (const a of d.areas) counts[a.level] = (counts[a.level] ?? 0) + 1;
    assert.deepEqual(counts, { land: 1, gemeente: 355, wijk: 3177, buurt: 13808 }, d.info.id);
    for (const s of d.series) assert.equal(s.values.length, d.areas.length, `${d.info.id} ${s.indicatorId}`);
  }
});

test('adapters give wijken and buurten the parent their code names, and gemeenten none', async () => {
  const d = await realDataset('rivm-2020-18plus');
  const byCode = new Map(d.areas.map((a) => [a.code, a]));
  assert.equal(byCode.get('GM0363')!.parentCode, null);
  assert.equal(byCode.get('GM0363')!.name, 'Amsterdam');
  assert.equal(byCode.get('NL00')!.parentCode, null);
  assert.equal(byCode.get('WK168000')!.parentCode, 'GM1680');
  assert.equal(byCode.get('BU16800000')!.parentCode, 'WK168000');
  // 50090NED as converted here has no wijk or buurt names: empty, for the register to fill from another dataset.
  assert.equal(byCode.get('WK168000')!.name, '');
});

test('adapters keep a real empty buurt value missing (NaN, reason empty), never 0', async () => {
  const d = await realDataset('rivm-2020-18plus');
  // BU16800709 (Aa en Hunze) has no estimates at all in the 2020 18+ file.
  const v = value(d, 'overgewicht_18plus', 'BU16800709');
  assert.ok(Number.isNaN(v));
  const series = d.series.find((s) => s.indicatorId === 'overgewicht_18plus')!;
  const i = d.areas.findIndex((a) => a.code === 'BU16800709');
  assert.equal(series.missing[i], MISSING_REASON_CODES.empty);
  for (let k = 0; k < series.values.length; k++) {
    assert.equal(Number.isNaN(series.values[k]!), series.missing[k] !== 0, `area ${d.areas[k]!.code}`);
  }
});

test('adapters leave out a measure that was not measured that year (2012 beweegrichtlijn)', async () => {
  const d12 = await realDataset('rivm-2012-18plus');
  assert.equal(d12.series.some((s) => s.indicatorId === 'voldoet_beweegrichtlijn_18plus'), false);
  assert.equal(d12.series.some((s) => s.indicatorId === 'overgewicht_18plus'), true);
});

test('adapters describe the source: 50090NED, classification 2020, period and reference of the survey', async () => {
  const d = await realDataset('rivm-2020-65plus');
  assert.equal(d.info.tableId, '50090NED');
  assert.equal(d.info.classificationYear, 2020);
  assert.equal(d.info.publisher, "RIVM; GGD'en, CBS en RIVM (Gezondheidsmonitor Volwassenen en Ouderen)");
  assert.deepEqual(d.info.source, [`${FOLDER}/gezondheid_wijk_buurt_2020_65plus.csv`]);
  assert.match(d.info.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(d.priority, 100);
  const s = d.series.find((x) => x.indicatorId === 'overgewicht_65plus')!;
  assert.equal(s.period, '2020');
  assert.equal(s.sourceColumn, 'Overgewicht_9');
  assert.equal(s.referenceNl, '2020 (Gezondheidsmonitor, najaar 2020)');
});

test('adapters return a catalog entry for every series and none without data', async () => {
  const out = await readReal();
  const catalog = new Set(out.indicators!.map((i) => i.id));
  const used = new Set(out.datasets!.flatMap((d) => d.series.map((s) => s.indicatorId)));
  for (const id of used) assert.ok(catalog.has(id), id);
  for (const id of catalog) assert.ok(used.has(id), id);
  assert.ok(out.indicators!.every((i) => i.isEstimate));
});

// ---- bad input: small synthetic files in the layout of the data directory ----

const HEADER = ['Leeftijd', 'Leeftijd_label', 'Marges', 'RegioCode', 'Perioden', 'Gemeentenaam_1', 'SoortRegio_2',
  ...HEALTH_MEASURES.map((m) => m.sourceColumn)];

function row(code: string, soort: string, overrides: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    Leeftijd: '20300', Leeftijd_label: '18 jaar of ouder', Marges: 'MW00000', RegioCode: code, Perioden: '2020JJ00',
    Gemeentenaam_1: soort === 'Land' ? 'Nederland' : 'Testgemeente', SoortRegio_2: soort,
  };
  HEALTH_MEASURES.forEach((m, i) => { base[m.sourceColumn] = (10 + i / 10).toFixed(1); });
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h] ?? '');
}

function validRows(): string[][] {
  return [
    row('NL01', 'Land'),
    row('GM0001', 'Gemeente'),
    row('WK000100', 'Wijk'),
    row('BU00010000', 'Buurt'),
    row('BU00010001', 'Buurt', { Overgewicht_9: '' }),
  ];
}

async function dataDirWith(fileName: string, rows: string[][], header = HEADER, gzip = false): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rivm-'));
  await mkdir(path.join(root, FOLDER));
  const text = [header, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n') + '\n';
  await writeFile(path.join(root, FOLDER, fileName), gzip ? gzipSync(text) : text);
  return root;
}

async function rejects(root: string, expected: { line: number | null; column: string | null; message: RegExp }) {
  await assert.rejects(adapter.read(directorySource(root)), (error: unknown) => {
    assert.ok(error instanceof ImportError, String(error));
    assert.equal(error.line, expected.line);
    assert.equal(error.column, expected.column);
    assert.match(error.message, expected.message);
    assert.match(error.file, /gezondheid_wijk_buurt_2020_18plus\.csv/);
    return true;
  });
}

test('adapters read a small valid synthetic file, gzipped too', async () => {
  const root = await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv.gz', validRows(), HEADER, true);
  const out = await adapter.read(directorySource(root));
  const d = out.datasets![0]!;
  assert.equal(d.info.id, 'rivm-2020-18plus');
  assert.deepEqual(d.areas.map((a) => a.code), ['NL00', 'GM0001', 'WK000100', 'BU00010000', 'BU00010001']);
  const s = d.series.find((x) => x.indicatorId === 'overgewicht_18plus')!;
  assert.ok(Number.isNaN(s.values[4]!));
  assert.equal(s.missing[4], MISSING_REASON_CODES.empty);
});

test('adapters reject a renamed column, naming it', async () => {
  const header = HEADER.map((h) => (h === 'Roker_11' ? 'Rokers_11' : h));
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', validRows(), header),
    { line: 1, column: 'Roker_11', message: /required column is missing/ });
});

test('adapters reject text in a number column', async () => {
  const rows = validRows();
  rows[2] = row('WK000100', 'Wijk', { Eenzaam_28: 'veel' });
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 4, column: 'Eenzaam_28', message: /not a number/ });
});

test('adapters reject a CBS symbol in this plain-number file', async () => {
  const rows = validRows();
  rows[1] = row('GM0001', 'Gemeente', { Roker_11: '.' });
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 3, column: 'Roker_11', message: /CBS symbol/ });
});

test('adapters reject a percentage above 100', async () => {
  const rows = validRows();
  rows[1] = row('GM0001', 'Gemeente', { Roker_11: '179' });
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 3, column: 'Roker_11', message: /not a percentage/ });
});

test('adapters reject a duplicate code', async () => {
  const rows = [...validRows(), row('BU00010000', 'Buurt')];
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 7, column: 'RegioCode', message: /occurs twice \(also on line 5\)/ });
});

test('adapters reject a malformed code', async () => {
  const rows = validRows();
  rows[3] = row('BU0001000', 'Buurt');
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 5, column: 'RegioCode', message: /"BU0001000" is not a code/ });
});

test('adapters reject a level that contradicts SoortRegio_2', async () => {
  const rows = validRows();
  rows[2] = row('WK000100', 'Buurt');
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 4, column: 'SoortRegio_2', message: /contradicts code WK000100, which is a wijk/ });
});

test('adapters reject a buurt whose wijk is not in the file', async () => {
  const rows = [...validRows(), row('BU00010100', 'Buurt')];
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 7, column: 'RegioCode', message: /WK000101, which does not occur/ });
});

test('adapters reject an age group that does not match the file name', async () => {
  const rows = validRows();
  rows[1] = row('GM0001', 'Gemeente', { Leeftijd: '80200' });
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 3, column: 'Leeftijd', message: /does not match the file name/ });
});

test('adapters reject a margin other than the point estimate', async () => {
  const rows = validRows();
  rows[1] = row('GM0001', 'Gemeente', { Marges: 'MOG0095' });
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 3, column: 'Marges', message: /not MW00000/ });
});

test('adapters reject a truncated file (last row cut off)', async () => {
  const rows = validRows();
  rows[4] = rows[4]!.slice(0, 12);
  await rejects(await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', rows),
    { line: 6, column: null, message: /truncated/ });
});

test('adapters reject a file that is not UTF-8', async () => {
  const root = await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', validRows());
  const file = path.join(root, FOLDER, 'gezondheid_wijk_buurt_2020_18plus.csv');
  const latin1 = Buffer.from([...HEADER.join(','), '\n', ...row('NL01', 'Land').join(','), '\n'].join(''), 'utf8');
  await writeFile(file, Buffer.concat([latin1, Buffer.from('20300,x,MW00000,GM0001,2020JJ00,S\xfadwest,Gemeente\n', 'latin1')]));
  await rejects(root, { line: 3, column: 'Gemeentenaam_1', message: /not UTF-8/ });
});

test('adapters reject a file cut off in the middle of a row', async () => {
  const root = await dataDirWith('gezondheid_wijk_buurt_2020_18plus.csv', validRows());
  const file = path.join(root, FOLDER, 'gezondheid_wijk_buurt_2020_18plus.csv');
  const full = [HEADER, ...validRows()].map((r) => r.join(',')).join('\n');
  // Cut inside the last row, right after a complete-looking number: the file has no final line break.
  const lastRow = full.slice(full.lastIndexOf('\n') + 1);
  const cut = lastRow.slice(0, 80);
  await writeFile(file, full.slice(0, full.lastIndexOf('\n') + 1) + cut);
  const fieldsLeft = cut.split(',').length;
  await rejects(root, { line: 6, column: HEADER[fieldsLeft - 1]!, message: /truncated/ });
});
