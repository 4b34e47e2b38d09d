// Adapter for the region tables (regio-indelingen/): per gemeente its provincie, GGD-regio and urbanity on the
// classification years 2021, 2022 and 2023, and per four-digit postcode its place and gemeente. Gemeenten of the
// 2020 classification (the RIVM estimates) that no later list has, such as those merged on 1 January 2021, get
// their provincie from the 2020 boundaries (geo-2020/) by a point-in-polygon join. Each PC4 also gets the 2020
// wijk (the classification of RIVM's wijk figures) that holds the centre of its polygon (geo-2022/).
import { geoBounds, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ImportError, type DataSource, type DatasetAdapter } from '../adapter.ts';
import type { CsvTable } from '../csv.ts';
import { readCsvFile, sha256Hex, windForD3 } from './helpers.ts';
import type { AreaAttributes, DatasetRecord, PostcodeRecord } from '../../shared/snapshot.ts';

const FOLDER = 'regio-indelingen';
const DATASET = 'regio-indelingen';
const FILE_2022 = `${FOLDER}/gemeenten_2022_provincie_ggdregio_stedelijkheid.csv`;
const FILE_2021 = `${FOLDER}/gemeenten_provincie_2021.csv`;
const FILE_2023 = `${FOLDER}/gemeenten_provincie_2023.csv`;
const FILE_POSTCODES = `${FOLDER}/postcode_pc2_pc3_pc4_gemeente_provincie_corop_ggdregio.csv`;
const GEMEENTEN_2020 = 'geo-2020/gemeente_2020.topojson';
const PROVINCIES_2020 = 'geo-2020/provincie_2020.topojson';
const GGD_REGIONS_2022 = 'geo-2022/ggdregios_2022.geojson';
const WIJKEN_2020 = 'geo-2020/wijk_2020.topojson';
const PC4_2022 = 'geo-2022/postcodes_pc4.geojson';

interface Gemeente {
  code: string;
  name: string;
}

function cell(table: CsvTable, r: number, column: string): string {
  return table.rows[r]![table.header.indexOf(column)]!.trim();
}

function fail(table: CsvTable, r: number, column: string, problem: string): never {
  throw new ImportError(table.file, table.lines[r]!, column, problem);
}

/** Checks a code column against its pattern and that each code occurs once. */
function uniqueCodes(table: CsvTable, column: string, pattern: RegExp, what: string): string[] {
  const seen = new Map<string, number>();
  return table.rows.map((_, r) => {
    const code = cell(table, r, column);
    if (!pattern.test(code)) fail(table, r, column, `"${code}" is not a ${what}`);
    const earlier = seen.get(code);
    if (earlier !== undefined) fail(table, r, column, `${code} occurs twice (also on line ${earlier})`);
    seen.set(code, table.lines[r]!);
    return code;
  });
}

function nonEmpty(table: CsvTable, r: number, column: string): string {
  const value = cell(table, r, column);
  if (value === '') fail(table, r, column, 'empty; every gemeente needs one');
  return value;
}

async function read2022(source: DataSource): Promise<{ attributes: AreaAttributes[]; gemeenten: Gemeente[]; bytes: Uint8Array }> {
  const required = ['gemeentecode', 'gemeentenaam', 'provinciecode', 'provincienaam', 'ggdregio_naam', 'stedelijkheid_2022'];
  const { table, bytes } = await readCsvFile(source, FILE_2022, required);
  const codes = uniqueCodes(table, 'gemeentecode', /^GM\d{4}$/, 'gemeente code (GMxxxx)');
  const attributes: AreaAttributes[] = [];
  const gemeenten: Gemeente[] = [];
  table.rows.forEach((_, r) => {
    const provinceCode = cell(table, r, 'provinciecode');
    if (!/^PV\d{2}$/.test(provinceCode)) fail(table, r, 'provinciecode', `"${provinceCode}" is not a provincie code (PVxx)`);
    const urbanityText = cell(table, r, 'stedelijkheid_2022');
    if (!/^[1-5]$/.test(urbanityText)) fail(table, r, 'stedelijkheid_2022', `"${urbanityText}" is not an urbanity class 1–5`);
    const code = codes[r]!;
    gemeenten.push({ code, name: nonEmpty(table, r, 'gemeentenaam') });
    attributes.push({
      code,
      year: 2022,
      provinceCode,
      provinceName: nonEmpty(table, r, 'provincienaam'),
      ggdRegionName: nonEmpty(table, r, 'ggdregio_naam'),
      urbanity: Number(urbanityText),
      datasetId: DATASET,
    });
  });
  return { attributes, gemeenten, bytes };
}

