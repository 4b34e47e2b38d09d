// Adapters for the boundary files: geo-2020/ (TopoJSON of the RIVM classification: gemeenten, provincies, wijken)
// and geo-2022/ (GeoJSON: gemeenten, provincies, GGD-regio's, COROP, PC4). Every GeometryRecord is TopoJSON whose
// single object is named by the record id and whose geometries carry `{ code, name }` (+ `gm` for wijken), so the
// client joins boundaries to data on `code` whatever the source called it.
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { ImportError, type DataSource, type DatasetAdapter } from '../adapter.ts';
import { readCsvFile, sha256Hex, windForD3 } from './helpers.ts';
import { ggdRegionCode, parentFromCode } from '../../shared/codes.ts';
import type { AreaRecord, DatasetRecord, GeometryRecord } from '../../shared/snapshot.ts';
import type { Level } from '../../shared/types.ts';

type GeoLevel = GeometryRecord['level'];

/**
 * Quantization of the converted GeoJSON: 1e5 steps across the bounding box (about 3 m across the Netherlands),
 * finer than the 40–100 m simplification of the sources, so conversion adds no visible error.
 */
const QUANTIZATION = 1e5;

function decodeJson(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(file, null, null, 'the file is not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(file, null, null, `not valid JSON (${(error as Error).message}); is the file truncated?`);
  }
}

function dataset(id: string, year: number, titleNl: string, source: string[], parts: Uint8Array[]): DatasetRecord {
  return {
    info: {
      id,
      titleNl,
      publisher: 'CBS / Kadaster (CBS Gebiedsindelingen via PDOK)',
      tableId: `CBS Gebiedsindelingen ${year}`,
      licence: 'CC BY 4.0',
      classificationYear: year,
      source,
      contentHash: sha256Hex(parts),
    },
    priority: 100,
    areas: [],
    series: [],
  };
}

/** Tracks codes of one file so that a code occurring twice is reported with both feature numbers. */
function uniqueCheck(file: string) {
  const seen = new Map<string, number>();
  return (code: string, i: number, column: string) => {
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw new ImportError(file, null, column, `feature ${i + 1}: ${code} occurs twice (also feature ${earlier + 1})`);
    }
    seen.set(code, i);
  };
}

// ---- geo-2020: TopoJSON kept as it is, properties normalised ----

const GEO_2020 = 'geo-2020';

const FILES_2020: { level: Level; file: string; object: string; pattern: RegExp; count: number }[] = [
  { level: 'gemeente', file: 'gemeente_2020.topojson', object: 'gemeente_2020', pattern: /^GM\d{4}$/, count: 355 },
  { level: 'provincie', file: 'provincie_2020.topojson', object: 'provincie_2020', pattern: /^PV\d{2}$/, count: 12 },
  { level: 'wijk', file: 'wijk_2020.topojson', object: 'wijk_2020', pattern: /^WK\d{6}$/, count: 3177 },
];

/**
 * Reads one 2020 TopoJSON. Besides the boundaries it returns the gemeenten and wijken as area records: RIVM's
 * file has no wijk names, so these names (CBS `statnaam`) are what the register shows for wijken that no
 * later KWB edition has.
 */
