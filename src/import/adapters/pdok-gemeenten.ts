// Gemeente maps 2012–2024 (CBS wijk- en buurtkaart via PDOK, compiled with extra attributes; see the folder's
// PROVENANCE.md): one GeoJSON FeatureCollection per classification year. From each we take the gemeenten with
// the attributes that have a clear CBS KWB meaning (a time series at gemeente level on that year's boundaries),
// the Vektis health-care costs as a dataset of their own (another publisher, another licence), and for the years
// no other folder covers the boundaries as TopoJSON. Priority is low: where a KWB file holds the same indicator
// and year, its unrounded figure wins.
import { geoArea } from 'd3-geo';
import { topology } from 'topojson-server';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { ImportError, type DataSource, type DatasetAdapter, type AdapterOutput } from '../adapter.ts';
import { kwbCatalogFor, PDOK_ATTRIBUTES, VEKTIS_ATTRIBUTES, VEKTIS_GGZ_FROM, seriesSpecs, type ColumnMapping } from '../catalog/kwb.ts';
import { areaLevel, datasetInfo, decodeUtf8Located, sha256Hex } from './helpers.ts';
import { normaliseCode } from '../../shared/codes.ts';
import type { AreaRecord, DatasetRecord, GeometryRecord, SeriesRecord } from '../../shared/snapshot.ts';
import { MISSING_REASON_CODES } from '../../shared/types.ts';

export const PDOK_FOLDER = 'gemeenten-2012-2024-pdok';

export const PDOK_YEARS = [2012, 2017, 2018, 2019, 2022, 2023, 2024] as const;

/** Boundaries are taken from here only for years that geo-2020 / geo-2022 do not already provide. */
export const PDOK_GEOMETRY_YEARS: ReadonlySet<number> = new Set([2012, 2017, 2018, 2019, 2023, 2024]);

/**
 * Features that are no gemeente: GM0998 "Buitenland" (addresses abroad, no CBS figures) and, in 2012 only,
 * GM9999 with a blank name and nothing but species counts.
 */
const NOT_A_GEMEENTE: ReadonlySet<string> = new Set(['GM0998', 'GM9999']);

/** Quantisation of the TopoJSON: 1e5 steps over the Netherlands' extent is about 3 m, finer than the 5-decimal source. */
const QUANTIZATION = 1e5;

interface Parsed {
  metadata: Record<string, unknown>;
  features: Feature<Geometry | null, Record<string, unknown>>[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCollection(text: string, file: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(file, null, null, `not valid JSON (${(error as Error).message}); is the file truncated?`);
  }
  if (!isRecord(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    throw new ImportError(file, null, 'type', 'expected a GeoJSON FeatureCollection with a "features" array');
  }
  const metadata = json['metadata'];
  if (!isRecord(metadata)) throw new ImportError(file, null, 'metadata', 'the "metadata" object that PROVENANCE.md describes is missing');
  const features = json['features'] as unknown[];
  features.forEach((feature, i) => {
    if (!isRecord(feature) || !isRecord(feature['properties'])) {
      throw new ImportError(file, null, 'properties', `feature ${i + 1} has no properties object`);
    }
  });
  return { metadata, features: features as Parsed['features'] };
}

interface Kept {
  area: AreaRecord;
  feature: Feature<Geometry | null, Record<string, unknown>>;
  index: number;
}

function keptGemeenten(parsed: Parsed, file: string): Kept[] {
  const kept: Kept[] = [];
  const seen = new Map<string, number>();
  parsed.features.forEach((feature, index) => {
    const raw = feature.properties['gemeentecode'];
    if (typeof raw !== 'string') throw new ImportError(file, null, 'gemeentecode', `feature ${index + 1} has no gemeentecode`);
    const code = normaliseCode(raw);
    if (NOT_A_GEMEENTE.has(code)) return;
    const level = areaLevel(code);
    if (level !== 'gemeente') {
      throw new ImportError(file, null, 'gemeentecode', `feature ${index + 1}: "${raw}" is not a gemeente code (GMxxxx)`);
    }
    const first = seen.get(code);
    if (first !== undefined) throw new ImportError(file, null, 'gemeentecode', `feature ${index + 1}: gemeente ${code} occurs twice (first as feature ${first})`);
    seen.set(code, index + 1);
    const name = feature.properties['gemeentenaam'];
    if (typeof name !== 'string' || name.trim() === '') {
      throw new ImportError(file, null, 'gemeentenaam', `feature ${index + 1} (${code}) has no gemeentenaam`);
    }
    kept.push({ area: { code, level, name: name.trim(), parentCode: null }, feature, index });
  });
  return kept;
}

/** One series per attribute; an absent or null property is 'empty' (not published or not compiled), never 0. */
function readAttributes(kept: readonly Kept[], mappings: readonly ColumnMapping[], year: number, file: string): SeriesRecord[] {
  const series: SeriesRecord[] = [];
  for (const spec of seriesSpecs(mappings, year)) {
    const values = new Float64Array(kept.length);
    const missing = new Uint8Array(kept.length);
    let present = 0;
    kept.forEach(({ feature, area, index }, i) => {
      const value = feature.properties[spec.column];
      if (value === undefined || value === null) {
        values[i] = Number.NaN;
        missing[i] = MISSING_REASON_CODES.empty;
      } else if (typeof value === 'number' && Number.isFinite(value)) {
        values[i] = value;
        present++;
      } else {
        throw new ImportError(file, null, spec.column, `feature ${index + 1} (${area.code}): ${JSON.stringify(value)} is not a number`);
      }
    });
    if (present > 0) series.push({ ...spec, sourceColumn: spec.column, values, missing });
  }
  return series;
}

/** Twice the signed planar area of a ring in degrees²; 0 for a ring that encloses nothing. */
function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/**
 * Makes a gemeente drawable by d3-geo (the client's renderer), which reads winding on the sphere: the source
 * mixes both windings and holds some zero-area slivers, and a polygon that d3 reads as "everything but this"
 * paints the whole map. Slivers are dropped; a polygon covering more than a hemisphere has all its rings turned
 * round, so holes stay holes.
 */
function windForD3(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const coordinates = polygons
    .filter((rings) => rings[0] !== undefined && rings[0].length >= 4 && ringArea2(rings[0]) !== 0)
    .map((rings) => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings));
  return { type: 'MultiPolygon', coordinates };
}

function toTopojson(kept: readonly Kept[], id: string, file: string): string {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: kept.map(({ feature, area, index }) => {
      const geometry = feature.geometry;
      if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
        throw new ImportError(file, null, 'geometry', `feature ${index + 1} (${area.code}) has no polygon geometry`);
      }
      return { type: 'Feature', properties: { code: area.code, name: area.name }, geometry: windForD3(geometry) };
    }),
  };
  const topo = topology({ [id]: collection }, QUANTIZATION);
  rewindQuantised(topo, id);
  return JSON.stringify(topo);
}

