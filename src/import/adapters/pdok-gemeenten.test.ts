import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { feature } from 'topojson-client';
import { geoArea, geoBounds } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { adapters, PDOK_FOLDER } from './pdok-gemeenten.ts';
import { ImportError } from '../adapter.ts';
import { directorySource } from '../data-source.ts';
import { KWB_INDICATORS } from '../catalog/kwb.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const { datasets = [], geometries = [] } = await adapters[0]!.read(directorySource(testDataDir()));

function dataset(id: string): DatasetRecord {
  const found = datasets.find((d) => d.info.id === id);
  assert.ok(found, id);
  return found;
}

function value(d: DatasetRecord, indicatorId: string, code: string): number {
  const series = d.series.find((s) => s.indicatorId === indicatorId);
  assert.ok(series, `${d.info.id} ${indicatorId}`);
  return series.values[d.areas.findIndex((a) => a.code === code)]!;
}

test('PDOK gemeenten reproduce the KWB population of Amsterdam in 2022 and 2024', () => {
  assert.equal(value(dataset('pdok-gemeenten-2022'), 'inwoners', 'GM0363'), 882_633);
  assert.equal(value(dataset('pdok-gemeenten-2024'), 'inwoners', 'GM0363'), 931_298);
});

test('PDOK gemeenten hold every gemeente of each year and skip Buitenland and the nameless 2012 feature', () => {
  const counts = [2012, 2017, 2018, 2019, 2022, 2023, 2024].map((y) => dataset(`pdok-gemeenten-${y}`).areas.length);
  assert.deepEqual(counts, [415, 388, 380, 355, 345, 342, 342]);
  for (const d of datasets) {
    assert.ok(d.areas.every((a) => a.level === 'gemeente' && a.parentCode === null && a.name !== ''), d.info.id);
    assert.ok(!d.areas.some((a) => a.code === 'GM0998' || a.code === 'GM9999'), d.info.id);
    assert.equal(d.priority, 10);
  }
  assert.equal(dataset('pdok-gemeenten-2019').info.classificationYear, 2019);
});

test('PDOK age groups are shares in percent, not the KWB counts', () => {
  const share = value(dataset('pdok-gemeenten-2022'), 'aandeel_65plus', 'GM0363');
  assert.equal(share, 13);
  assert.equal(KWB_INDICATORS.find((d) => d.id === 'aandeel_65plus')?.unit, 'percent');
  assert.equal(dataset('pdok-gemeenten-2022').series.some((s) => s.indicatorId === 'leeftijd_65plus'), false);
});

test('PDOK attributes absent for a gemeente stay missing, never 0', () => {
  const woz = dataset('pdok-gemeenten-2017').series.find((s) => s.indicatorId === 'woz_waarde');
  assert.ok(woz);
  const missing = [...woz.missing].filter((m) => m === MISSING_REASON_CODES.empty).length;
  assert.equal(missing, 388 - 380);
  woz.values.forEach((v, i) => assert.equal(Number.isNaN(v), woz.missing[i] !== 0));
});

test('PDOK Vektis costs are a dataset of their own, per cost year, without partial GGZ before 2022', () => {
  const vektis2017 = dataset('vektis-zorgkosten-2017');
  assert.equal(vektis2017.info.publisher, 'Vektis');
  assert.notEqual(vektis2017.info.licence, 'CC BY 4.0');
  assert.equal(value(vektis2017, 'zorgkosten_totaal', 'GM0363'), 2083);
  assert.equal(vektis2017.series.some((s) => s.indicatorId === 'zorgkosten_ggz'), false);
  assert.equal(value(dataset('vektis-zorgkosten-2022'), 'zorgkosten_ggz', 'GM0363'), 375);
  // The 2024 map repeats the 2023 costs (zk_jaar 2023): not read twice.
  assert.equal(datasets.some((d) => d.info.id === 'vektis-zorgkosten-2024'), false);
  assert.equal(datasets.some((d) => d.info.id === 'vektis-zorgkosten-2012'), false);
});

test('PDOK gemeenten only use catalog indicators, once per period', () => {
  const catalog = new Set(KWB_INDICATORS.map((d) => d.id));
  for (const d of datasets) {
    for (const s of d.series) assert.ok(catalog.has(s.indicatorId), `${d.info.id} ${s.indicatorId}`);
    assert.equal(new Set(d.series.map((s) => s.indicatorId)).size, d.series.length);
  }
});

