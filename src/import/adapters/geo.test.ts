import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { geoArea, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { adapters } from './geo.ts';
import { directorySource } from '../data-source.ts';
import { ImportError, type AdapterOutput } from '../adapter.ts';
import type { GeometryRecord } from '../../shared/snapshot.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const geo2020 = adapters.find((a) => a.folder === 'geo-2020')!;
const geo2022 = adapters.find((a) => a.folder === 'geo-2022')!;

const outputs = new Map<string, Promise<Partial<AdapterOutput>>>();
function readReal(adapter: typeof geo2020): Promise<Partial<AdapterOutput>> {
  let out = outputs.get(adapter.folder);
  if (out === undefined) {
    out = adapter.read(directorySource(testDataDir()));
    outputs.set(adapter.folder, out);
  }
  return out;
}

async function record(id: string): Promise<GeometryRecord> {
  const out = [...(await readReal(geo2020)).geometries!, ...(await readReal(geo2022)).geometries!];
  const found = out.find((g) => g.id === id);
  assert.ok(found, `no geometry ${id}`);
  return found;
}

/** The record as GeoJSON, through topojson-client as the browser will read it. */
function features(g: GeometryRecord): FeatureCollection<Geometry, Record<string, string>> {
  const topo = JSON.parse(g.topojson) as Topology;
  assert.deepEqual(Object.keys(topo.objects), [g.id]);
  return feature(topo, topo.objects[g.id] as GeometryCollection) as FeatureCollection<Geometry, Record<string, string>>;
}

test('adapters read 355 gemeenten, 12 provincies and 3,177 wijken of 2020 with code and name', async () => {
  const gemeenten = features(await record('gemeente-2020')).features;
  const wijken = features(await record('wijk-2020')).features;
  assert.equal(gemeenten.length, 355);
  assert.equal(features(await record('provincie-2020')).features.length, 12);
  assert.equal(wijken.length, 3177);
  assert.deepEqual(gemeenten.find((f) => f.properties.code === 'GM0003')!.properties, { code: 'GM0003', name: 'Appingedam' });
  const wijk = wijken.find((f) => f.properties.code === 'WK036300')!;
  assert.equal(wijk.properties.gm, 'GM0363');
  assert.deepEqual(Object.keys(wijk.properties).sort(), ['code', 'gm', 'name']);
});

test('adapters convert the 2022 GeoJSON: 345 gemeenten, 12 provincies, 25 GGD-regio\'s, 40 COROP, 4,067 PC4', async () => {
  assert.equal(features(await record('gemeente-2022')).features.length, 345);
  assert.equal(features(await record('provincie-2022')).features.length, 12);
  assert.equal(features(await record('ggdregio-2022')).features.length, 25);
  assert.equal(features(await record('corop-2022')).features.length, 40);
  const pc4 = features(await record('pc4-2022')).features;
  assert.equal(pc4.length, 4067);
  const centrum = pc4.find((f) => f.properties.code === '1011');
  assert.ok(centrum, 'PC4 1011 present');
  // Beside the Zuiderkerk (4.904 E, 52.370 N) is 1011; the Dam (4.8932, 52.3731) is next door in 1012.
  assert.ok(geoContains(centrum, [4.904, 52.37]));
  assert.ok(!geoContains(centrum, [4.8932, 52.3731]));
  assert.ok(geoContains(pc4.find((f) => f.properties.code === '1012')!, [4.8932, 52.3731]));
});

test('adapters code the 2022 provincies by the region table, Friesland as PV21', async () => {
  const provincies = features(await record('provincie-2022')).features;
  const byName = new Map(provincies.map((f) => [f.properties.name, f.properties.code]));
  assert.equal(byName.get('Friesland'), 'PV21');
  assert.equal(byName.get('Noord-Holland'), 'PV27');
  assert.equal(new Set(byName.values()).size, 12);
});

test('adapters code GGD-regio\'s with the shared slug and gemeenten with their CBS code', async () => {
  const ggd = features(await record('ggdregio-2022')).features;
  assert.ok(ggd.some((f) => f.properties.code === 'ggd-amsterdam' && f.properties.name === 'GGD Amsterdam'));
  const gemeenten = features(await record('gemeente-2022')).features;
  const amsterdam = gemeenten.find((f) => f.properties.code === 'GM0363');
  assert.equal(amsterdam?.properties.name, 'Amsterdam');
  // Amsterdam's Dam square lies inside Amsterdam's polygon after conversion.
  assert.ok(geoContains(amsterdam!, [4.8932, 52.3731]));
});

test('adapters wind every polygon so that d3-geo sees a small area, not the rest of the globe', async () => {
  for (const id of ['gemeente-2020', 'provincie-2020', 'wijk-2020', 'gemeente-2022', 'provincie-2022', 'ggdregio-2022', 'corop-2022', 'pc4-2022']) {
    const g = await record(id);
    assert.equal(g.codeProperty, 'code');
    for (const f of features(g).features) assert.ok(geoArea(f) < 2 * Math.PI, `${id} ${f.properties.code}`);
  }
});

test('adapters describe geo-2022 without areas and geo-2020 with the named gemeenten and wijken of 2020', async () => {
  const d20 = (await readReal(geo2020)).datasets!;
  const d22 = (await readReal(geo2022)).datasets!;
  assert.deepEqual([...d20, ...d22].map((d) => [d.info.id, d.info.classificationYear, d.areas.length, d.series.length]),
    [['geo-2020', 2020, 355 + 3177, 0], ['geo-2022', 2022, 0, 0]]);
  // RIVM's file has no wijk names: these are the names the register falls back on.
  assert.ok(d20[0]!.areas.every((a) => a.name !== ''));
  const wijk = d20[0]!.areas.find((a) => a.level === 'wijk')!;
  assert.equal(wijk.parentCode, `GM${wijk.code.slice(2, 6)}`);
  assert.match(d22[0]!.info.contentHash, /^[0-9a-f]{64}$/);
});

// ---- bad input ----

async function dataDir2022With(file: string, text: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'geo-'));
  await mkdir(path.join(root, 'geo-2022'));
  await mkdir(path.join(root, 'regio-indelingen'));
  const real = ['gemeenten_2022.geojson', 'provincies_2022.geojson', 'ggdregios_2022.geojson', 'coropgebieden_nuts3.geojson', 'postcodes_pc4.geojson'];
  for (const f of real) await copyFile(path.join(testDataDir(), 'geo-2022', f), path.join(root, 'geo-2022', f));
  const table = 'regio-indelingen/gemeenten_2022_provincie_ggdregio_stedelijkheid.csv';
  await copyFile(path.join(testDataDir(), table), path.join(root, table));
  await writeFile(path.join(root, file), text);
  return root;
}

