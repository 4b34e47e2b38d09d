import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, copyFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adapters } from './regio-indelingen.ts';
import { directorySource } from '../data-source.ts';
import { ImportError, type AdapterOutput } from '../adapter.ts';
import { testDataDir } from '../../../test/data-dir.ts';

const adapter = adapters[0]!;

let realOutput: Promise<Partial<AdapterOutput>> | undefined;
function readReal(): Promise<Partial<AdapterOutput>> {
  realOutput ??= adapter.read(directorySource(testDataDir()));
  return realOutput;
}

test('adapters read 345 gemeenten of 2022 with the published urbanity counts', async () => {
  const y2022 = (await readReal()).areaAttributes!.filter((a) => a.year === 2022);
  assert.equal(y2022.length, 345);
  const counts: Record<string, number> = {};
  for (const a of y2022) counts[String(a.urbanity)] = (counts[String(a.urbanity)] ?? 0) + 1;
  assert.deepEqual(counts, { '1': 23, '2': 72, '3': 77, '4': 124, '5': 49 });
});

test('adapters give Amsterdam Noord-Holland (PV27), GGD Amsterdam and urbanity 1 in 2022', async () => {
  const amsterdam = (await readReal()).areaAttributes!.find((a) => a.code === 'GM0363' && a.year === 2022);
  assert.deepEqual(amsterdam, {
    code: 'GM0363', year: 2022, provinceCode: 'PV27', provinceName: 'Noord-Holland', ggdRegionName: 'GGD Amsterdam',
    urbanity: 1, datasetId: 'regio-indelingen',
  });
});

test('adapters keep the file spelling Fryslân for the 2022 provincie name', async () => {
  const leeuwarden = (await readReal()).areaAttributes!.find((a) => a.code === 'GM0080' && a.year === 2022);
  assert.equal(leeuwarden?.provinceCode, 'PV21');
  assert.equal(leeuwarden?.provinceName, 'Fryslân');
});

test('adapters read the CBS lists of 2021 (352) and 2023 (342) with provincie only', async () => {
  const attributes = (await readReal()).areaAttributes!;
  const y2021 = attributes.filter((a) => a.year === 2021);
  const y2023 = attributes.filter((a) => a.year === 2023);
  assert.equal(y2021.length, 352);
  assert.equal(y2023.length, 342);
  assert.ok([...y2021, ...y2023].every((a) => a.ggdRegionName === null && a.urbanity === null && /^PV\d{2}$/.test(a.provinceCode!)));
});

test('adapters place 2020 gemeenten that no later list has by their boundaries: GM0003 Appingedam → PV20 Groningen', async () => {
  const y2020 = (await readReal()).areaAttributes!.filter((a) => a.year === 2020);
  const appingedam = y2020.find((a) => a.code === 'GM0003');
  assert.equal(appingedam?.provinceCode, 'PV20');
  assert.equal(appingedam?.provinceName, 'Groningen');
  // Merged into Eemsdelta (2021): the GGD-regio holding it in 2022.
  assert.equal(appingedam?.ggdRegionName, 'GGD Groningen');
  // Haaren (GM0788) was divided among four Brabant gemeenten on 1 January 2021.
  assert.equal(y2020.find((a) => a.code === 'GM0788')?.provinceCode, 'PV30');
  // Provincies are derived only for gemeenten missing from 2021–2023: merged or dissolved ones.
  const later = new Set((await readReal()).areaAttributes!.filter((a) => a.year > 2020).map((a) => a.code));
  assert.ok(y2020.filter((a) => a.provinceCode !== null).every((a) => !later.has(a.code)));
});

test('adapters read every PC4 row and match its gemeente name to a code', async () => {
  const postcodes = (await readReal()).postcodes!;
  assert.equal(postcodes.length, 4074);
  const centrum = postcodes.find((p) => p.pc4 === '1011');
  // PC4 1011 is Nieuwmarkt, Lastage and Waterlooplein: wijk WK036304 Nieuwmarkt/Lastage of 2020.
  assert.deepEqual(centrum, {
    pc4: '1011', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: 'WK036304', inhabitants: 9630,
  });
  const named = postcodes.filter((p) => p.gemeenteName !== '');
  const unmatched = named.filter((p) => p.gemeenteCode === null);
  // Every named PC4 matches: Haaren's four postcodes through the 2020 list.
  assert.deepEqual(unmatched.map((p) => p.gemeenteName), []);
  assert.equal(postcodes.filter((p) => p.gemeenteName === 'Haaren' && p.gemeenteCode === 'GM0788').length, 4);
  // 21 PC4 areas have no gemeente in the source (no population or an unassigned area): they stay unmatched.
  assert.equal(postcodes.length - named.length, 21);
  assert.ok(postcodes.every((p) => p.gemeenteName !== '' || p.gemeenteCode === null));
});