test('PDOK boundaries become one TopoJSON per year that d3 can draw, with code and name per gemeente', () => {
  assert.deepEqual(geometries.map((g) => g.id), ['gemeente-2012', 'gemeente-2017', 'gemeente-2018', 'gemeente-2019', 'gemeente-2023', 'gemeente-2024']);
  for (const g of geometries) {
    assert.equal(g.level, 'gemeente');
    assert.equal(g.codeProperty, 'code');
    assert.equal(g.datasetId, `pdok-gemeenten-${g.classificationYear}`);
    const topo = JSON.parse(g.topojson) as Topology;
    assert.deepEqual(Object.keys(topo.objects), [g.id]);
    const collection = feature(topo, topo.objects[g.id] as GeometryCollection) as FeatureCollection;
    const codes = collection.features.map((f) => f.properties?.['code'] as string);
    assert.deepEqual(codes.sort(), dataset(g.datasetId).areas.map((a) => a.code).sort());
    assert.deepEqual(Object.keys(collection.features[0]?.properties ?? {}).sort(), ['code', 'name']);
    // A polygon wound the wrong way would cover the globe; every gemeente must stay within the Netherlands.
    for (const f of collection.features) assert.ok(geoArea(f) < 0.001, `${g.id} ${String(f.properties?.['code'])}`);
    const [[west, south], [east, north]] = geoBounds(collection);
    assert.ok(west > 3 && east < 7.3 && south > 50.7 && north < 53.6, `${g.id} bounds`);
  }
});

async function readBad(text: string): Promise<ImportError> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdok-'));
  await mkdir(path.join(dir, PDOK_FOLDER));
  await writeFile(path.join(dir, PDOK_FOLDER, 'gemeenten_2012.geojson'), text);
  const error = await adapters[0]!.read(directorySource(dir)).then(() => null, (e: unknown) => e);
  await rm(dir, { recursive: true, force: true });
  assert.ok(error instanceof ImportError, String(error));
  return error;
}

const FILE = `${PDOK_FOLDER}/gemeenten_2012.geojson`;
const square = { type: 'MultiPolygon', coordinates: [[[[5, 52], [5, 52.1], [5.1, 52.1], [5.1, 52], [5, 52]]]] };
const collection = (...properties: Record<string, unknown>[]) =>
  JSON.stringify({ type: 'FeatureCollection', metadata: { year: 2012 }, features: properties.map((p) => ({ type: 'Feature', properties: p, geometry: square })) });

test('PDOK gemeenten reject text in a number attribute, naming the attribute', async () => {
  const e = await readBad(collection({ gemeentecode: 'GM0003', gemeentenaam: 'Appingedam', aantal_inwoners: '12.000' }));
  assert.deepEqual([e.file, e.line, e.column], [FILE, null, 'aantal_inwoners']);
  assert.match(e.message, /GM0003/);
});

test('PDOK gemeenten reject a duplicate and a malformed gemeente code', async () => {
  const duplicate = await readBad(collection({ gemeentecode: 'GM0003', gemeentenaam: 'A' }, { gemeentecode: 'GM0003', gemeentenaam: 'A' }));
  assert.deepEqual([duplicate.file, duplicate.column], [FILE, 'gemeentecode']);
  assert.match(duplicate.message, /feature 2/);
  const malformed = await readBad(collection({ gemeentecode: 'WK000300', gemeentenaam: 'A' }));
  assert.deepEqual([malformed.file, malformed.column], [FILE, 'gemeentecode']);
});

test('PDOK gemeenten reject a truncated file and a file of another year', async () => {
  const whole = collection({ gemeentecode: 'GM0003', gemeentenaam: 'Appingedam' });
  const truncated = await readBad(whole.slice(0, whole.length - 20));
  assert.equal(truncated.file, FILE);
  assert.match(truncated.message, /truncated/);
  const otherYear = await readBad(whole.replace('"year":2012', '"year":2013'));
  assert.deepEqual([otherYear.file, otherYear.column], [FILE, 'metadata.year']);
});
