import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { testDataDir } from '../../../test/data-dir.ts';
import { directorySource } from '../data-source.ts';
import { parseCsv, parseNumberCell } from '../csv.ts';
import { readRivmFile } from '../adapters/rivm-gezondheid.ts';
import { HEALTH_AGE_GROUPS } from '../catalog/health.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';
import { createStatlineClient, StatlineError } from './client.ts';
import { startReplayServer, type ReplayOptions } from './replay-server.ts';
import { KWB_2024_TOPICS, readKwb2024Online, readOnline, readRivmOnline } from './statline-tables.ts';

async function replay(options: Omit<ReplayOptions, 'dataDir'> = {}, fetchImpl: typeof fetch = fetch) {
  const server = await startReplayServer({ dataDir: testDataDir(), ...options });
  const client = createStatlineClient({ baseUrl: server.url, fetch: fetchImpl, timeoutMs: 10_000, retries: 0, sleep: async () => undefined });
  return { server, client };
}

/**
 * Element by element, stopping at the first difference. assert.deepEqual on two arrays of ~17,000 areas that
 * differ builds a diff of the whole arrays for its message, which takes many GB and minutes: the test then
 * seems to hang instead of failing.
 */
function assertSameEach<T>(actual: ArrayLike<T>, expected: ArrayLike<T>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!isDeepStrictEqual(actual[i], expected[i])) assert.deepEqual(actual[i], expected[i], `${what}[${i}]`);
  }
}

function value(dataset: DatasetRecord, indicatorId: string, code: string): number {
  const series = dataset.series.find((s) => s.indicatorId === indicatorId);
  const i = dataset.areas.findIndex((a) => a.code === code);
  assert.ok(series !== undefined && i >= 0, `${indicatorId} for ${code}`);
  return series.values[i]!;
}

test('readKwb2024Online through the replay server gives the values of the offline subset file', async (t) => {
  const { server, client } = await replay({ pageSize: 1_000 });
  t.after(() => server.close());
  const file = 'cbs-kwb-2024-85984NED-subset/kwb_2024_gemeente_wijk_subset.csv';
  const csv = parseCsv(await directorySource(testDataDir()).readText(file), file);

  const dataset = await readKwb2024Online(client);

  assert.equal(dataset.info.id, 'kwb-2024');
  assert.equal(dataset.info.classificationYear, 2024);
  assert.equal(dataset.priority, 100);
  assert.match(dataset.info.titleNl, /Kerncijfers wijken en buurten 2024.*2025-03-27/);
  assert.equal(dataset.areas.length, csv.rows.length);
  assert.equal(value(dataset, 'inwoners', 'GM0363'), 931_298);
  assert.equal(value(dataset, 'inwoners', 'GM0344'), 374_238);
  assert.equal(dataset.areas.find((a) => a.code === 'GM0363')?.name, 'Amsterdam');
  assert.deepEqual(dataset.areas.find((a) => a.code === 'WK034401'), { code: 'WK034401', level: 'wijk', name: 'WK034401', parentCode: 'GM0344' });
  // Amsterdam's wijk codes have letters since its 2022 re-division (WK0363AA); they are wijken of GM0363 all the same.
  assert.deepEqual(dataset.areas.find((a) => a.code === 'WK0363AA'), { code: 'WK0363AA', level: 'wijk', name: 'WK0363AA', parentCode: 'GM0363' });
  const codeAt = csv.header.indexOf('Codering_3');
  for (const topic of KWB_2024_TOPICS) {
    const at = csv.header.indexOf(topic.sourceColumn);
    const series = dataset.series.find((s) => s.sourceColumn === topic.sourceColumn);
    assert.ok(series !== undefined, topic.sourceColumn);
    csv.rows.forEach((row, r) => {
      const i = dataset.areas.findIndex((a) => a.code === row[codeAt]);
      const [expected, missing] = parseNumberCell(row[at]!, { file, line: csv.lines[r]!, column: topic.sourceColumn }, { cbsSymbols: false });
      assert.equal(series.missing[i], missing, `${row[codeAt]} ${topic.sourceColumn}`);
      assert.ok(Object.is(series.values[i], expected), `${row[codeAt]} ${topic.sourceColumn}: ${series.values[i]} ≠ ${expected}`);
    });
  }
});