/** The CBS lists "Gemeenten alfabetisch": provincie only; the GM and PV codes must agree with the plain digits. */
async function readCbsList(source: DataSource, file: string, year: number): Promise<{ attributes: AreaAttributes[]; gemeenten: Gemeente[]; bytes: Uint8Array }> {
  const required = ['Gemeentecode', 'GemeentecodeGM', 'Gemeentenaam', 'Provinciecode', 'ProvinciecodePV', 'Provincienaam'];
  const { table, bytes } = await readCsvFile(source, file, required);
  const codes = uniqueCodes(table, 'GemeentecodeGM', /^GM\d{4}$/, 'gemeente code (GMxxxx)');
  const attributes: AreaAttributes[] = [];
  const gemeenten: Gemeente[] = [];
  table.rows.forEach((_, r) => {
    const code = codes[r]!;
    if (cell(table, r, 'Gemeentecode') !== code.slice(2)) {
      fail(table, r, 'Gemeentecode', `"${cell(table, r, 'Gemeentecode')}" does not match ${code}`);
    }
    const provinceCode = cell(table, r, 'ProvinciecodePV');
    if (!/^PV\d{2}$/.test(provinceCode)) fail(table, r, 'ProvinciecodePV', `"${provinceCode}" is not a provincie code (PVxx)`);
    if (cell(table, r, 'Provinciecode') !== provinceCode.slice(2)) {
      fail(table, r, 'Provinciecode', `"${cell(table, r, 'Provinciecode')}" does not match ${provinceCode}`);
    }
    gemeenten.push({ code, name: nonEmpty(table, r, 'Gemeentenaam') });
    attributes.push({
      code,
      year,
      provinceCode,
      provinceName: nonEmpty(table, r, 'Provincienaam'),
      ggdRegionName: null,
      urbanity: null,
      datasetId: DATASET,
    });
  });
  return { attributes, gemeenten, bytes };
}

/** Looks a gemeente name up in the lists in order of preference (case-insensitive, as the postcode file's case varies). */
function nameIndex(lists: readonly Gemeente[][]): (name: string) => string | null {
  const index = new Map<string, string>();
  for (const list of lists) {
    for (const g of list) {
      const key = g.name.toLowerCase();
      if (!index.has(key)) index.set(key, g.code);
    }
  }
  return (name) => index.get(name.toLowerCase()) ?? null;
}

