// The HTTP API: createApp wires routes to the cube and store it is given. Every route is GET-only, declares its
// authorisation policy first, validates its query with zod, calls the domain and returns; formatting of errors
// happens in one place (onError → problem+json). Nothing on the request path touches SQLite except the
// dataset and geometry listings, which are not hot.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { LEVELS, THEMES } from '../shared/types.ts';
import type { Area, Indicator } from '../shared/types.ts';
import type { DataCube, ClassificationDiff } from '../domain/cube.ts';
import { buildProfile } from '../domain/profile/profile.ts';
import type { Store, StoredDataset } from '../db/store.ts';
import { authorize } from './authorize.ts';
import type { Credentials, Policy } from './authorize.ts';
import type { ReferenceTable } from '../shared/snapshot.ts';
import { registerSegmentationRoutes, segmentationService } from './segmentation.ts';
import type { Handler, Lister } from './segmentation.ts';
import { csvLine, toCsv } from './csv.ts';
import type { CsvField } from './csv.ts';
import type { Log } from './log.ts';
import { HttpError, problemResponse } from './problem.ts';
import { areaCode, commaList, indicatorId, negotiate, parseParam, parseQuery, periodLabel, resourceId } from './request.ts';
import { openApiDocument } from './openapi.ts';
import {
  allSeries,
  checkRowCount,
  checkSelection,
  MAX_VALUE_ROWS,
  resolveSeries,
  VALUE_CSV_HEADER,
  valueCsvFields,
  valueRows,
  wholeSeriesRows,
} from './values.ts';
import type { AreaSelection } from './values.ts';

export interface AppDeps {
  store: Store;
  /** Used for log timestamps; injected so tests are deterministic. */
  clock: () => Date;
  log: Log;
  /** The current cube. A function, so that an import can swap in a new cube while the server runs. */
  cube: () => DataCube;
  /** The browser client's files (static.ts); paths outside /api go to it. Absent = API only. */
  client?: { respond(pathname: string): Response | null };
  /** Reference tables of the snapshot the cube was built from (kept at load, never re-read per request). */
  referenceTables?: () => readonly ReferenceTable[];
  /** Who may write (save or delete target groups); absent = writing disabled (403 that says how to enable it). */
  credentials?: Credentials;
  /** Most rows one /values response may hold (default MAX_VALUE_ROWS); injectable so tests can reach it. */
  maxValueRows?: number;
}

export const API_BASE = '/api/v1';
/** Longer query strings are refused (414): no legitimate query needs more, and it bounds parsing work. */
export const MAX_QUERY_LENGTH = 4096;
/** Most areas or indicators one values query may name explicitly. */
export const MAX_LIST = 500;

