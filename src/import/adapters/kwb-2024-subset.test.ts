import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adapters, KWB_2024_FOLDER } from './kwb-2024-subset.ts';
import { ImportError } from '../adapter.ts';
import { directorySource } from '../data-source.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const [kwb] = (await adapters[0]!.read(directorySource(testDataDir()))).datasets ?? [];

function value(indicatorId: string, code: string): number {
  assert.ok(kwb);
  const series = kwb.series.find((s) => s.indicatorId === indicatorId);
  assert.ok(series, indicatorId);
  return series.values[kwb.areas.findIndex((a) => a.code === code)]!;
}

test('KWB 2024 subset reproduces the published population of Amsterdam, Rotterdam and Utrecht', () => {
  assert.equal(value('inwoners', 'GM0363'), 931_298);
  assert.equal(value('inwoners', 'GM0599'), 670_610);
  assert.equal(value('inwoners', 'GM0344'), 374_238);
});

test('KWB 2024 subset reads 342 gemeenten and 3,393 wijken, including Amsterdam letter codes', () => {
  assert.ok(kwb);
  assert.equal(kwb.info.id, 'kwb-2024');
  assert.equal(kwb.info.tableId, '85984NED');
  assert.equal(kwb.info.classificationYear, 2024);
  assert.equal(kwb.areas.length, 3735);
  assert.equal(kwb.areas.filter((a) => a.level === 'gemeente').length, 342);
  assert.equal(kwb.areas.filter((a) => a.level === 'wijk').length, 3393);
  const lettered = kwb.areas.find((a) => /^WK0363[A-Z]/.test(a.code));
  assert.ok(lettered, 'Amsterdam wijk with letters in its code');
  assert.equal(lettered.level, 'wijk');
  assert.equal(lettered.parentCode, 'GM0363');
  assert.deepEqual(kwb.series.map((s) => s.indicatorId).sort(),
    ['bevolkingsdichtheid', 'inwoners', 'mannen', 'oppervlakte_land', 'oppervlakte_totaal', 'oppervlakte_water', 'vrouwen', 'woningvoorraad']);
});

test('KWB 2024 subset keeps empty density cells missing', () => {
  assert.ok(kwb);
  const density = kwb.series.find((s) => s.indicatorId === 'bevolkingsdichtheid');
  assert.ok(density);
  const i = density.missing.findIndex((m) => m !== 0);
  assert.ok(i >= 0, 'the file has wijken without a published density');
  assert.ok(Number.isNaN(density.values[i]!));
});

async function readBad(text: string): Promise<ImportError> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kwb2024-'));
  await mkdir(path.join(dir, KWB_2024_FOLDER));
  await writeFile(path.join(dir, KWB_2024_FOLDER, 'kwb_2024_gemeente_wijk_subset.csv'), text);
  const error = await adapters[0]!.read(directorySource(dir)).then(() => null, (e: unknown) => e);
  await rm(dir, { recursive: true, force: true });
  assert.ok(error instanceof ImportError, String(error));
  return error;
}

const HEADER = 'Codering_3,SoortRegio,AantalInwoners_5,Mannen_6,Vrouwen_7,Bevolkingsdichtheid_34,Woningvoorraad_35,OppervlakteTotaal_122,OppervlakteLand_123,OppervlakteWater_124';
const FILE = `${KWB_2024_FOLDER}/kwb_2024_gemeente_wijk_subset.csv`;

test('KWB 2024 subset rejects a CBS symbol and a level that contradicts SoortRegio', async () => {
  const symbol = await readBad(`${HEADER}\nGM1680,Gemeente,25845,12867,12978,x,11500,27887,27606,281\n`);
  assert.deepEqual([symbol.file, symbol.line, symbol.column], [FILE, 2, 'Bevolkingsdichtheid_34']);
  const level = await readBad(`${HEADER}\nGM1680,Gemeente,1,1,1,1,1,1,1,1\nWK168000,Gemeente,1,1,1,1,1,1,1,1\n`);
  assert.deepEqual([level.file, level.line, level.column], [FILE, 3, 'SoortRegio']);
});