function readTopology2020(bytes: Uint8Array, spec: (typeof FILES_2020)[number]): { geometry: GeometryRecord; areas: AreaRecord[] } {
  const file = `${GEO_2020}/${spec.file}`;
  const topo = decodeJson(bytes, file) as Partial<Topology>;
  const collection = topo.objects?.[spec.object];
  if (topo.type !== 'Topology' || collection?.type !== 'GeometryCollection') {
    throw new ImportError(file, null, null, `expected a TopoJSON Topology with a GeometryCollection "${spec.object}"`);
  }
  const geometries = (collection as GeometryCollection).geometries;
  if (geometries.length !== spec.count) {
    throw new ImportError(file, null, null, `expected ${spec.count} ${spec.level} geometries (PROVENANCE.md), found ${geometries.length}; is the file truncated?`);
  }
  const unique = uniqueCheck(file);
  const normalised: GeometryObject[] = geometries.map((g, i) => {
    const source = (g.properties ?? {}) as Record<string, unknown>;
    const code = source['statcode'];
    const name = source['statnaam'];
    if (typeof code !== 'string' || !spec.pattern.test(code)) {
      throw new ImportError(file, null, 'statcode', `feature ${i + 1}: ${JSON.stringify(code)} is not a ${spec.level} code`);
    }
    if (typeof name !== 'string' || name.trim() === '') {
      throw new ImportError(file, null, 'statnaam', `feature ${i + 1} (${code}) has no name`);
    }
    unique(code, i, 'statcode');
    const properties: Record<string, string> = { code, name: name.trim() };
    if (spec.level === 'wijk') {
      const gm = source['gmCode'];
      if (typeof gm !== 'string' || gm !== parentFromCode(code)) {
        throw new ImportError(file, null, 'gmCode', `feature ${i + 1}: gmCode ${JSON.stringify(gm)} contradicts wijk ${code}`);
      }
      properties['gm'] = gm;
    }
    return { ...g, properties };
  });
  const out: Topology = {
    ...(topo as Topology),
    objects: { [`${spec.level}-2020`]: { type: 'GeometryCollection', geometries: normalised } },
  };
  const geometry: GeometryRecord = {
    id: `${spec.level}-2020`,
    level: spec.level,
    classificationYear: 2020,
    codeProperty: 'code',
    topojson: JSON.stringify(out),
    datasetId: GEO_2020,
  };
  const areas: AreaRecord[] =
    spec.level === 'provincie'
      ? []
      : normalised.map((g) => {
          const p = g.properties as Record<string, string>;
          return { code: p['code']!, level: spec.level, name: p['name']!, parentCode: spec.level === 'wijk' ? p['gm']! : null };
        });
  return { geometry, areas };
}

// ---- geo-2022: GeoJSON converted to TopoJSON ----

const GEO_2022 = 'geo-2022';
const REGION_TABLE = 'regio-indelingen/gemeenten_2022_provincie_ggdregio_stedelijkheid.csv';

/** The certegis boundaries spell the Frisian provincie "Friesland"; CBS and the region table use "Fryslân". */
const PROVINCE_ALIASES: Record<string, string> = { Friesland: 'Fryslân' };

function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

interface Spec2022 {
  level: GeoLevel;
  file: string;
  count: number;
  /** Property holding the name, and how a feature's code follows from its properties. */
  nameProperty: string;
  code: (properties: Record<string, unknown>, name: string) => string | null;
  codePattern: RegExp;
}

async function provinceCodes(source: DataSource): Promise<{ codeOf: Map<string, string>; bytes: Uint8Array }> {
  if (!(await source.exists(REGION_TABLE))) {
    throw new ImportError(REGION_TABLE, null, null, 'missing: the 2022 boundaries need this table to code provincies (PVxx)');
  }
  const { table, bytes } = await readCsvFile(source, REGION_TABLE, ['provinciecode', 'provincienaam']);
  const codeAt = table.header.indexOf('provinciecode');
  const nameAt = table.header.indexOf('provincienaam');
  const codeOf = new Map<string, string>();
  table.rows.forEach((row, r) => {
    const name = row[nameAt]!.trim();
    const code = row[codeAt]!.trim();
    const earlier = codeOf.get(name);
    if (earlier !== undefined && earlier !== code) {
      throw new ImportError(REGION_TABLE, table.lines[r]!, 'provinciecode', `provincie ${name} is ${earlier} elsewhere, ${code} here`);
    }
    codeOf.set(name, code);
  });
  return { codeOf, bytes };
}

function specs2022(provinceCodeOf: Map<string, string>): Spec2022[] {
  return [
    {
      level: 'gemeente', file: 'gemeenten_2022.geojson', count: 345, nameProperty: 'gemeentenaam', codePattern: /^GM\d{4}$/,
      code: (p) => (typeof p['gemeentecode'] === 'string' ? p['gemeentecode'] : null),
    },
    {
      level: 'provincie', file: 'provincies_2022.geojson', count: 12, nameProperty: 'provincie', codePattern: /^PV\d{2}$/,
      code: (_, name) => provinceCodeOf.get(PROVINCE_ALIASES[name] ?? name) ?? null,
    },
    {
      level: 'ggdregio', file: 'ggdregios_2022.geojson', count: 25, nameProperty: 'ggdregio', codePattern: /^ggd-[a-z0-9-]+$/,
      code: (_, name) => ggdRegionCode(name),
    },
    {
      // COROP-gebieden have official codes (CR01…CR40) but the source names them only; a readable slug is stable too.
      level: 'corop', file: 'coropgebieden_nuts3.geojson', count: 40, nameProperty: 'nuts3', codePattern: /^corop-[a-z0-9-]+$/,
      code: (_, name) => `corop-${slug(name)}`,
    },
    {
      level: 'pc4', file: 'postcodes_pc4.geojson', count: 4067, nameProperty: 'postcode', codePattern: /^\d{4}$/,
      code: (_, name) => name,
    },
  ];
}