const SECURITY_HEADERS: Record<string, string> = {
  // img-src blob:/data: lets the client turn its own SVG charts into PNG downloads; nothing else is loosened.
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const NO_REFERENCE_TABLES: readonly ReferenceTable[] = [];

/** Builds the API. The result's `fetch` is the request handler; `routes` lists what was registered. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  /** Routes that accept a method other than GET/HEAD: only these loosen the read-only guard below. */
  const writeRoutes: { method: string; pattern: RegExp }[] = [];

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Open data without credentials: any site may read the API (the browser sends no cookies cross-origin).
    if (c.req.path.startsWith('/api/')) c.res.headers.set('access-control-allow-origin', '*');
  });
  app.use('*', async (c, next) => {
    const query = new URL(c.req.url).search;
    if (query.length > MAX_QUERY_LENGTH) {
      throw new HttpError(414, `the query string is ${query.length} characters; at most ${MAX_QUERY_LENGTH} are accepted`);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // c.req.path is the path Hono routes on, so the guard and the router can never disagree about a request.
      const here = writeRoutes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method);
      if (!here.includes(c.req.method)) {
        const allow = ['GET', 'HEAD', ...new Set(here)].join(', ');
        const why = here.length === 0 ? 'this resource is read-only' : 'this resource does not accept it';
        throw new HttpError(405, `${c.req.method} is not allowed; ${why} (${allow})`, { headers: { allow } });
      }
    }
    const client = deps.client;
    const pathname = c.req.path;
    if (client !== undefined && !pathname.startsWith('/api/')) {
      const response = client.respond(pathname);
      if (response !== null) return response;
    }
    await next();
  });
  app.onError((error, c) => {
    const instance = new URL(c.req.url).pathname;
    if (error instanceof HttpError) return problemResponse(error, instance);
    deps.log.error('request failed', { at: deps.clock().toISOString(), path: instance, error: error.stack ?? String(error) });
    return problemResponse(new HttpError(500, 'the server could not answer this request; the error has been logged'), instance);
  });
  app.notFound((c) => problemResponse(new HttpError(404, `no such resource; the API is described at ${API_BASE}/openapi.json`), new URL(c.req.url).pathname));

  const credentials = deps.credentials;
  const get = (path: string, policy: Policy, handler: Handler) => {
    app.get(`${API_BASE}${path}`, authorize(policy, credentials), handler);
  };
  const route = (method: 'get' | 'post' | 'delete', path: string, policy: Policy, handler: Handler) => {
    const full = `${API_BASE}${path}`;
    if (method !== 'get') writeRoutes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${full.replace(/:\w+/g, '[^/]+')}$`) });
    app.on(method.toUpperCase(), full, authorize(policy, credentials), handler);
  };
  const lister: Lister = (c, items, header, fields, extra) => {
    const format = negotiate(c, true);
    if (format === 'json') return c.json({ ...extra, items });
    return csvResponse(toCsv(header, items.map(fields)));
  };

  get('/areas', 'public', (c) => {
    const query = parseQuery(c, AREAS_QUERY);
    const format = negotiate(c, true);
    const cube = deps.cube();
    if (query.parent !== undefined && cube.area(query.parent) === undefined) throw new HttpError(404, `unknown area code "${query.parent}"`);
    const areas = cube.searchAreas({ q: query.q, level: query.level, parentCode: query.parent, limit: query.limit });
    return list(c, format, areas, AREA_CSV_HEADER, areaCsvFields);
  });

  get('/areas/:code', 'public', (c) => {
    const code = parseParam(c, 'code', areaCode);
    negotiate(c, false);
    const cube = deps.cube();
    const area = cube.area(code);
    if (area === undefined) throw new HttpError(404, `unknown area code "${code}"`);
    return c.json({ area, ancestors: cube.ancestors(code), children: cube.children(code) });
  });

  get('/areas/:code/profile', 'public', (c) => {
    const code = parseParam(c, 'code', areaCode);
    parseQuery(c, EMPTY_QUERY);
    negotiate(c, false);
    const profile = buildProfile(deps.cube(), code);
    if (profile === null) throw new HttpError(404, `unknown area code "${code}"`);
    return c.json(profile);
  });

  get('/indicators', 'public', (c) => {
    const query = parseQuery(c, INDICATORS_QUERY);
    const format = negotiate(c, true);
    const indicators = [...deps.cube().indicators.values()].filter((i) => query.theme === undefined || i.theme === query.theme);
    return list(c, format, indicators, INDICATOR_CSV_HEADER, indicatorCsvFields);
  });

  get('/indicators/:id', 'public', (c) => {
    const id = parseParam(c, 'id', indicatorId);
    negotiate(c, false);
    const indicator = deps.cube().indicators.get(id);
    if (indicator === undefined) throw new HttpError(404, `unknown indicator "${id}"`);
    return c.json(indicator);
  });

  get('/values', 'public', (c) => {
    const query = parseQuery(c, VALUES_QUERY);
    const format = negotiate(c, true);
    const cube = deps.cube();
    const selection: AreaSelection =
      query.areas !== undefined
        ? { kind: 'codes', codes: query.areas }
        : { kind: 'level', level: query.level!, parent: query.parent ?? null };
    checkSelection(cube, selection);
    const series = resolveSeries(cube, query.indicators, query.periods);
    checkRowCount(cube, series, selection, deps.maxValueRows ?? MAX_VALUE_ROWS);
    const rows = valueRows(cube, series, selection);
    return list(c, format, rows, VALUE_CSV_HEADER, valueCsvFields);
  });

  get('/datasets', 'public', async (c) => {
    parseQuery(c, EMPTY_QUERY);
    const format = negotiate(c, true);
    const datasets = await deps.store.read((tx) => tx.listDatasets());
    return list(c, format, datasets, DATASET_CSV_HEADER, datasetCsvFields);
  });

  get('/classifications', 'public', (c) => {
    parseQuery(c, EMPTY_QUERY);
    const format = negotiate(c, true);
    const diffs = deps.cube().classificationDiffs();
    if (format === 'json') return c.json({ items: diffs });
    return csvResponse(toCsv(CLASSIFICATION_CSV_HEADER, diffs.flatMap(classificationCsvRows)));
  });

  get('/download', 'public', (c) => {
    const query = parseQuery(c, DOWNLOAD_QUERY);
    const format = negotiate(c, true);
    const series = allSeries(deps.cube(), query.indicators ?? null);
    const csv = format === 'csv';
    const encoder = new TextEncoder();
    let index = 0;
    let firstRow = true;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // One series (one column of the cube) per chunk: memory stays bounded by the largest dataset.
        let text = index === 0 ? (csv ? csvLine(VALUE_CSV_HEADER) : '{"items":[') : '';
        const s = series[index++];
        if (s !== undefined) {
          for (const row of wholeSeriesRows(s)) {
            if (csv) {
              text += csvLine(valueCsvFields(row));
            } else {
              text += (firstRow ? '' : ',') + JSON.stringify(row);
              firstRow = false;
            }
          }
        }
        if (index >= series.length) {
          if (!csv) text += ']}';
          controller.enqueue(encoder.encode(text));
          controller.close();
        } else if (text !== '') {
          controller.enqueue(encoder.encode(text));
        }
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': format === 'csv' ? CSV_TYPE : 'application/json',
        'content-disposition': `attachment; filename="buurtbeeld-values.${format}"`,
      },
    });
  });

  get('/geometries', 'public', async (c) => {
    parseQuery(c, EMPTY_QUERY);
    const format = negotiate(c, true);
    const geometries = await deps.store.read((tx) => tx.listGeometries());
    return list(c, format, geometries, GEOMETRY_CSV_HEADER, (g) => [g.id, g.level, g.classificationYear, g.codeProperty, g.datasetId]);
  });

  // TopoJSON is large and changes only with an import: cache its ETag per cube (an import swaps the cube).
  const etags = new WeakMap<DataCube, Map<string, string>>();
  get('/geometries/:id', 'public', async (c) => {
    const id = parseParam(c, 'id', resourceId);
    parseQuery(c, EMPTY_QUERY);
    negotiate(c, false);
    const geometry = await deps.store.read((tx) => tx.geometry(id));
    if (geometry === null) throw new HttpError(404, `unknown geometry "${id}"; GET ${API_BASE}/geometries lists them`);
    const cube = deps.cube();
    let cache = etags.get(cube);
    if (cache === undefined) etags.set(cube, (cache = new Map()));
    let etag = cache.get(id);
    if (etag === undefined) {
      etag = `"${createHash('sha256').update(geometry.topojson).digest('base64url').slice(0, 32)}"`;
      cache.set(id, etag);
    }
    const headers = { etag, 'cache-control': 'public, max-age=3600, must-revalidate' };
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(geometry.topojson, { headers: { ...headers, 'content-type': 'application/json' } });
  });

  const referenceTables = deps.referenceTables ?? (() => NO_REFERENCE_TABLES);
  registerSegmentationRoutes(route, lister, { store: deps.store, clock: deps.clock, cube: deps.cube, referenceTables }, segmentationService({ ...deps, referenceTables }));

  get('/openapi.json', 'public', (c) => {
    parseQuery(c, EMPTY_QUERY);
    negotiate(c, false);
    return c.json(openApiDocument);
  });

  return app;
}

function list<T>(c: Context, format: 'json' | 'csv', items: readonly T[], header: readonly string[], fields: (item: T) => CsvField[]): Response {
  if (format === 'json') return c.json({ items });
  return csvResponse(toCsv(header, items.map(fields)));
}

function csvResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': CSV_TYPE } });
}

// Query schemas: strict, so a misspelt parameter is a 400 instead of being ignored.
const limit = z
  .string()
  .regex(/^\d{1,6}$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1).max(20000));

export const AREAS_QUERY = z.strictObject({
  // An empty q (a cleared search box) means no text filter.
  q: z.string().trim().max(100).optional().transform((q) => (q === '' ? undefined : q)),
  level: z.enum(LEVELS).optional(),
  parent: areaCode.optional(),
  limit: limit.default(20),
});

export const INDICATORS_QUERY = z.strictObject({ theme: z.enum(THEMES).optional() });

export const VALUES_QUERY = z
  .strictObject({
    areas: commaList(areaCode, MAX_LIST).optional(),
    level: z.enum(LEVELS).optional(),
    parent: areaCode.optional(),
    indicators: commaList(indicatorId, MAX_LIST),
    periods: commaList(periodLabel, 50).default(['latest']),
  })
  .refine((q) => (q.areas === undefined) !== (q.level === undefined), {
    message: 'give either areas=CODE,CODE or level=LEVEL (with optional parent=CODE), not both and not neither',
    path: ['areas'],
  })
  .refine((q) => q.parent === undefined || q.level !== undefined, { message: 'parent needs level', path: ['parent'] });

export const DOWNLOAD_QUERY = z.strictObject({ indicators: commaList(indicatorId, MAX_LIST).optional() });
const EMPTY_QUERY = z.strictObject({});

const AREA_CSV_HEADER = ['code', 'level', 'name', 'parentCode', 'provinceCode', 'ggdRegionCode', 'urbanity', 'years'];
function areaCsvFields(a: Area): CsvField[] {
  return [a.code, a.level, a.name, a.parentCode, a.provinceCode, a.ggdRegionCode, a.urbanity, a.years.join(' ')];
}

const INDICATOR_CSV_HEADER = ['id', 'labelNl', 'labelEn', 'unit', 'theme', 'ageGroup', 'polarity', 'isEstimate', 'decimals', 'periods'];
function indicatorCsvFields(i: Indicator): CsvField[] {
  return [i.id, i.labelNl, i.labelEn, i.unit, i.theme, i.ageGroup, i.polarity, i.isEstimate, i.decimals, i.periods.map((p) => p.period).join(' ')];
}

const DATASET_CSV_HEADER = ['id', 'titleNl', 'publisher', 'tableId', 'licence', 'classificationYear', 'importedAt', 'seriesCount', 'areaCount', 'contentHash'];
function datasetCsvFields(d: StoredDataset): CsvField[] {
  return [d.id, d.titleNl, d.publisher, d.tableId, d.licence, d.classificationYear, d.importedAt, d.seriesCount, d.areaCount, d.contentHash];
}

const CLASSIFICATION_CSV_HEADER = ['fromYear', 'toYear', 'level', 'code', 'onlyIn'];
function classificationCsvRows(d: ClassificationDiff): CsvField[][] {
  return [...d.onlyInFrom.map((code) => [d.fromYear, d.toYear, d.level, code, d.fromYear]), ...d.onlyInTo.map((code) => [d.fromYear, d.toYear, d.level, code, d.toYear])];
}

const GEOMETRY_CSV_HEADER = ['id', 'level', 'classificationYear', 'codeProperty', 'datasetId'];