/** Names of the 2020 wijken by code, as the boundary file has them. */
async function wijkNames2020(): Promise<Map<string, string>> {
  const topology = JSON.parse(await readFile(path.join(testDataDir(), 'geo-2020/wijk_2020.topojson'), 'utf8')) as {
    objects: { wijk_2020: { geometries: { properties: { statcode: string; statnaam: string } }[] } };
  };
  return new Map(topology.objects.wijk_2020.geometries.map((g) => [g.properties.statcode, g.properties.statnaam]));
}

test('adapters give PC4 1011 (Amsterdam centrum) a 2020 wijk of Amsterdam centrum', async () => {
  const centrum = (await readReal()).postcodes!.find((p) => p.pc4 === '1011');
  assert.match(centrum?.wijkCode ?? '', /^WK0363\d{2}$/);
  // The wijken of stadsdeel Centrum in the 2020 classification (WK036300–WK036309).
  const centrumWijken = [
    'Burgwallen-Oude Zijde', 'Burgwallen-Nieuwe Zijde', 'Grachtengordel-West', 'Grachtengordel-Zuid', 'Nieuwmarkt/Lastage',
    'Haarlemmerbuurt', 'Jordaan', 'De Weteringschans', 'Weesperbuurt/Plantage', 'Oostelijke Eilanden/Kadijken',
  ];
  const name = (await wijkNames2020()).get(centrum!.wijkCode!);
  assert.ok(name !== undefined && centrumWijken.includes(name), `1011 lies in ${centrum!.wijkCode} ${name}`);
});

test('adapters give almost every PC4 with a geometry the 2020 wijk holding its centre', async () => {
  const postcodes = (await readReal()).postcodes!;
  const pc4 = JSON.parse(await readFile(path.join(testDataDir(), 'geo-2022/postcodes_pc4.geojson'), 'utf8')) as {
    features: { properties: { postcode: string } }[];
  };
  const withGeometry = new Set(pc4.features.map((f) => f.properties.postcode));
  const mapped = postcodes.filter((p) => withGeometry.has(p.pc4));
  const withWijk = mapped.filter((p) => p.wijkCode !== null);
  assert.ok(mapped.length > 4000, `${mapped.length} PC4 rows have a geometry`);
  assert.ok(withWijk.length / mapped.length > 0.95, `${withWijk.length} of ${mapped.length} PC4 areas have a wijk`);
  // Without a geometry there is no centre, so no wijk; and every code is a real 2020 wijk.
  assert.ok(postcodes.filter((p) => !withGeometry.has(p.pc4)).every((p) => p.wijkCode === null));
  const names = await wijkNames2020();
  assert.ok(withWijk.every((p) => names.has(p.wijkCode!)));
});

test('adapters keep an empty inhabitant count missing (null), never 0', async () => {
  const postcodes = (await readReal()).postcodes!;
  const p1044 = postcodes.find((p) => p.pc4 === '1044');
  assert.equal(p1044?.inhabitants, null);
  assert.equal(p1044?.gemeenteCode, 'GM0363');
});

// ---- bad input ----

const FILES = [
  'regio-indelingen/gemeenten_2022_provincie_ggdregio_stedelijkheid.csv',
  'regio-indelingen/gemeenten_provincie_2021.csv',
  'regio-indelingen/gemeenten_provincie_2023.csv',
  'regio-indelingen/postcode_pc2_pc3_pc4_gemeente_provincie_corop_ggdregio.csv',
  'geo-2020/gemeente_2020.topojson',
  'geo-2020/provincie_2020.topojson',
  'geo-2022/ggdregios_2022.geojson',
  'geo-2020/wijk_2020.topojson',
  'geo-2022/postcodes_pc4.geojson',
];

/** A data directory with the real files except one, which the test writes. */
async function dataDirWith(file: string, text: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'regio-'));
  await mkdir(path.join(root, 'regio-indelingen'));
  await mkdir(path.join(root, 'geo-2020'));
  await mkdir(path.join(root, 'geo-2022'));
  for (const f of FILES) if (f !== file) await copyFile(path.join(testDataDir(), f), path.join(root, f));
  await writeFile(path.join(root, file), text);
  return root;
}

async function rejects(root: string, file: string, line: number | null, column: string | null, message: RegExp) {
  await assert.rejects(adapter.read(directorySource(root)), (error: unknown) => {
    assert.ok(error instanceof ImportError, String(error));
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.equal(error.column, column);
    assert.match(error.message, message);
    return true;
  });
}

const HEADER_2022 = 'gemeentecode,gemeentenaam,provinciecode,provincienaam,ggdregio_naam,stedelijkheid_2022,omgevingsadressendichtheid_2022,bevolkingsdichtheid_2022,inwoners_2022';

