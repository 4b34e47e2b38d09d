// The online import: the same records the offline adapters produce, read from StatLine OData v3 instead of the
// data directory. KWB 2024 (85984NED) comes from the CBS catalogue, the RIVM health estimates (50090NED) from
// the "dataderden" catalogue. Values are taken exactly as StatLine's TypedDataSet gives them: a number is a
// value, null is an absent figure (NaN + 'empty', never 0), and anything else in a measure column means the
// table is not what we think it is, so the import stops with a StatlineError naming table, row and key.
import { createHash } from 'node:crypto';
import type { AdapterOutput } from '../adapter.ts';
import { KWB_2024_COLUMNS, kwbCatalogFor, seriesSpecs } from '../catalog/kwb.ts';
import { HEALTH_AGE_GROUPS, HEALTH_MEASURES, healthIndicator, healthIndicatorId, type HealthAgeGroup } from '../catalog/health.ts';
import { levelOfCode, normaliseCode, parentFromCode } from '../../shared/codes.ts';
import type { AreaRecord, DatasetRecord, IndicatorDefinition, SeriesRecord } from '../../shared/snapshot.ts';
import { MISSING_REASON_CODES, type Level } from '../../shared/types.ts';
import { StatlineError, type DataProperty, type StatlineClient, type StatlineResult, type TypedRow } from './client.ts';

export interface OnlineClients {
  /** opendata.cbs.nl */
  cbs: StatlineClient;
  /** dataderden.cbs.nl, where RIVM publishes. */
  rivm: StatlineClient;
}

export type OnlineProgress = (message: string) => void;

/** One StatLine topic read as the values of one indicator for one period. */
export interface OnlineTopic {
  /** Topic key exactly as in DataProperties, e.g. `AantalInwoners_5`. */
  sourceColumn: string;
  indicatorId: string;
  period: string;
  referenceNl: string;
}

/** The KWB 2024 topics, mapped to catalog ids exactly as the offline adapter maps the same columns. */
export const KWB_2024_TOPICS: readonly OnlineTopic[] = seriesSpecs(KWB_2024_COLUMNS, 2024).map((spec) => ({
  sourceColumn: spec.column,
  indicatorId: spec.indicatorId,
  period: spec.period,
  referenceNl: spec.referenceNl,
}));

export const KWB_2024_TABLE = '85984NED';
export const RIVM_TABLE = '50090NED';

/** StatLine's region words in SoortRegio_2, checked against the level the code implies. */
const SOORT_REGIO: Readonly<Record<string, Level>> = { Land: 'land', Gemeente: 'gemeente', Wijk: 'wijk', Buurt: 'buurt' };

/** DataProperties datatypes that hold numbers. */
const NUMERIC_DATATYPES = new Set(['Long', 'Double', 'Float', 'Integer', 'Decimal', 'Short']);

function sha256OfBodies(results: readonly StatlineResult<unknown>[]): string {
  const hash = createHash('sha256');
  for (const result of results) for (const body of result.bodies) hash.update(body);
  return hash.digest('hex');
}

/** Where a row came from, for messages: its position in the response and StatLine's own row ID. */
function rowName(row: TypedRow, index: number): string {
  return `row ${index}${typeof row['ID'] === 'number' ? ` (ID ${row['ID']})` : ''}`;
}

function fail(tableId: string, url: string, problem: string): never {
  throw new StatlineError('invalid-response', tableId, url, 200, problem);
}

/** A text field of a row, trimmed (StatLine pads codes and names with spaces). */
function text(tableId: string, url: string, row: TypedRow, index: number, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') fail(tableId, url, `${rowName(row, index)}, key ${key}: expected text, found ${JSON.stringify(value ?? null)}`);
  return value.trim();
}

/** A measure cell: [value, missing code]. null is an absent figure; text or a missing key is an error. */
function measure(tableId: string, url: string, row: TypedRow, index: number, key: string): [number, number] {
  const value = row[key];
  if (typeof value === 'number' && Number.isFinite(value)) return [value, 0];
  if (value === null) return [Number.NaN, MISSING_REASON_CODES.empty];
  if (value === undefined) fail(tableId, url, `${rowName(row, index)} has no key ${key}`);
  return fail(tableId, url, `${rowName(row, index)}, key ${key}: "${String(value).slice(0, 40)}" is not a number`);
}

/** The area of one row: code from WijkenEnBuurten, level checked against SoortRegio_2. */
function rowArea(tableId: string, url: string, row: TypedRow, index: number, name: (code: string, level: Level) => string): AreaRecord {
  const raw = text(tableId, url, row, index, 'WijkenEnBuurten');
  const code = normaliseCode(raw);
  const level = levelOfCode(code);
  if (level === null) fail(tableId, url, `${rowName(row, index)}, key WijkenEnBuurten: "${raw}" is not a CBS area code`);
  const soort = text(tableId, url, row, index, 'SoortRegio_2');
  if (SOORT_REGIO[soort] !== level) {
    fail(tableId, url, `${rowName(row, index)}, key SoortRegio_2: "${soort}" does not match code ${code}, which is a ${level}`);
  }
  return { code, level, name: name(code, level), parentCode: level === 'wijk' || level === 'buurt' ? parentFromCode(code) : null };
}