test('readKwb2024Online keeps null as missing (NaN, empty), never 0', async (t) => {
  const { server, client } = await replay();
  t.after(() => server.close());
  const file = 'cbs-kwb-2024-85984NED-subset/kwb_2024_gemeente_wijk_subset.csv';
  const csv = parseCsv(await directorySource(testDataDir()).readText(file), file);
  const emptyInFile = csv.rows.filter((row) => row[csv.header.indexOf('Bevolkingsdichtheid_34')]!.trim() === '').length;

  const dataset = await readKwb2024Online(client);

  const density = dataset.series.find((s) => s.sourceColumn === 'Bevolkingsdichtheid_34')!;
  const missing = [...density.missing].filter((m) => m !== 0);
  assert.ok(emptyInFile > 0, 'the file has empty density cells');
  assert.equal(missing.length, emptyInFile);
  assert.ok(missing.every((m) => m === 1));
  assert.ok(density.values.every((v, i) => Number.isNaN(v) === (density.missing[i] !== 0)));
});

test('readKwb2024Online gives the same content hash for the same responses', async (t) => {
  const { server, client } = await replay();
  t.after(() => server.close());

  const first = await readKwb2024Online(client);
  const second = await readKwb2024Online(client);

  assert.match(first.info.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(first.info.contentHash, second.info.contentHash);
});

test('readKwb2024Online stops on text in a number field, naming table, row and key', async (t) => {
  // Turns the first AantalInwoners_5 of the data into text, as a changed table might deliver it.
  const tampering: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).includes('/TypedDataSet')) return response;
    const body = (await response.text()).replace(/"AantalInwoners_5":(\d+)/, '"AantalInwoners_5":"$1 "');
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const { server, client } = await replay({}, tampering);
  t.after(() => server.close());

  const error = await readKwb2024Online(client).then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.tableId, '85984NED');
  assert.match(error.message, /row 0 \(ID 0\), key AantalInwoners_5: "\d+ " is not a number/);
});

test('readKwb2024Online stops when a mapped topic is not in DataProperties', async (t) => {
  const { server, client } = await replay();
  t.after(() => server.close());

  const error = await readKwb2024Online(client, undefined, [{ sourceColumn: 'Inwoners_999', indicatorId: 'x', period: '2024', referenceNl: '2024' }])
    .then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.match(error.message, /DataProperties has no topic Inwoners_999/);
});

test('readRivmOnline through the replay server gives the datasets of the offline RIVM adapter', async (t) => {
  const { server, client } = await replay({ rivmFiles: ['gezondheid_wijk_buurt_2020_18plus.csv', 'gezondheid_wijk_buurt_2020_65plus.csv'] });
  t.after(() => server.close());
  const age18plus = HEALTH_AGE_GROUPS.find((a) => a.idSuffix === '18plus')!;
  const offline = await readRivmFile(directorySource(testDataDir()), 'rivm-gezondheid-wijk-buurt-2012-2016-2020/gezondheid_wijk_buurt_2020_18plus.csv', 2020, age18plus);

  const { datasets, indicators } = await readRivmOnline(client);

  assert.deepEqual(datasets.map((d) => d.info.id), ['rivm-2020-18plus', 'rivm-2020-65plus']);
  const online = datasets[0]!;
  // PROVENANCE.md validation figures (2020): NL Overgewicht_9 50.8 (18+), 58.9 (65+); Amsterdam 41.4 (18+).
  assert.equal(value(online, 'overgewicht_18plus', 'NL00'), 50.8);
  assert.equal(value(online, 'overgewicht_18plus', 'GM0363'), 41.4);
  assert.equal(value(datasets[1]!, 'overgewicht_65plus', 'NL00'), 58.9);
  assertSameEach(online.areas, offline.areas, 'areas');
  assert.deepEqual(online.series.map((s) => [s.indicatorId, s.period, s.sourceColumn]), offline.series.map((s) => [s.indicatorId, s.period, s.sourceColumn]));
  online.series.forEach((s, k) => {
    assertSameEach(s.missing, offline.series[k]!.missing, `${s.indicatorId} missing`);
    assertSameEach(s.values, offline.series[k]!.values, `${s.indicatorId} values`);
  });
  assert.equal(online.info.classificationYear, 2020);
  assert.ok(indicators.length > 0 && indicators.every((i) => i.isEstimate));
  assert.ok(indicators.some((i) => i.id === 'overgewicht_65plus'));
});

test('readOnline reads KWB 2024 from the CBS client and RIVM from the dataderden client', async (t) => {
  const { server, client } = await replay({ pageSize: 5_000, rivmFiles: ['gezondheid_wijk_buurt_2020_65plus.csv'] });
  t.after(() => server.close());
  const progress: string[] = [];

  const output = await readOnline({ cbs: client, rivm: client }, (m) => progress.push(m));

  assert.deepEqual(output.datasets.map((d) => d.info.id), ['kwb-2024', 'rivm-2020-65plus']);
  assert.equal(value(output.datasets[1]!, 'eenzaam_65plus', 'NL00'), 49.5);
  assert.ok(progress.some((m) => m.includes('85984NED')) && progress.some((m) => m.includes('50090NED')));
});