function convert2022(bytes: Uint8Array, spec: Spec2022): GeometryRecord {
  const file = `${GEO_2022}/${spec.file}`;
  const json = decodeJson(bytes, file) as Partial<FeatureCollection>;
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new ImportError(file, null, null, 'expected a GeoJSON FeatureCollection');
  }
  if (json.features.length !== spec.count) {
    throw new ImportError(file, null, null, `expected ${spec.count} features (PROVENANCE.md), found ${json.features.length}`);
  }
  const unique = uniqueCheck(file);
  const features: Feature<Geometry, { code: string; name: string }>[] = json.features.map((f, i) => {
    const properties = (f.properties ?? {}) as Record<string, unknown>;
    const rawName = properties[spec.nameProperty];
    if (typeof rawName !== 'string' || rawName.trim() === '') {
      throw new ImportError(file, null, spec.nameProperty, `feature ${i + 1} has no ${spec.nameProperty}`);
    }
    const name = rawName.trim();
    const code = spec.code(properties, name);
    if (code === null || !spec.codePattern.test(code)) {
      throw new ImportError(file, null, spec.level === 'gemeente' ? 'gemeentecode' : spec.nameProperty,
        `feature ${i + 1} (${name}): no valid ${spec.level} code (${JSON.stringify(code)})`);
    }
    unique(code, i, spec.level === 'gemeente' ? 'gemeentecode' : spec.nameProperty);
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
      throw new ImportError(file, null, null, `feature ${i + 1} (${code}) has no polygon geometry`);
    }
    return { type: 'Feature', properties: { code, name }, geometry: windForD3(f.geometry) };
  });
  const id = `${spec.level}-2022`;
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ [id]: collection }, QUANTIZATION);
  return { id, level: spec.level, classificationYear: 2022, codeProperty: 'code', topojson: JSON.stringify(topo), datasetId: GEO_2022 };
}

export const adapters: DatasetAdapter[] = [
  {
    folder: GEO_2020,
    async read(source) {
      const parts: Uint8Array[] = [];
      const geometries: GeometryRecord[] = [];
      const areas: AreaRecord[] = [];
      for (const spec of FILES_2020) {
        const bytes = await source.readBytes(`${GEO_2020}/${spec.file}`);
        parts.push(bytes);
        const read = readTopology2020(bytes, spec);
        geometries.push(read.geometry);
        areas.push(...read.areas);
      }
      const record = dataset(GEO_2020, 2020, 'Grenzen 2020 (indeling van RIVM 50090NED): gemeenten, provincies, wijken',
        FILES_2020.map((s) => `${GEO_2020}/${s.file}`), parts);
      // Below the statistical datasets: their spelling of a name wins where they have one.
      return { datasets: [{ ...record, priority: 50, areas }], geometries };
    },
  },
  {
    folder: GEO_2022,
    async read(source) {
      const provinces = await provinceCodes(source);
      const specs = specs2022(provinces.codeOf);
      const parts: Uint8Array[] = [];
      const geometries: GeometryRecord[] = [];
      for (const spec of specs) {
        const bytes = await source.readBytes(`${GEO_2022}/${spec.file}`);
        parts.push(bytes);
        geometries.push(convert2022(bytes, spec));
      }
      const record = dataset(GEO_2022, 2022, "Grenzen 2022: gemeenten, provincies, GGD-regio's, COROP-gebieden, PC4",
        [...specs.map((s) => `${GEO_2022}/${s.file}`), REGION_TABLE], [...parts, provinces.bytes]);
      return { datasets: [record], geometries };
    },
  },
];
