import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adapters } from './cbs-diabetes.ts';
import { directorySource } from '../data-source.ts';
import { ImportError } from '../adapter.ts';
import type { ReferenceTable } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const FOLDER = 'cbs-diabetes-overgewicht-nationaal-2001-2009';
const GP = 'huisartspatienten_diabetes_2002_2009.csv';
const SURVEY = 'gezondheidsenquete_diabetes_overgewicht_2001_2009.csv';
const adapter = adapters[0]!;

function row(table: ReferenceTable, ...dims: string[]) {
  const found = table.rows.find((r) => r.dims.join('|') === dims.join('|'));
  assert.ok(found, `${table.id}: no row ${dims.join(' × ')}`);
  return found;
}

test('adapters read the GP diabetes table with the published 29 (2002) and 45 (2009) per 1000', async () => {
  const out = await adapter.read(directorySource(testDataDir()));
  const gp = out.referenceTables!.find((t) => t.id === 'diabetes-huisarts-2002-2009')!;
  assert.deepEqual(gp.dimensions, ['jaar', 'geslacht', 'leeftijd']);
  assert.equal(gp.unit, 'per-1000');
  assert.equal(gp.sourceColumn, 'aantalpatienten');
  assert.equal(gp.datasetId, 'cbs-diabetes-huisarts-2002-2009');
  assert.equal(row(gp, '2002', 'Totaal mannen en vrouwen', 'Totaal leeftijd').value, 29);
  assert.equal(row(gp, '2009', 'Totaal mannen en vrouwen', 'Totaal leeftijd').value, 45);
  assert.equal(gp.rows.length, 432);
});

test('adapters keep "." as unknown (null, never 0)', async () => {
  const out = await adapter.read(directorySource(testDataDir()));
  const gp = out.referenceTables!.find((t) => t.id === 'diabetes-huisarts-2002-2009')!;
  // Babies under one: too few GP patients with diabetes to publish a rate.
  assert.deepEqual(row(gp, '2002', 'Totaal mannen en vrouwen', '0 jaar'), {
    dims: ['2002', 'Totaal mannen en vrouwen', '0 jaar'], value: null, missing: 'unknown',
  });
  for (const r of gp.rows) assert.equal(r.value === null, r.missing !== null);
});

test('adapters read the survey tables: diabetes 2.8% and type 2 2.2% in 2001', async () => {
  const out = await adapter.read(directorySource(testDataDir()));
  const ids = out.referenceTables!.map((t) => t.id);
  for (const column of ['suiker', 'suiker1', 'suiker2', 'ondergewicht', 'normaalgewicht', 'matigovergewicht', 'ernstigovergewicht']) {
    assert.ok(ids.includes(`gezondheidsenquete-${column}-2001-2009`), column);
  }
  const suiker = out.referenceTables!.find((t) => t.id === 'gezondheidsenquete-suiker-2001-2009')!;
  const suiker2 = out.referenceTables!.find((t) => t.id === 'gezondheidsenquete-suiker2-2001-2009')!;
  assert.deepEqual(suiker.dimensions, ['leeftijd_geslacht', 'jaar']);
  assert.equal(suiker.unit, 'percent');
  assert.equal(row(suiker, 'Totaal', '2001').value, 2.8);
  assert.equal(row(suiker2, 'Totaal', '2001').value, 2.2);
  assert.equal(suiker.rows.length, 270);
});

test('adapters describe both datasets without areas or series', async () => {
  const out = await adapter.read(directorySource(testDataDir()));
  assert.deepEqual(out.datasets!.map((d) => d.info.id), ['cbs-diabetes-huisarts-2002-2009', 'cbs-gezondheidsenquete-2001-2009']);
  for (const d of out.datasets!) {
    assert.deepEqual(d.areas, []);
    assert.deepEqual(d.series, []);
    assert.match(d.info.contentHash, /^[0-9a-f]{64}$/);
    assert.equal(d.info.source.length, 1);
  }
});

// ---- bad input ----

async function dataDirWithSurvey(text: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'diabetes-'));
  await mkdir(path.join(root, FOLDER));
  // The GP file is valid and read first; the broken survey file is written by the test.
  await copyFile(path.join(testDataDir(), FOLDER, GP), path.join(root, FOLDER, GP));
  await writeFile(path.join(root, FOLDER, SURVEY), text);
  return root;
}

const HEADER = 'leeftijd_geslacht;jaar;suiker;suiker1;suiker2;ondergewicht;normaalgewicht;matigovergewicht;ernstigovergewicht';

async function rejects(root: string, line: number, column: string | null, message: RegExp) {
  await assert.rejects(adapter.read(directorySource(root)), (error: unknown) => {
    assert.ok(error instanceof ImportError, String(error));
    assert.equal(error.file, `${FOLDER}/${SURVEY}`);
    assert.equal(error.line, line);
    assert.equal(error.column, column);
    assert.match(error.message, message);
    return true;
  });
}

test('adapters reject an unexpected CBS symbol', async () => {
  const root = await dataDirWithSurvey(`${HEADER}\r\n"Totaal";"2001";"2.8";"x";"2.2";"1.7";"53.5";"35.4";"9.3"\r\n`);
  await rejects(root, 2, 'suiker1', /CBS symbol "x" is not used/);
});

test('adapters reject a decimal comma', async () => {
  const root = await dataDirWithSurvey(`${HEADER}\r\n"Totaal";"2001";"2,8";"0.6";"2.2";"1.7";"53.5";"35.4";"9.3"\r\n`);
  await rejects(root, 2, 'suiker', /decimal comma/);
});

test('adapters reject a renamed column', async () => {
  const root = await dataDirWithSurvey(`${HEADER.replace('suiker2', 'diabetes2')}\r\n"Totaal";"2001";"2.8";"0.6";"2.2";"1.7";"53.5";"35.4";"9.3"\r\n`);
  await rejects(root, 1, 'suiker2', /required column is missing/);
});

test('adapters reject a duplicate group × year', async () => {
  const line = '"Totaal";"2001";"2.8";"0.6";"2.2";"1.7";"53.5";"35.4";"9.3"';
  const root = await dataDirWithSurvey(`${HEADER}\r\n${line}\r\n${line}\r\n`);
  await rejects(root, 3, 'leeftijd_geslacht, jaar', /occurs twice \(also on line 2\)/);
});

test('adapters reject a comma-separated file (wrong delimiter)', async () => {
  const root = await dataDirWithSurvey(`${HEADER.replaceAll(';', ',')}\r\n"Totaal","2001","2.8","0.6","2.2","1.7","53.5","35.4","9.3"\r\n`);
  // The header is then one field and the quoted data row cannot be split on ";".
  await rejects(root, 2, null, /not valid CSV/);
});