/**
 * Quantisation can collapse a tiny island to a line or turn its winding round, which d3-geo then reads as
 * "the whole globe but this". Checked per polygon on the quantised arcs: a collapsed polygon is dropped, one that
 * covers more than a hemisphere is reversed (arc order reversed and each arc index complemented).
 */
function rewindQuantised(topo: Topology, id: string): void {
  const object = topo.objects[id] as GeometryCollection;
  for (const geometry of object.geometries) {
    if (geometry.type !== 'MultiPolygon') continue;
    geometry.arcs = geometry.arcs.flatMap((rings) => {
      const decoded = topoFeature(topo, { type: 'Polygon', arcs: rings }).geometry;
      const exterior = decoded.coordinates[0];
      if (exterior === undefined || ringArea2(exterior) === 0) return [];
      return geoArea(decoded) > 2 * Math.PI ? [rings.map((ring) => [...ring].reverse().map((arc) => ~arc))] : [rings];
    });
  }
}

async function readYear(source: DataSource, year: number): Promise<Pick<AdapterOutput, 'datasets' | 'geometries'>> {
  const file = `${PDOK_FOLDER}/gemeenten_${year}.geojson`;
  const bytes = await source.readBytes(file);
  const parsed = parseCollection(decodeUtf8Located(bytes, file, null), file);
  if (parsed.metadata['year'] !== year) {
    throw new ImportError(file, null, 'metadata.year', `the file says year ${JSON.stringify(parsed.metadata['year'])}, its name says ${year}`);
  }
  const kept = keptGemeenten(parsed, file);
  const areas = kept.map((k) => k.area);
  const contentHash = sha256Hex([bytes]);
  const datasetId = `pdok-gemeenten-${year}`;
  const datasets: DatasetRecord[] = [{
    info: datasetInfo({
      id: datasetId,
      titleNl: `Gemeenten ${year} met kerncijfers (CBS wijk- en buurtkaart via PDOK)`,
      publisher: 'CBS / Kadaster (PDOK)',
      tableId: `PDOK cbs/wijkenbuurten/${year}`,
      classificationYear: year,
      source: [file],
      contentHash,
    }),
    priority: 10,
    areas,
    series: readAttributes(kept, PDOK_ATTRIBUTES, year, file),
  }];
  // The costs come with their own reference year; a file that repeats an earlier year's costs (2024 carries
  // 2023) adds nothing and would put one period on two classifications, so only same-year costs are read.
  if (parsed.metadata['zk_jaar'] === year) {
    const mappings = VEKTIS_ATTRIBUTES.filter((m) => year >= VEKTIS_GGZ_FROM || m.indicatorId !== 'zorgkosten_ggz');
    const series = readAttributes(kept, mappings, year, file);
    if (series.length > 0) {
      datasets.push({
        info: datasetInfo({
          id: `vektis-zorgkosten-${year}`,
          titleNl: `Zorgkosten per verzekerde per gemeente ${year} (Vektis, via de PDOK-gemeentekaart)`,
          publisher: 'Vektis',
          tableId: 'Vektis open data zorgkosten Zvw per gemeente',
          licence: 'Vektis open data: hergebruik met bronvermelding, niet-commercieel',
          classificationYear: year,
          source: [file],
          contentHash,
        }),
        priority: 10,
        areas,
        series,
      });
    }
  }
  const geometries: GeometryRecord[] = [];
  if (PDOK_GEOMETRY_YEARS.has(year)) {
    const id = `gemeente-${year}`;
    geometries.push({ id, level: 'gemeente', classificationYear: year, codeProperty: 'code', topojson: toTopojson(kept, id, file), datasetId });
  }
  return { datasets, geometries };
}

export const adapters: DatasetAdapter[] = [
  {
    folder: PDOK_FOLDER,
    async read(source) {
      // One year after the other: the first bad file is the one reported, and only one file is in memory at a time.
      const datasets: DatasetRecord[] = [];
      const geometries: GeometryRecord[] = [];
      for (const year of PDOK_YEARS) {
        const out = await readYear(source, year);
        datasets.push(...out.datasets);
        geometries.push(...out.geometries);
      }
      return { datasets, geometries, indicators: kwbCatalogFor(datasets) };
    },
  },
];