/** Every mapped key must be a numeric topic of the table; a renamed or retyped topic stops the import. */
function checkTopics(tableId: string, url: string, properties: readonly DataProperty[], keys: readonly string[]): void {
  for (const key of keys) {
    const property = properties.find((p) => p.Key === key);
    if (property === undefined) fail(tableId, url, `DataProperties has no topic ${key}; was the table changed?`);
    if (property.Type !== 'Topic' || !NUMERIC_DATATYPES.has(property.Datatype ?? '')) {
      fail(tableId, url, `${key} is a ${property.Type} of datatype ${property.Datatype ?? 'none'}, not a numeric topic`);
    }
  }
}

/** Series aligned with `rows`, one per topic; a topic without a single value yields no series (as offline). */
function readSeries(tableId: string, url: string, rows: readonly { row: TypedRow; index: number }[], topics: readonly OnlineTopic[]): SeriesRecord[] {
  const series: SeriesRecord[] = [];
  for (const topic of topics) {
    const values = new Float64Array(rows.length);
    const missing = new Uint8Array(rows.length);
    let present = 0;
    rows.forEach(({ row, index }, i) => {
      const [value, code] = measure(tableId, url, row, index, topic.sourceColumn);
      values[i] = value;
      missing[i] = code;
      if (code === 0) present++;
    });
    if (present > 0) series.push({ indicatorId: topic.indicatorId, period: topic.period, sourceColumn: topic.sourceColumn, referenceNl: topic.referenceNl, values, missing });
  }
  return series;
}

function checkUnique(tableId: string, url: string, areas: readonly AreaRecord[]): void {
  const seen = new Set<string>();
  for (const area of areas) {
    if (seen.has(area.code)) fail(tableId, url, `area ${area.code} occurs twice`);
    seen.add(area.code);
  }
}

/** KWB 2024 (85984NED) as one dataset on the 2024 classification, like the offline adapter of the subset. */
export async function readKwb2024Online(cbs: StatlineClient, progress: OnlineProgress = () => undefined, topics: readonly OnlineTopic[] = KWB_2024_TOPICS): Promise<DatasetRecord> {
  const tableId = KWB_2024_TABLE;
  progress(`StatLine ${tableId}: table information`);
  const infos = await cbs.tableInfos(tableId);
  const info = infos.value[0];
  if (info === undefined || info.Identifier.trim() !== tableId) fail(tableId, infos.urls[0]!, `TableInfos does not describe ${tableId}`);
  progress(`StatLine ${tableId}: topics`);
  const properties = await cbs.dataProperties(tableId);
  checkTopics(tableId, properties.urls[0]!, properties.value, topics.map((t) => t.sourceColumn));
  progress(`StatLine ${tableId}: region names`);
  const regions = await cbs.categories(tableId, 'WijkenEnBuurten');
  const titles = new Map(regions.value.map((c) => [normaliseCode(c.Key), c.Title.trim()]));
  progress(`StatLine ${tableId}: data`);
  const data = await cbs.typedDataSet(tableId, {
    select: ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', ...topics.map((t) => t.sourceColumn)],
  });
  const url = data.urls[0]!;
  const rows = data.value.map((row, index) => ({ row, index }));
  const areas = rows.map(({ row, index }) => rowArea(tableId, url, row, index, (code, level) => {
    if (level === 'land') return 'Nederland';
    const gemeentenaam = typeof row['Gemeentenaam_1'] === 'string' ? row['Gemeentenaam_1'].trim() : '';
    if (level === 'gemeente' && gemeentenaam !== '') return gemeentenaam;
    return titles.get(code) ?? '';
  }));
  checkUnique(tableId, url, areas);
  const series = readSeries(tableId, url, rows, topics);
  progress(`StatLine ${tableId}: ${areas.length} areas, ${series.length} series`);
  const modified = info.Modified.slice(0, 10);
  return {
    info: {
      id: 'kwb-2024',
      titleNl: `${info.Title.trim()} (StatLine ${tableId}, gewijzigd ${modified})`,
      publisher: 'CBS',
      tableId,
      licence: 'CC BY 4.0',
      classificationYear: 2024,
      source: [`${cbs.baseUrl}/${tableId}/TypedDataSet (Modified ${info.Modified})`],
      contentHash: sha256OfBodies([infos, properties, regions, data]),
    },
    priority: 100,
    areas,
    series,
  };
}

/**
 * RIVM 50090NED as one dataset per year × age group (`rivm-2020-18plus`, …), the ids, areas and series of the
 * offline adapter (src/import/adapters/rivm-gezondheid.ts). Only point estimates (Marges MW00000) are read.
 */
