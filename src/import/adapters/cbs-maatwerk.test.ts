import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adapters, MAATWERK_FOLDER } from './cbs-maatwerk.ts';
import { ImportError } from '../adapter.ts';
import { directorySource } from '../data-source.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const { datasets = [] } = await adapters[0]!.read(directorySource(testDataDir()));

function value(d: DatasetRecord | undefined, indicatorId: string, code: string): number {
  assert.ok(d);
  const series = d.series.find((s) => s.indicatorId === indicatorId);
  assert.ok(series, indicatorId);
  return series.values[d.areas.findIndex((a) => a.code === code)]!;
}

const income = datasets.find((d) => d.info.id === 'cbs-inkomen-2020');
const cars = datasets.find((d) => d.info.id === 'cbs-autobezit-2023');

test('CBS maatwerk income 2020 reproduces the published figures', () => {
  assert.equal(value(income, 'inkomen_per_inwoner', 'GM0363'), 32.4);
  assert.equal(value(income, 'huishoudens_laagste_40pct_inkomen', 'GM0363'), 50.4);
  assert.equal(value(income, 'huishoudens_hoogste_20pct_inkomen', 'GM0363'), 17.7);
  assert.equal(value(income, 'inkomen_per_inwoner', 'NL00'), 27.9);
  assert.equal(value(income, 'inkomen_per_inwoner', 'GM0599'), 26.1);
  assert.equal(income?.series[0]?.period, '2020');
  assert.equal(income?.series[0]?.referenceNl, '2020 (inkomen)');
});

test('CBS maatwerk cars per household 2023 reproduces the published figures', () => {
  assert.equal(value(cars, 'autos_per_huishouden', 'GM0363'), 0.4);
  assert.equal(value(cars, 'autos_per_huishouden', 'GM0014'), 0.6);
  assert.equal(cars?.series[0]?.referenceNl, '1 januari 2023');
});

test('CBS maatwerk reads all rows on the 2023 classification with low priority against KWB', () => {
  assert.equal(income?.areas.length, 3695);
  assert.equal(cars?.areas.length, 3694);
  for (const d of [income, cars]) {
    assert.equal(d?.info.classificationYear, 2023);
    assert.equal(d?.priority, 90);
    assert.equal(d?.areas.filter((a) => a.level === 'gemeente').length, 342);
  }
});

test('CBS maatwerk keeps secret income cells missing, never 0', () => {
  const series = income?.series.find((s) => s.indicatorId === 'inkomen_per_inwoner');
  assert.ok(series);
  const i = series.missing.findIndex((m) => m !== 0);
  assert.ok(i >= 0);
  assert.ok(Number.isNaN(series.values[i]!));
  assert.equal(series.missing[i], MISSING_REASON_CODES.empty);
});

async function readBad(text: string): Promise<ImportError> {
  const dir = await mkdtemp(path.join(tmpdir(), 'maatwerk-'));
  await mkdir(path.join(dir, MAATWERK_FOLDER));
  await writeFile(path.join(dir, MAATWERK_FOLDER, 'inkomen_2020_gemeente_wijk_indeling2023.csv'), text);
  const error = await adapters[0]!.read(directorySource(dir)).then(() => null, (e: unknown) => e);
  await rm(dir, { recursive: true, force: true });
  assert.ok(error instanceof ImportError, String(error));
  return error;
}

const HEADER = 'regiocode,soort,gemeentecode,regionaam,g_ink_pi,p_hh_laagste40,p_hh_hoogste20';
const FILE = `${MAATWERK_FOLDER}/inkomen_2020_gemeente_wijk_indeling2023.csv`;

test('CBS maatwerk rejects a wijk filed under the wrong gemeente and a decimal comma', async () => {
  const wrongGemeente = await readBad(`${HEADER}\nGM0014,Gemeente,GM0014,Groningen,25.6,59.5,11.8\nWK001400,Wijk,GM0034,Centrum,25.6,59.5,11.8\n`);
  assert.deepEqual([wrongGemeente.file, wrongGemeente.line, wrongGemeente.column], [FILE, 3, 'gemeentecode']);
  const comma = await readBad(`${HEADER}\nGM0014,Gemeente,GM0014,Groningen,"25,6",59.5,11.8\n`);
  assert.deepEqual([comma.file, comma.line, comma.column], [FILE, 2, 'g_ink_pi']);
});