async function rejects(root: string, adapter: typeof geo2020, file: string, column: string | null, message: RegExp) {
  await assert.rejects(adapter.read(directorySource(root)), (error: unknown) => {
    assert.ok(error instanceof ImportError, String(error));
    assert.equal(error.file, file);
    assert.equal(error.column, column);
    assert.match(error.message, message);
    return true;
  });
}

const square = { type: 'Polygon', coordinates: [[[5, 52], [5, 52.1], [5.1, 52.1], [5.1, 52], [5, 52]]] };

test('adapters reject a provincie name that the region table does not know', async () => {
  const names = ['Drenthe', 'Flevoland', 'Friesland', 'Gelderland', 'Groningen', 'Limburg', 'Noord-Brabant', 'Noord-Holland',
    'Overijssel', 'Utrecht', 'Zeeland', 'Zuid-Hollandd'];
  const fc = { type: 'FeatureCollection', features: names.map((n) => ({ type: 'Feature', properties: { provincie: n }, geometry: square })) };
  const root = await dataDir2022With('geo-2022/provincies_2022.geojson', JSON.stringify(fc));
  await rejects(root, geo2022, 'geo-2022/provincies_2022.geojson', 'provincie', /feature 12 \(Zuid-Hollandd\): no valid provincie code/);
});

test('adapters reject a feature count that differs from PROVENANCE.md', async () => {
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ggdregio: 'GGD Amsterdam' }, geometry: square }] };
  const root = await dataDir2022With('geo-2022/ggdregios_2022.geojson', JSON.stringify(fc));
  await rejects(root, geo2022, 'geo-2022/ggdregios_2022.geojson', null, /expected 25 features/);
});

test('adapters reject a truncated GeoJSON file', async () => {
  const root = await dataDir2022With('geo-2022/gemeenten_2022.geojson', '{"type":"FeatureCollection","features":[{"type":"Feat');
  await rejects(root, geo2022, 'geo-2022/gemeenten_2022.geojson', null, /truncated/);
});

test('adapters reject a 2020 wijk whose gmCode contradicts its code', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'geo-'));
  await mkdir(path.join(root, 'geo-2020'));
  for (const f of ['gemeente_2020.topojson', 'provincie_2020.topojson']) {
    await copyFile(path.join(testDataDir(), 'geo-2020', f), path.join(root, 'geo-2020', f));
  }
  const geometries = Array.from({ length: 3177 }, (_, i) => ({
    type: 'Polygon', arcs: [[0]],
    properties: { statcode: `WK${String(i).padStart(6, '0')}`, statnaam: `Wijk ${i}`, gmCode: `GM${String(i).padStart(6, '0').slice(0, 4)}` },
  }));
  geometries[5]!.properties.gmCode = 'GM9999';
  const topo = { type: 'Topology', arcs: [[[0, 0], [1, 0], [0, 1], [-1, -1]]], objects: { wijk_2020: { type: 'GeometryCollection', geometries } } };
  await writeFile(path.join(root, 'geo-2020', 'wijk_2020.topojson'), JSON.stringify(topo));
  await rejects(root, geo2020, 'geo-2020/wijk_2020.topojson', 'gmCode', /feature 6: gmCode "GM9999" contradicts wijk WK000005/);
});