export async function readRivmOnline(rivm: StatlineClient, progress: OnlineProgress = () => undefined): Promise<{ datasets: DatasetRecord[]; indicators: IndicatorDefinition[] }> {
  const tableId = RIVM_TABLE;
  progress(`StatLine ${tableId}: table information`);
  const infos = await rivm.tableInfos(tableId);
  const info = infos.value[0];
  if (info === undefined || info.Identifier.trim() !== tableId) fail(tableId, infos.urls[0]!, `TableInfos does not describe ${tableId}`);
  progress(`StatLine ${tableId}: data`);
  const data = await rivm.typedDataSet(tableId, {
    select: ['ID', 'Leeftijd', 'Marges', 'WijkenEnBuurten', 'Perioden', 'Gemeentenaam_1', 'SoortRegio_2', ...HEALTH_MEASURES.map((m) => m.sourceColumn)],
    filter: "Marges eq 'MW00000'",
  });
  const url = data.urls[0]!;
  const groups = new Map<string, { year: number; age: HealthAgeGroup; rows: { row: TypedRow; index: number }[] }>();
  data.value.forEach((row, index) => {
    if (text(tableId, url, row, index, 'Marges') !== 'MW00000') return;
    const leeftijd = text(tableId, url, row, index, 'Leeftijd');
    const age = HEALTH_AGE_GROUPS.find((a) => a.leeftijdCode === leeftijd);
    if (age === undefined) fail(tableId, url, `${rowName(row, index)}, key Leeftijd: "${leeftijd}" is not an age group of the catalog`);
    const perioden = text(tableId, url, row, index, 'Perioden');
    const period = /^(\d{4})JJ00$/.exec(perioden);
    if (period === null) fail(tableId, url, `${rowName(row, index)}, key Perioden: "${perioden}" is not a year (YYYYJJ00)`);
    const key = `${period[1]}-${age.fileSuffix}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { year: Number(period[1]), age, rows: [] };
      groups.set(key, group);
    }
    group.rows.push({ row, index });
  });
  const contentHash = sha256OfBodies([infos, data]);
  const datasets: DatasetRecord[] = [];
  for (const [key, { year, age, rows }] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const areas = rows.map(({ row, index }) => rowArea(tableId, url, row, index, (code, level) => {
      if (level === 'land') return 'Nederland';
      // 50090NED names only the gemeente. Wijken and buurten get no name, as in the offline adapter: the register
      // reads '' as "no name" and takes the name from a dataset that has one (a code would compete with it).
      if (level === 'gemeente') {
        const name = text(tableId, url, row, index, 'Gemeentenaam_1');
        if (name === '') fail(tableId, url, `${rowName(row, index)}, key Gemeentenaam_1: gemeente ${code} has no name`);
        return name;
      }
      return '';
    }));
    checkUnique(tableId, url, areas);
    const topics = HEALTH_MEASURES.map((m) => ({
      sourceColumn: m.sourceColumn,
      indicatorId: healthIndicatorId(m.base, age),
      period: String(year),
      referenceNl: `${year} (Gezondheidsmonitor, najaar ${year})`,
    }));
    const series = readSeries(tableId, url, rows, topics);
    for (const s of series) {
      const bad = s.values.findIndex((v, i) => s.missing[i] === 0 && (v < 0 || v > 100));
      if (bad >= 0) fail(tableId, url, `${rowName(rows[bad]!.row, rows[bad]!.index)}, key ${s.sourceColumn}: ${s.values[bad]} is not a percentage (0–100)`);
    }
    progress(`StatLine ${tableId}: ${key}: ${areas.length} areas, ${series.length} series`);
    datasets.push({
      info: {
        id: `rivm-${key}`,
        titleNl: `Gezondheid per wijk en buurt ${year}, ${age.shareOfNl} (modelschattingen RIVM, indeling 2020; StatLine ${tableId}, gewijzigd ${info.Modified.slice(0, 10)})`,
        publisher: "RIVM; GGD'en, CBS en RIVM (Gezondheidsmonitor Volwassenen en Ouderen)",
        tableId,
        licence: 'CC BY 4.0 (RIVM/CBS open data, StatLine)',
        classificationYear: 2020,
        source: [`${rivm.baseUrl}/${tableId}/TypedDataSet (Modified ${info.Modified})`],
        contentHash,
      },
      priority: 100,
      areas,
      series,
    });
  }
  const used = new Set(datasets.flatMap((d) => d.series.map((s) => s.indicatorId)));
  const indicators = HEALTH_AGE_GROUPS.flatMap((age) => HEALTH_MEASURES.map((m) => healthIndicator(m, age))).filter((i) => used.has(i.id));
  return { datasets, indicators };
}

/**
 * Everything the online import provides, in the shape of the offline adapters' output. The KWB catalog entries
 * are not produced here: they come from src/import/catalog/kwb.ts, which the orchestrator adds (as offline).
 */
export async function readOnline(client: OnlineClients, progress?: OnlineProgress): Promise<AdapterOutput> {
  const kwb = await readKwb2024Online(client.cbs, progress);
  const rivm = await readRivmOnline(client.rivm, progress);
  return {
    datasets: [kwb, ...rivm.datasets],
    indicators: [...kwbCatalogFor([kwb]), ...rivm.indicators],
    areaAttributes: [],
    geometries: [],
    postcodes: [],
    referenceTables: [],
  };
}