test('adapters reject an urbanity class outside 1–5', async () => {
  const file = FILES[0]!;
  const root = await dataDirWith(file, `${HEADER_2022}\nGM0014,Groningen,PV20,Groningen,GGD Groningen,6,3373,1266,234950\n`);
  await rejects(root, file, 2, 'stedelijkheid_2022', /not an urbanity class/);
});

test('adapters reject a duplicate gemeente code', async () => {
  const file = FILES[0]!;
  const line = 'GM0014,Groningen,PV20,Groningen,GGD Groningen,1,3373,1266,234950';
  const root = await dataDirWith(file, `${HEADER_2022}\n${line}\n${line}\n`);
  await rejects(root, file, 3, 'gemeentecode', /occurs twice \(also on line 2\)/);
});

test('adapters reject a malformed provincie code', async () => {
  const file = FILES[0]!;
  const root = await dataDirWith(file, `${HEADER_2022}\nGM0014,Groningen,20,Groningen,GGD Groningen,1,3373,1266,234950\n`);
  await rejects(root, file, 2, 'provinciecode', /not a provincie code/);
});

test('adapters reject a CBS list whose GM code contradicts the plain code', async () => {
  const file = FILES[1]!;
  const root = await dataDirWith(file, 'Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n0358,GM0359,Aalsmeer,27,PV27,Noord-Holland\n');
  await rejects(root, file, 2, 'Gemeentecode', /does not match GM0359/);
});

test('adapters reject a renamed column in the postcode file', async () => {
  const file = FILES[3]!;
  const root = await dataDirWith(file, 'pc,inwoners,inwoners_man,inwoners_vrouw,plaats,gemeente,provincie,nuts3,ggdregio\n1011,9630,5000,4625,Amsterdam,Amsterdam,Noord-Holland,Groot-Amsterdam,GGD Amsterdam\n');
  await rejects(root, file, 1, 'postcode', /required column is missing/);
});

test('adapters reject text in the inhabitants column of the postcode file', async () => {
  const file = FILES[3]!;
  const root = await dataDirWith(file, 'postcode,inwoners,inwoners_man,inwoners_vrouw,plaats,gemeente,provincie,nuts3,ggdregio\n1011,9.630,5000,4625,Amsterdam,Amsterdam,Noord-Holland,Groot-Amsterdam,GGD Amsterdam\n');
  await rejects(root, file, 2, 'inwoners', /not a number of inhabitants/);
});

test('adapters reject a truncated boundary file', async () => {
  const file = FILES[4]!;
  const root = await dataDirWith(file, '{"type":"Topology","objects":{"gemeente_2020":{"type":"GeometryColl');
  await rejects(root, file, null, null, /truncated/);
});

test('adapters name the missing 2020 boundary file they need', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'regio-'));
  await mkdir(path.join(root, 'regio-indelingen'));
  for (const f of FILES.slice(0, 4)) await copyFile(path.join(testDataDir(), f), path.join(root, f));
  await rejects(root, 'geo-2020/gemeente_2020.topojson', null, null, /missing: the region tables need the 2020 boundaries/);
});

test('adapters name the missing wijk boundary file they need for the postcodes', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'regio-'));
  for (const dir of ['regio-indelingen', 'geo-2020', 'geo-2022']) await mkdir(path.join(root, dir));
  for (const f of FILES.filter((f) => f !== 'geo-2020/wijk_2020.topojson')) await copyFile(path.join(testDataDir(), f), path.join(root, f));
  await rejects(root, 'geo-2020/wijk_2020.topojson', null, null, /missing: the region tables need the 2020 wijken/);
});

test('adapters reject a PC4 feature without a four-digit postcode', async () => {
  const file = 'geo-2022/postcodes_pc4.geojson';
  const square = { type: 'Polygon', coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52.1], [5, 52]]] };
  const root = await dataDirWith(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { postcode: 1011 }, geometry: square }] }));
  await rejects(root, file, null, 'postcode', /feature 1 has postcode 1011, expected four digits/);
});

test('gemeenten merged after 2020 get the GGD-regio of the area that holds them, so every RIVM 2020 gemeente has one', async () => {
  const out = await adapter.read(directorySource(testDataDir()));
  const ggdOf = (code: string) => out.areaAttributes!.find((a) => a.code === code && a.ggdRegionName !== null)?.ggdRegionName;
  // GM0003 Appingedam (merged into Eemsdelta 2021) lies in GGD Groningen; GM0457 Weesp (into Amsterdam 2022) in GGD Amsterdam.
  assert.equal(ggdOf('GM0003'), 'GGD Groningen');
  assert.equal(ggdOf('GM0457'), 'GGD Gooi en Vechtstreek');
});