async function readPostcodes(
  source: DataSource,
  codeOf: (name: string) => string | null,
  wijkOf: ReadonlyMap<string, string>,
): Promise<{ postcodes: PostcodeRecord[]; bytes: Uint8Array }> {
  const { table, bytes } = await readCsvFile(source, FILE_POSTCODES, ['postcode', 'inwoners', 'plaats', 'gemeente']);
  const postcodes: PostcodeRecord[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((_, r) => {
    const postcode = cell(table, r, 'postcode');
    if (!/^\d{2,4}$/.test(postcode)) fail(table, r, 'postcode', `"${postcode}" is not a PC2, PC3 or PC4 postcode`);
    // The file also has PC2 and PC3 aggregates; search needs the four-digit areas only.
    if (postcode.length !== 4) return;
    const earlier = seen.get(postcode);
    if (earlier !== undefined) fail(table, r, 'postcode', `postcode ${postcode} occurs twice (also on line ${earlier})`);
    seen.set(postcode, table.lines[r]!);
    const inhabitantsText = cell(table, r, 'inwoners');
    if (inhabitantsText !== '' && !/^\d+$/.test(inhabitantsText)) {
      fail(table, r, 'inwoners', `"${inhabitantsText}" is not a number of inhabitants`);
    }
    const gemeenteName = cell(table, r, 'gemeente');
    postcodes.push({
      pc4: postcode,
      place: cell(table, r, 'plaats'),
      gemeenteCode: gemeenteName === '' ? null : codeOf(gemeenteName),
      gemeenteName,
      wijkCode: wijkOf.get(postcode) ?? null,
      // Empty = no population figure published (e.g. business parks); missing, not 0.
      inhabitants: inhabitantsText === '' ? null : Number(inhabitantsText),
    });
  });
  return { postcodes, bytes };
}

async function readTopology(source: DataSource, file: string, object: string): Promise<{ features: FeatureCollection<Geometry>; bytes: Uint8Array }> {
  const bytes = await source.readBytes(file);
  let topology: Topology;
  try {
    topology = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Topology;
  } catch (error) {
    throw new ImportError(file, null, null, `not valid UTF-8 JSON (${(error as Error).message}); is the file truncated?`);
  }
  const collection = topology.objects?.[object];
  if (topology.type !== 'Topology' || collection?.type !== 'GeometryCollection') {
    throw new ImportError(file, null, null, `expected a TopoJSON Topology with a GeometryCollection "${object}"`);
  }
  return { features: feature(topology, collection as GeometryCollection) as FeatureCollection<Geometry>, bytes };
}

function statcode(f: Feature, file: string, i: number, pattern: RegExp): { code: string; name: string } {
  const code = f.properties?.['statcode'];
  const name = f.properties?.['statnaam'];
  if (typeof code !== 'string' || !pattern.test(code)) {
    throw new ImportError(file, null, 'statcode', `feature ${i + 1} has statcode ${JSON.stringify(code)}, expected ${pattern.source}`);
  }
  return { code, name: typeof name === 'string' ? name : '' };
}

function vertices(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  return [];
}

/**
 * Provincie of each 2020 gemeente that is in no later list. The representative point is the centroid; for a
 * gemeente whose centroid lies outside every provincie (a bay, as with Reimerswaal) the provincie holding most
 * of its boundary vertices decides.
 */
async function derive2020(source: DataSource, known: ReadonlySet<string>, in2022: ReadonlySet<string>): Promise<{ attributes: AreaAttributes[]; gemeenten: Gemeente[]; bytes: Uint8Array[] }> {
  for (const file of [GEMEENTEN_2020, PROVINCIES_2020]) {
    if (!(await source.exists(file))) {
      throw new ImportError(file, null, null, 'missing: the region tables need the 2020 boundaries to place gemeenten merged since 2020');
    }
  }
  const gemeenten = await readTopology(source, GEMEENTEN_2020, 'gemeente_2020');
  const provincies = await readTopology(source, PROVINCIES_2020, 'provincie_2020');
  const ggd = await readGgdRegions(source);
  const provinces = provincies.features.features.map((f, i) => ({ feature: f, ...statcode(f, PROVINCIES_2020, i, /^PV\d{2}$/) }));
  const attributes: AreaAttributes[] = [];
  const list: Gemeente[] = [];
  gemeenten.features.features.forEach((f, i) => {
    const { code, name } = statcode(f, GEMEENTEN_2020, i, /^GM\d{4}$/);
    list.push({ code, name });
    const centroid = geoCentroid(f);
    // Gemeenten merged after 2020 are in no GGD list of the mirror (only 2022 has GGD-regio's); the GGD-regio
    // that contains them is the one of their successor, so the RIVM 2020 figures of all 355 gemeenten count.
    const ggdRegionName = in2022.has(code) ? null : (ggd.regions.find((r) => geoContains(r.feature, centroid))?.name ?? null);
    if (known.has(code)) {
      if (ggdRegionName !== null) {
        attributes.push({ code, year: 2020, provinceCode: null, provinceName: null, ggdRegionName, urbanity: null, datasetId: DATASET });
      }
      return;
    }
    let province = provinces.find((p) => geoContains(p.feature, centroid));
    if (province === undefined) {
      const votes = new Map<(typeof provinces)[number], number>();
      for (const point of vertices(f.geometry)) {
        const hit = provinces.find((p) => geoContains(p.feature, point as [number, number]));
        if (hit !== undefined) votes.set(hit, (votes.get(hit) ?? 0) + 1);
      }
      province = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    }
    if (province === undefined) {
      throw new ImportError(GEMEENTEN_2020, null, 'statcode', `gemeente ${code} ${name} lies in no provincie of ${PROVINCIES_2020}`);
    }
    attributes.push({
      code,
      year: 2020,
      provinceCode: province.code,
      provinceName: province.name,
      ggdRegionName,
      urbanity: null,
      datasetId: DATASET,
    });
  });
  return { attributes, gemeenten: list, bytes: [gemeenten.bytes, provincies.bytes, ggd.bytes] };
}

async function readGeoJson(source: DataSource, file: string): Promise<{ collection: FeatureCollection<Polygon | MultiPolygon>; bytes: Uint8Array }> {
  const bytes = await source.readBytes(file);
  let collection: FeatureCollection<Polygon | MultiPolygon>;
  try {
    collection = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as FeatureCollection<Polygon | MultiPolygon>;
  } catch (error) {
    throw new ImportError(file, null, null, `not valid UTF-8 JSON (${(error as Error).message}); is the file truncated?`);
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportError(file, null, null, 'expected a GeoJSON FeatureCollection');
  }
  return { collection, bytes };
}

/** The 25 GGD-regio polygons of 2022, wound the way d3-geo expects. */
async function readGgdRegions(source: DataSource): Promise<{ regions: { name: string; feature: Feature<Geometry> }[]; bytes: Uint8Array }> {
  const { collection, bytes } = await readGeoJson(source, GGD_REGIONS_2022);
  const regions = collection.features.map((f, i) => {
    const name = f.properties?.['ggdregio'];
    if (typeof name !== 'string' || name === '') throw new ImportError(GGD_REGIONS_2022, null, 'ggdregio', `feature ${i + 1} has no GGD-regio name`);
    return { name, feature: { ...f, geometry: windForD3(f.geometry) } as Feature<Geometry> };
  });
  return { regions, bytes };
}

/**
 * The 2020 wijk holding the centroid of each PC4 polygon, by postcode. The centre point decides, so a postcode
 * spanning two wijken gets one of them; a centre outside every wijk (water, a gap between the independently
 * simplified boundaries) gets none. Each wijk's bounding box is computed once and checked before the exact
 * (and much slower) spherical point-in-polygon test.
 */
async function wijkPerPostcode(source: DataSource): Promise<{ wijkOf: Map<string, string>; bytes: Uint8Array[] }> {
  for (const file of [WIJKEN_2020, PC4_2022]) {
    if (!(await source.exists(file))) {
      throw new ImportError(file, null, null, 'missing: the region tables need the 2020 wijken and the PC4 areas to give each postcode its wijk');
    }
  }
  const wijken = await readTopology(source, WIJKEN_2020, 'wijk_2020');
  const boxes = wijken.features.features.map((f, i) => {
    const { code } = statcode(f, WIJKEN_2020, i, /^WK\d{6}$/);
    const [[west, south], [east, north]] = geoBounds(f);
    return { code, feature: f, west, south, east, north };
  });
  const pc4 = await readGeoJson(source, PC4_2022);
  const wijkOf = new Map<string, string>();
  pc4.collection.features.forEach((f, i) => {
    const postcode = f.properties?.['postcode'];
    if (typeof postcode !== 'string' || !/^\d{4}$/.test(postcode)) {
      throw new ImportError(PC4_2022, null, 'postcode', `feature ${i + 1} has postcode ${JSON.stringify(postcode)}, expected four digits`);
    }
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') return;
    const centre = geoCentroid({ ...f, geometry: windForD3(f.geometry) });
    const [x, y] = centre;
    const hit = boxes.find((b) => x >= b.west && x <= b.east && y >= b.south && y <= b.north && geoContains(b.feature, centre));
    if (hit !== undefined) wijkOf.set(postcode, hit.code);
  });
  return { wijkOf, bytes: [wijken.bytes, pc4.bytes] };
}

export const adapters: DatasetAdapter[] = [
  {
    folder: FOLDER,
    async read(source) {
      const y2022 = await read2022(source);
      const y2021 = await readCbsList(source, FILE_2021, 2021);
      const y2023 = await readCbsList(source, FILE_2023, 2023);
      const known = new Set([...y2021.gemeenten, ...y2022.gemeenten, ...y2023.gemeenten].map((g) => g.code));
      const y2020 = await derive2020(source, known, new Set(y2022.gemeenten.map((g) => g.code)));
      // 2022 first (the postcode file names gemeenten as in 2021/2022), then 2021, 2023 and, for the few
      // postcodes still named after a gemeente dissolved on 1 January 2021 (Haaren), the 2020 list.
      const codeOf = nameIndex([y2022.gemeenten, y2021.gemeenten, y2023.gemeenten, y2020.gemeenten]);
      const wijk = await wijkPerPostcode(source);
      const pc = await readPostcodes(source, codeOf, wijk.wijkOf);
      const dataset: DatasetRecord = {
        info: {
          id: DATASET,
          titleNl: 'Regio-indelingen: gemeente naar provincie, GGD-regio en stedelijkheid; postcode naar gemeente en wijk',
          publisher: 'CBS',
          tableId: 'Gemeentelijke indeling op 1 januari; 83503NED (postcodes)',
          licence: 'CC BY 4.0 (CBS open data)',
          classificationYear: 2022,
          source: [FILE_2022, FILE_2021, FILE_2023, FILE_POSTCODES, GEMEENTEN_2020, PROVINCIES_2020, GGD_REGIONS_2022, WIJKEN_2020, PC4_2022],
          contentHash: sha256Hex([y2022.bytes, y2021.bytes, y2023.bytes, pc.bytes, ...y2020.bytes, ...wijk.bytes]),
        },
        priority: 100,
        areas: [],
        series: [],
      };
      return {
        datasets: [dataset],
        areaAttributes: [...y2020.attributes, ...y2021.attributes, ...y2022.attributes, ...y2023.attributes],
        postcodes: pc.postcodes,
      };
    },
  },
];
